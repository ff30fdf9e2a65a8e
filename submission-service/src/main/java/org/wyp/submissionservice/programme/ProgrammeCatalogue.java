package org.wyp.submissionservice.programme;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import org.wyp.events.DomainEvent;
import org.wyp.events.problem.ProblemClosed;
import org.wyp.events.problem.ProblemEndorsed;
import org.wyp.events.problem.ProblemEvent;
import org.wyp.events.problem.ProblemPublished;
import org.wyp.events.problem.ProblemUpdated;
import org.wyp.events.problem.ProblemWithdrawn;
import org.wyp.events.round.RoundAnnounced;
import org.wyp.events.round.RoundArchived;
import org.wyp.events.round.RoundEvent;
import org.wyp.events.round.RoundOpened;
import org.wyp.events.round.RoundSubmissionsClosed;
import org.wyp.kit.projection.Projections;

/**
 * This service's own projection of rounds and problems, built from their events: submissions are
 * decided from it, never by asking problem-service. Every write is a versioned upsert of one part
 * of a document, so duplicates, late events and replays leave it as the newest events say.
 */
@Repository
public class ProgrammeCatalogue {

  static final String ROUNDS = "known_rounds";
  static final String PROBLEMS = "known_problems";
  private static final String PHASE_VERSION = "phaseVersion";
  private static final String AVAILABILITY_VERSION = "availabilityVersion";
  private static final String CONTENT_VERSION = "contentVersion";

  private final Projections projections;
  private final MongoTemplate mongo;
  private final Clock clock;

  ProgrammeCatalogue(Projections projections, MongoTemplate mongo, Clock clock) {
    this.projections = projections;
    this.mongo = mongo;
    this.clock = clock;
  }

  void apply(DomainEvent event) {
    switch (event) {
      case RoundEvent round -> apply(round);
      case ProblemEvent problem -> apply(problem);
      default -> {}
    }
  }

  public Optional<KnownRound> round(UUID id) {
    return Optional.ofNullable(mongo.findById(id.toString(), Document.class, ROUNDS))
        .map(
            doc ->
                new KnownRound(
                    id,
                    enumOrNull(RoundPhase.class, doc.getString("phase")),
                    doc.getList("eligiblePostcodeAreas", String.class, List.of())));
  }

  /** Empty for a problem never published (a draft is never announced) or never heard of. */
  public Optional<KnownProblem> problem(UUID id) {
    return Optional.ofNullable(mongo.findById(id.toString(), Document.class, PROBLEMS))
        .filter(doc -> doc.getString("availability") != null)
        .map(
            doc ->
                new KnownProblem(
                    id,
                    UUID.fromString(doc.getString("roundId")),
                    ProblemAvailability.valueOf(doc.getString("availability")),
                    doc.getString("title")));
  }

  private void apply(RoundEvent event) {
    String id = event.roundId().toString();
    RoundPhase phase =
        switch (event) {
          case RoundAnnounced announced -> {
            // Announced once and never changed, so it is set whatever order events arrive in.
            mongo.upsert(
                query(where("_id").is(id)),
                new Update().set("eligiblePostcodeAreas", announced.eligiblePostcodeAreas()),
                ROUNDS);
            yield RoundPhase.ANNOUNCED;
          }
          case RoundOpened opened -> RoundPhase.OPEN;
          case RoundSubmissionsClosed closed -> RoundPhase.SUBMISSIONS_CLOSED;
          case RoundArchived archived -> RoundPhase.ARCHIVED;
        };
    projections.applyIfNewer(
        ROUNDS, id, PHASE_VERSION, event.version(), new Update().set("phase", phase.name()));
  }

  private void apply(ProblemEvent event) {
    String id = event.problemId().toString();
    switch (event) {
      case ProblemPublished published -> {
        setRound(id, published.roundId());
        setContent(id, published.version(), published.content().title());
        setAvailability(id, published.version(), ProblemAvailability.PUBLISHED);
      }
      case ProblemUpdated updated -> {
        setRound(id, updated.roundId());
        setContent(id, updated.version(), updated.content().title());
      }
      case ProblemClosed closed -> {
        setRound(id, closed.roundId());
        setAvailability(id, closed.version(), ProblemAvailability.CLOSED);
      }
      case ProblemWithdrawn withdrawn -> {
        setRound(id, withdrawn.roundId());
        setAvailability(id, withdrawn.version(), ProblemAvailability.WITHDRAWN);
      }
      case ProblemEndorsed endorsed -> {}
    }
  }

  /** A problem's round never changes, so it is set whatever order events arrive in. */
  private void setRound(String problemId, UUID roundId) {
    mongo.upsert(
        query(where("_id").is(problemId)),
        new Update().set("roundId", roundId.toString()),
        PROBLEMS);
  }

  private void setContent(String problemId, long version, String title) {
    projections.applyIfNewer(
        PROBLEMS, problemId, CONTENT_VERSION, version, new Update().set("title", title));
  }

  /**
   * Records when this service learned of the change: a pitch is accepted only if its check came
   * before the moment a close was applied here.
   */
  private void setAvailability(String problemId, long version, ProblemAvailability availability) {
    projections.applyIfNewer(
        PROBLEMS,
        problemId,
        AVAILABILITY_VERSION,
        version,
        new Update()
            .set("availability", availability.name())
            .set("availabilityAppliedAt", clock.instant()));
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }
}
