package org.wyp.problemservice.funding;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import org.wyp.events.DomainEvent;
import org.wyp.events.award.AwardAccepted;
import org.wyp.events.award.AwardCompleted;
import org.wyp.events.award.AwardEvent;
import org.wyp.events.award.AwardGranted;
import org.wyp.events.award.AwardRevoked;
import org.wyp.events.award.TrancheReleased;
import org.wyp.kit.kafka.PoisonEventException;
import org.wyp.kit.projection.Projections;
import org.wyp.problemservice.funding.FundedSolution.AwardStatus;
import org.wyp.problemservice.problem.ProblemId;

/**
 * This service's projection of award events: which problems have funded solutions. One document per
 * award, written only by versioned upserts, so redelivery and replay change nothing.
 */
@Repository
public class FundedSolutions {

  static final String COLLECTION = "funded_solutions";

  private final Projections projections;
  private final MongoTemplate mongo;

  FundedSolutions(Projections projections, MongoTemplate mongo) {
    this.projections = projections;
    this.mongo = mongo;
    mongo.indexOps(COLLECTION).createIndex(new Index().on("problemId", Sort.Direction.ASC));
  }

  /** Applies an award event; anything else on the awards topic is not this projection's concern. */
  void apply(DomainEvent event) {
    if (event instanceof AwardEvent award) {
      projections.applyIfNewer(
          COLLECTION, award.awardId().toString(), award.version(), changeFor(award));
    }
  }

  public List<FundedSolution> forProblem(ProblemId problemId) {
    return mongo
        .find(
            query(where("problemId").is(problemId.toString()))
                .with(Sort.by("grantedAt").and(Sort.by("_id")))
                .limit(100),
            Document.class,
            COLLECTION)
        .stream()
        .filter(doc -> doc.getString("submissionId") != null)
        .map(FundedSolutions::toSolution)
        .toList();
  }

  private static Update changeFor(AwardEvent event) {
    return switch (event) {
      case AwardGranted granted -> granted(granted);
      case AwardAccepted accepted -> new Update().set("status", AwardStatus.ACCEPTED.name());
      case TrancheReleased released -> new Update().set("paidPence", released.paidPence());
      case AwardCompleted completed ->
          new Update()
              .set("status", AwardStatus.COMPLETED.name())
              .set("paidPence", completed.paidPence());
      case AwardRevoked revoked ->
          new Update()
              .set("status", AwardStatus.REVOKED.name())
              .set("paidPence", revoked.paidPence());
    };
  }

  private static Update granted(AwardGranted granted) {
    if (granted.amountPence() <= 0 || granted.problemId() == null) {
      throw new PoisonEventException(
          "AwardGranted %s needs a problemId and a positive amount, got %s and %d"
              .formatted(granted.awardId(), granted.problemId(), granted.amountPence()));
    }
    return new Update()
        .set("problemId", granted.problemId().toString())
        .set("submissionId", granted.submissionId().toString())
        .set("smeId", granted.smeId().toString())
        .set("amountPence", granted.amountPence())
        .setOnInsert("paidPence", 0L)
        .set("status", AwardStatus.GRANTED.name())
        .set("grantedAt", granted.grantedAt());
  }

  private static FundedSolution toSolution(Document doc) {
    return new FundedSolution(
        UUID.fromString(doc.getString("_id")),
        UUID.fromString(doc.getString("submissionId")),
        UUID.fromString(doc.getString("smeId")),
        doc.get("amountPence", Number.class).longValue(),
        doc.get("paidPence", 0L),
        AwardStatus.valueOf(doc.getString("status")),
        doc.getDate("grantedAt").toInstant());
  }
}
