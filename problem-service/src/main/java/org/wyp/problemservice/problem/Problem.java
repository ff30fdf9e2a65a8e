package org.wyp.problemservice.problem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.wyp.kit.domain.ForbiddenException;
import org.wyp.kit.security.Caller;
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

  /**
   * A new draft, by a problem owner for its own organisation.
   *
   * @throws ForbiddenException when the drafter is not a problem owner ({@code
   *     not-a-problem-owner}) or the content names another owner ({@code organisation-mismatch})
   */
  public static Problem draft(
      ProblemId id, RoundId roundId, ProblemContent content, Caller drafter, Instant now) {
    Organisations.actingFor(drafter, content.ownerOrganisation());
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

  /**
   * Replaces the text; a published problem tells the world, a draft changes quietly. Only the
   * owning organisation's problem owners edit, and the owner stays the owner.
   */
  public void edit(Caller editor, ProblemContent newContent, Instant now) {
    if (!isOwnedBy(editor)) {
      throw new ForbiddenException(
          "not-the-owner",
          "Only %s's problem owners may edit this problem".formatted(content.ownerOrganisation()));
    }
    Organisations.actingFor(editor, newContent.ownerOrganisation());
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

  /**
   * One endorsement per organisation, never by the owner, only while the problem is public. The
   * endorsing organisation is the one the endorser's token names; the request may repeat it.
   */
  public void endorse(Caller endorser, String claimedOrganisation, String note, Instant now) {
    String name = Organisations.actingFor(endorser, claimedOrganisation);
    requireStatus(ProblemStatus.PUBLIC, "be endorsed");
    if (Organisations.same(name, content.ownerOrganisation())) {
      throw new ConflictException("own-problem", name + " owns this problem and cannot endorse it");
    }
    if (endorsements.stream().anyMatch(e -> Organisations.same(e.organisation(), name))) {
      throw new ConflictException("already-endorsed", name + " has already endorsed this problem");
    }
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

  /** Whether the caller is a problem owner of this problem's organisation. */
  public boolean isOwnedBy(Caller caller) {
    return Organisations.isProblemOwner(caller)
        && Organisations.same(caller.organisation(), content.ownerOrganisation());
  }

  /** Whether the caller may know this problem exists (see {@link ProblemVisibility}). */
  public boolean isVisibleTo(Caller caller) {
    return ProblemVisibility.of(caller).shows(this);
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
