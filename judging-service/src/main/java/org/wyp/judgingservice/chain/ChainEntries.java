package org.wyp.judgingservice.chain;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import org.wyp.kit.aggregate.AggregateStore;
import org.wyp.kit.aggregate.AggregateStoreSupport;

/** Stored chain entries, one document each, read back exactly as they were hashed. */
@Repository
public class ChainEntries extends AggregateStore<ChainEntry> {

  static final String COLLECTION = "chain_entries";

  ChainEntries(AggregateStoreSupport support) {
    super(support, ChainEntry.class, COLLECTION);
    var indexes = mongo().indexOps(COLLECTION);
    indexes.createIndex(
        new Index().on("roundId", Sort.Direction.ASC).on("seq", Sort.Direction.ASC).unique());
    // Sparse: only entries that record a once-only fact have a key.
    indexes.createIndex(
        new Index().on("factKey", Sort.Direction.ASC).unique().sparse().named("once_per_round"));
  }

  /**
   * @throws org.springframework.dao.DuplicateKeyException when the place or the fact is taken
   */
  void append(ChainEntry entry) {
    save(entry, entry.id());
  }

  List<UUID> rounds() {
    return mongo().findDistinct(new Query(), "roundId", collection(), String.class).stream()
        .map(UUID::fromString)
        .toList();
  }

  /** The round's entries in order. A round's chain is bounded by its pitches × judges × edits. */
  List<ChainRecord> records(UUID roundId) {
    Query query = Query.query(where("roundId").is(roundId.toString())).with(Sort.by("seq"));
    query.fields().exclude(OUTBOX_FIELD);
    List<ChainRecord> records = new ArrayList<>();
    for (Document doc : mongo().find(query, Document.class, collection())) {
      records.add(toRecord(roundId, doc));
    }
    return records;
  }

  /**
   * The round's entry at {@code seq}, if stored. Looked up by both fields of the round-and-place
   * index, which every MongoDB server answers from that index (the embedded wire server of the
   * local stack included, which scans the collection for anything else).
   */
  Optional<ChainRecord> record(UUID roundId, long seq) {
    Query query = Query.query(where("roundId").is(roundId.toString()).and("seq").is(seq));
    query.fields().exclude(OUTBOX_FIELD);
    return Optional.ofNullable(mongo().findOne(query, Document.class, collection()))
        .map(doc -> toRecord(roundId, doc));
  }

  @SuppressWarnings("unchecked")
  private static ChainRecord toRecord(UUID roundId, Document doc) {
    return new ChainRecord(
        roundId,
        ((Number) doc.get("seq")).longValue(),
        EntryKind.valueOf(doc.getString("kind")),
        doc.getString("prevHash"),
        doc.getString("recordedAt"),
        (Map<String, Object>) doc.get("data"),
        doc.getString("hash"));
  }
}
