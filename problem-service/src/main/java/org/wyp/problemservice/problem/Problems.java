package org.wyp.problemservice.problem;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Tags;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import org.wyp.events.view.PublicViewChange;
import org.wyp.kit.aggregate.AggregateStore;
import org.wyp.kit.aggregate.AggregateStoreSupport;
import org.wyp.kit.metrics.GroupedCounts;
import org.wyp.kit.web.PageResponse;

/** Stored problem statements and the problem board's queries. */
@Repository
public class Problems extends AggregateStore<Problem> {

  static final String COLLECTION = "problems";

  Problems(AggregateStoreSupport support) {
    super(support, Problem.class, COLLECTION);
    var indexes = mongo().indexOps(COLLECTION);
    indexes.createIndex(
        new Index().on("status", Sort.Direction.ASC).on("roundId", Sort.Direction.ASC));
    indexes.createIndex(new Index().on("content.theme", Sort.Direction.ASC));
    indexes.createIndex(new Index().on("content.boroughs", Sort.Direction.ASC));
  }

  @Override
  protected List<PublicViewChange> publicViews(Problem problem) {
    return problem.publicView().stream().toList();
  }

  public Optional<Problem> find(ProblemId id) {
    return find(id.toString());
  }

  public Problem save(Problem problem) {
    return save(problem, problem.problemId().toString());
  }

  /** Answered by one grouping in the database, for a gauge refreshed in the background. */
  Map<Tags, Long> countByStatusAndTheme() {
    return GroupedCounts.count(
        mongo(), COLLECTION, Map.of("status", "status", "theme", "content.theme"));
  }

  /**
   * Every value from the client is compared as data: ids and names by equality, the free text as a
   * quoted pattern, so {@code {"$gt": ""}} or {@code .*} only ever match themselves. Only problems
   * the visibility shows are counted or returned.
   */
  PageResponse<Problem> search(
      ProblemFilter filter, ProblemVisibility visibility, int page, int size) {
    Query query = new Query();
    if (visibility.organisation().isEmpty()) {
      Set<ProblemStatus> statuses = EnumSet.noneOf(ProblemStatus.class);
      statuses.addAll(filter.statuses());
      statuses.retainAll(visibility.statuses());
      query.addCriteria(where("status").in(statuses));
    } else {
      query.addCriteria(where("status").in(filter.statuses()));
      query.addCriteria(
          new Criteria()
              .orOperator(
                  where("status").in(visibility.statuses()),
                  where("content.ownerOrganisation")
                      .regex(sameName(visibility.organisation().orElseThrow()))));
    }
    filter.roundId().ifPresent(id -> query.addCriteria(where("roundId").is(id.toString())));
    filter.theme().ifPresent(theme -> query.addCriteria(where("content.theme").is(theme)));
    filter.borough().ifPresent(b -> query.addCriteria(where("content.boroughs").is(b)));
    filter
        .text()
        .ifPresent(
            text ->
                query.addCriteria(
                    where("content.title")
                        .regex(Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE))));
    long total = mongo().count(query, Problem.class, collection());
    query
        .with(Sort.by(Sort.Direction.DESC, "publishedAt").and(Sort.by("_id")))
        .skip((long) page * size)
        .limit(size);
    List<Problem> problems = mongo().find(query, Problem.class, collection());
    return new PageResponse<>(problems, page, size, total);
  }

  /** Matches the name exactly but for case, as {@link Organisations#same} compares. */
  private static Pattern sameName(String organisation) {
    return Pattern.compile(
        "^" + Pattern.quote(organisation.strip()) + "$", Pattern.CASE_INSENSITIVE);
  }
}
