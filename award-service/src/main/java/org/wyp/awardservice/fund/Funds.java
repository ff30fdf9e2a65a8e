package org.wyp.awardservice.fund;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Repository;
import org.wyp.awardservice.recipient.RecipientDirectory;
import org.wyp.events.view.PublicViewChange;
import org.wyp.kit.aggregate.AggregateStore;
import org.wyp.kit.aggregate.AggregateStoreSupport;
import org.wyp.kit.web.PageResponse;

/** Stored funds, one per round, each holding its awards and ledger. */
@Repository
public class Funds extends AggregateStore<Fund> {

  static final String COLLECTION = "funds";

  private final RecipientDirectory recipients;

  Funds(AggregateStoreSupport support, RecipientDirectory recipients) {
    super(support, Fund.class, COLLECTION);
    this.recipients = recipients;
    mongo().indexOps(COLLECTION).createIndex(new Index().on("awards.awardId", Sort.Direction.ASC));
  }

  /**
   * The fund's figures and each of its awards. Every save shows all of them again: a fund holds a
   * handful of awards, and a front end keeps only the latest value per key anyway.
   */
  @Override
  protected List<PublicViewChange> publicViews(Fund fund) {
    List<PublicViewChange> views = new ArrayList<>();
    fund.publicView().map(PublicViewChange::of).ifPresent(views::add);
    for (Award award : fund.awards()) {
      String company =
          recipients.recipient(award.smeId(), award.submissionId()).companyName().orElse(null);
      views.add(award.publicView(company));
    }
    return views;
  }

  /** Every fund: one per round, so few. */
  List<Fund> all() {
    return mongo().findAll(Fund.class, COLLECTION);
  }

  public Optional<Fund> find(UUID roundId) {
    return find(roundId.toString());
  }

  public Fund save(Fund fund) {
    return save(fund, fund.roundId().toString());
  }

  /** The fund holding an award. */
  public Optional<Fund> findByAward(UUID awardId) {
    return Optional.ofNullable(
        mongo()
            .findOne(
                query(where("awards.awardId").is(awardId.toString())), Fund.class, collection()));
  }

  /** Awards across funds, a round's in rank order; every filter is optional. */
  public PageResponse<Award> searchAwards(AwardFilter filter, int page, int size) {
    List<AggregationOperation> matching = new ArrayList<>();
    filter
        .roundId()
        .ifPresent(id -> matching.add(Aggregation.match(where("_id").is(id.toString()))));
    matching.add(Aggregation.unwind("awards"));
    Criteria awardCriteria = new Criteria();
    List<Criteria> conditions = new ArrayList<>();
    filter.smeId().ifPresent(id -> conditions.add(where("awards.smeId").is(id.toString())));
    filter.status().ifPresent(s -> conditions.add(where("awards.status").is(s.name())));
    if (!conditions.isEmpty()) {
      matching.add(Aggregation.match(awardCriteria.andOperator(conditions)));
    }

    List<AggregationOperation> counting = new ArrayList<>(matching);
    counting.add(Aggregation.count().as("total"));
    Document counted =
        mongo()
            .aggregate(Aggregation.newAggregation(counting), collection(), Document.class)
            .getUniqueMappedResult();
    long total = counted == null ? 0 : counted.get("total", Number.class).longValue();

    List<AggregationOperation> paging = new ArrayList<>(matching);
    paging.add(
        Aggregation.sort(
            Sort.by("awards.grantedAt")
                .descending()
                .and(Sort.by("awards.roundId", "awards.rank", "awards.awardId"))));
    paging.add(Aggregation.skip((long) page * size));
    paging.add(Aggregation.limit(size));
    paging.add(Aggregation.replaceRoot("awards"));
    List<Award> awards =
        mongo()
            .aggregate(Aggregation.newAggregation(paging), collection(), Award.class)
            .getMappedResults();
    return new PageResponse<>(awards, page, size, total);
  }
}
