package org.wyp.problemservice.round;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import org.wyp.events.view.PublicViewChange;
import org.wyp.kit.aggregate.AggregateStore;
import org.wyp.kit.aggregate.AggregateStoreSupport;
import org.wyp.kit.web.PageResponse;

/** Stored rounds. */
@Repository
public class Rounds extends AggregateStore<Round> {

  static final String COLLECTION = "rounds";

  Rounds(AggregateStoreSupport support) {
    super(support, Round.class, COLLECTION);
  }

  /** Every round is public from its announcement. */
  @Override
  protected List<PublicViewChange> publicViews(Round round) {
    return List.of(PublicViewChange.of(round.publicView()));
  }

  public Optional<Round> find(RoundId id) {
    return find(id.toString());
  }

  public Round save(Round round) {
    return save(round, round.roundId().toString());
  }

  PageResponse<Round> list(Optional<RoundStatus> status, int page, int size) {
    Query query = new Query();
    status.ifPresent(s -> query.addCriteria(where("status").is(s)));
    long total = mongo().count(query, Round.class, collection());
    query
        .with(Sort.by(Sort.Direction.DESC, "opensAt").and(Sort.by("_id")))
        .skip((long) page * size)
        .limit(size);
    List<Round> rounds = mongo().find(query, Round.class, collection());
    return new PageResponse<>(rounds, page, size, total);
  }
}
