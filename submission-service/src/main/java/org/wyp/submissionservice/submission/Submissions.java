package org.wyp.submissionservice.submission;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import org.wyp.kit.aggregate.AggregateStore;
import org.wyp.kit.aggregate.AggregateStoreSupport;
import org.wyp.kit.metrics.GroupedCounts;
import org.wyp.kit.web.PageResponse;

/** Stored submissions and their queries. */
@Repository
public class Submissions extends AggregateStore<Submission> {

  static final String COLLECTION = "submissions";
  static final String LIVE_KEY_INDEX = "one_live_pitch_per_sme_and_problem";

  Submissions(AggregateStoreSupport support) {
    super(support, Submission.class, COLLECTION);
    var indexes = mongo().indexOps(COLLECTION);
    // Sparse: withdrawn submissions have no liveKey and do not take part.
    indexes.createIndex(
        new Index().on("liveKey", Sort.Direction.ASC).unique().sparse().named(LIVE_KEY_INDEX));
    indexes.createIndex(new Index().on("problemId", Sort.Direction.ASC));
    indexes.createIndex(new Index().on("smeId", Sort.Direction.ASC));
    indexes.createIndex(new Index().on("roundId", Sort.Direction.ASC));
  }

  public Optional<Submission> find(SubmissionId id) {
    return find(id.toString());
  }

  public Submission save(Submission submission) {
    return save(submission, submission.submissionId().toString());
  }

  PageResponse<Submission> search(SubmissionFilter filter, int page, int size) {
    Query query = new Query();
    filter.smeId().ifPresent(id -> query.addCriteria(where("smeId").is(id.toString())));
    filter.problemId().ifPresent(id -> query.addCriteria(where("problemId").is(id.toString())));
    filter.roundId().ifPresent(id -> query.addCriteria(where("roundId").is(id.toString())));
    filter.status().ifPresent(s -> query.addCriteria(where("status").is(s.name())));
    long total = mongo().count(query, Submission.class, collection());
    query
        .with(Sort.by(Sort.Direction.DESC, "submittedAt").and(Sort.by("_id")))
        .skip((long) page * size)
        .limit(size);
    return new PageResponse<>(
        mongo().find(query, Submission.class, collection()), page, size, total);
  }

  /** The live submissions of a round in a status: bounded by the round's size. */
  List<Submission> inRound(UUID roundId, SubmissionStatus status) {
    return mongo()
        .find(
            Query.query(where("roundId").is(roundId.toString()).and("status").is(status.name())),
            Submission.class,
            collection());
  }

  boolean anyInRound(UUID roundId, SubmissionStatus status) {
    return mongo()
        .exists(
            Query.query(where("roundId").is(roundId.toString()).and("status").is(status.name())),
            collection());
  }

  public long liveCount(UUID problemId) {
    return mongo()
        .count(
            Query.query(where("problemId").is(problemId.toString()).and("liveKey").exists(true)),
            collection());
  }

  List<ProblemSubmissionCount> liveCountsByProblem(UUID roundId) {
    Aggregation aggregation =
        Aggregation.newAggregation(
            Aggregation.match(where("roundId").is(roundId.toString()).and("liveKey").exists(true)),
            Aggregation.group("problemId").count().as("submissions"),
            Aggregation.sort(Sort.by("_id")));
    return mongo().aggregate(aggregation, collection(), Document.class).getMappedResults().stream()
        .map(
            doc ->
                new ProblemSubmissionCount(
                    UUID.fromString(doc.getString("_id")),
                    doc.get("submissions", Number.class).longValue()))
        .toList();
  }

  /** Answered by one grouping in the database, for a gauge refreshed in the background. */
  Map<Tags, Long> countByRoundAndStatus() {
    return GroupedCounts.count(mongo(), COLLECTION, Map.of("round", "roundId", "status", "status"));
  }
}
