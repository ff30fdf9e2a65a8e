package org.wyp.problemservice.problem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.wyp.events.problem.ProblemClosed;
import org.wyp.events.problem.ProblemContent;
import org.wyp.events.problem.ProblemEndorsed;
import org.wyp.events.problem.ProblemPublished;
import org.wyp.events.problem.ProblemUpdated;
import org.wyp.events.problem.ProblemWithdrawn;
import org.wyp.events.view.PublicProblem;
import org.wyp.events.view.PublicViewChange;
import org.wyp.events.view.PublicViews;
import org.wyp.kit.aggregate.AggregateRoot;
import org.wyp.kit.domain.ConflictException;
import org.wyp.problemservice.round.RoundId;

/**
 * A problem statement. Drafts are private and change silently; once published every change is an
 * event. Endorsements live in the document so "one per organisation" holds without transactions.
 */
@Document(Problems.COLLECTION)
public class Problem extends AggregateRoot {

  @Id private String id;
  private String roundId;
  private ProblemStatus status;
  private ProblemContent content;
  private List<Endorsement> endorsements = new ArrayList<>();
  private Instant createdAt;
  private Instant updatedAt;
  private Instant publishedAt;

  protected Problem() {}

  public static Problem draft(ProblemId id, RoundId roundId, ProblemContent content, Instant now) {
    Problem problem = new Problem();
    problem.id = id.toString();
    problem.roundId = roundId.toString();
    problem.status = ProblemStatus.DRAFT;
    problem.content = content;
    problem.createdAt = now;
    problem.updatedAt = now;
    problem.nextVersion();
    return problem;
  }

  /** Replaces the text; a published problem tells the world, a draft changes quietly. */
  public void edit(ProblemContent newContent, Instant now) {
    requireStatus(Set.of(ProblemStatus.DRAFT, ProblemStatus.PUBLISHED), "be edited");
    content = newContent;
    updatedAt = now;
    if (status == ProblemStatus.DRAFT) {
      nextVersion();
    } else {
      recordChange(version -> new ProblemUpdated(uuid(), version, roundUuid(), newContent, now));
    }
  }

  public void publish(Instant now) {
    requireStatus(Set.of(ProblemStatus.DRAFT), "be published");
    status = ProblemStatus.PUBLISHED;
    publishedAt = now;
    updatedAt = now;
    recordChange(version -> new ProblemPublished(uuid(), version, roundUuid(), content, now));
  }

  public void close(Instant now) {
    requireStatus(Set.of(ProblemStatus.PUBLISHED), "be closed");
    status = ProblemStatus.CLOSED;
    updatedAt = now;
    recordChange(version -> new ProblemClosed(uuid(), version, roundUuid(), now));
  }

  /** A withdrawn draft was never public, so only a published or closed one is announced. */
  public void withdraw(Instant now) {
    requireStatus(
        Set.of(ProblemStatus.DRAFT, ProblemStatus.PUBLISHED, ProblemStatus.CLOSED), "be withdrawn");
    boolean wasPublic = ProblemStatus.PUBLIC.contains(status);
    status = ProblemStatus.WITHDRAWN;
    updatedAt = now;
    if (wasPublic) {
      recordChange(version -> new ProblemWithdrawn(uuid(), version, roundUuid(), now));
    } else {
      nextVersion();
    }
  }

  /** One endorsement per organisation, never by the owner, only while the problem is public. */
  public void endorse(String organisation, String note, Instant now) {
    requireStatus(ProblemStatus.PUBLIC, "be endorsed");
    String key = normalise(organisation);
    if (key.equals(normalise(content.ownerOrganisation()))) {
      throw new ConflictException(
          "own-problem", organisation + " owns this problem and cannot endorse it");
    }
    if (endorsements.stream().anyMatch(e -> normalise(e.organisation()).equals(key))) {
      throw new ConflictException(
          "already-endorsed", organisation + " has already endorsed this problem");
    }
    String name = organisation.strip();
    endorsements.add(new Endorsement(name, note, now));
    updatedAt = now;
    int count = endorsements.size();
    recordChange(
        version -> new ProblemEndorsed(uuid(), version, roundUuid(), name, note, count, now));
  }

  private void requireStatus(Set<ProblemStatus> allowed, String action) {
    if (!allowed.contains(status)) {
      throw new ConflictException(
          "illegal-transition",
          "Problem %s is %s and cannot %s (allowed when %s)"
              .formatted(id, status, action, allowed.stream().sorted().toList()));
    }
  }

  private static String normalise(String organisation) {
    return organisation.strip().toLowerCase(Locale.ROOT);
  }

  private UUID uuid() {
    return UUID.fromString(id);
  }

  private UUID roundUuid() {
    return UUID.fromString(roundId);
  }

  public ProblemId problemId() {
    return new ProblemId(uuid());
  }

  public RoundId roundId() {
    return new RoundId(roundUuid());
  }

  public ProblemStatus status() {
    return status;
  }

  public boolean isPublic() {
    return ProblemStatus.PUBLIC.contains(status);
  }

  public ProblemContent content() {
    return content;
  }

  public List<Endorsement> endorsements() {
    return List.copyOf(endorsements);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  /**
   * What the public board shows: the problem while it is public, its removal once a public problem
   * is withdrawn, and nothing for a draft, which was never shown.
   */
  public Optional<PublicViewChange> publicView() {
    if (isPublic()) {
      return Optional.of(
          PublicViewChange.of(
              new PublicProblem(
                  uuid(),
                  roundUuid(),
                  content.title(),
                  content.summary(),
                  content.theme(),
                  content.ownerOrganisation(),
                  content.boroughs(),
                  status.name(),
                  endorsements.size(),
                  publishedAt,
                  updatedAt)));
    }
    if (status == ProblemStatus.WITHDRAWN && publishedAt != null) {
      return Optional.of(PublicViewChange.removal(PublicViews.PROBLEM, uuid()));
    }
    return Optional.empty();
  }
}
