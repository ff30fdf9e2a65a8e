package org.wyp.judgingservice.judge;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import org.wyp.kit.aggregate.AggregateStore;
import org.wyp.kit.aggregate.AggregateStoreSupport;

/** Stored judges. */
@Repository
public class Judges extends AggregateStore<Judge> {

  static final String COLLECTION = "judges";

  Judges(AggregateStoreSupport support) {
    super(support, Judge.class, COLLECTION);
  }

  public Optional<Judge> find(JudgeId id) {
    return find(id.toString());
  }

  public Judge save(Judge judge) {
    return save(judge, judge.judgeId().toString());
  }

  /** The judges with these ids that exist; a panel's size bounds the list. */
  public List<Judge> findAll(Collection<UUID> ids) {
    return mongo()
        .find(
            Query.query(where("_id").in(ids.stream().map(UUID::toString).toList())),
            Judge.class,
            collection());
  }
}
