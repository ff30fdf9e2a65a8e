package org.wyp.submissionservice.sme;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import org.wyp.kit.aggregate.AggregateStore;
import org.wyp.kit.aggregate.AggregateStoreSupport;
import org.wyp.kit.web.PageResponse;

/**
 * Stored SMEs. The unique index on the company number is what makes "one SME per company" hold when
 * two registrations race: the second insert fails as a whole, outbox included.
 */
@Repository
public class Smes extends AggregateStore<Sme> {

  static final String COLLECTION = "smes";
  static final String COMPANY_NUMBER_INDEX = "companyNumber_unique";

  Smes(AggregateStoreSupport support) {
    super(support, Sme.class, COLLECTION);
    var indexes = mongo().indexOps(COLLECTION);
    indexes.createIndex(
        new Index().on("companyNumber", Sort.Direction.ASC).unique().named(COMPANY_NUMBER_INDEX));
    indexes.createIndex(
        new Index().on("registeredAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC));
  }

  public Optional<Sme> find(SmeId id) {
    return find(id.toString());
  }

  /**
   * @throws org.springframework.dao.DuplicateKeyException when the company number is taken
   */
  public Sme save(Sme sme) {
    return save(sme, sme.smeId().toString());
  }

  /** Newest first; the id breaks ties within a millisecond so pages never overlap. */
  PageResponse<Sme> list(int page, int size) {
    Query query = new Query();
    long total = mongo().count(query, Sme.class, collection());
    query
        .with(Sort.by(Sort.Direction.DESC, "registeredAt", "_id"))
        .skip((long) page * size)
        .limit(size);
    List<Sme> smes = mongo().find(query, Sme.class, collection());
    return new PageResponse<>(smes, page, size, total);
  }
}
