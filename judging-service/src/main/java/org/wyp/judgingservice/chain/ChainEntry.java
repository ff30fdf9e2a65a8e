package org.wyp.judgingservice.chain;

import java.util.List;
import java.util.function.LongFunction;
import org.bson.Document;
import org.springframework.data.annotation.Id;
import org.wyp.events.judging.JudgingEvent;
import org.wyp.kit.aggregate.AggregateRoot;

/**
 * One chain entry as stored: the sealed record, and in its outbox the events it causes (a score's
 * PitchScored, a conclusion's JudgingConcluded…), so that the entry and its events are one atomic
 * write. Its id is {@code <roundId>:<seq>}: two appends racing for the same place collide on it,
 * which is what keeps the chain a line. {@code factKey}, unique where present, makes a fact that
 * may happen once per round (its conclusion, a pitch's withdrawal) impossible to record twice.
 *
 * <p>The events carry the entry's seq as their version: it rises with every entry of the round, so
 * it rises for each pitch too, and consumers order and deduplicate on it.
 */
@org.springframework.data.mongodb.core.mapping.Document(ChainEntries.COLLECTION)
public class ChainEntry extends AggregateRoot {

  @Id private String id;
  private String roundId;
  private long seq;
  private String kind;
  private String prevHash;
  private String recordedAt;
  private Document data;
  private String hash;
  private String factKey;

  protected ChainEntry() {}

  static ChainEntry of(
      ChainRecord record, String factKey, List<LongFunction<JudgingEvent>> events) {
    ChainEntry entry = new ChainEntry();
    entry.id = id(record.roundId().toString(), record.seq());
    entry.roundId = record.roundId().toString();
    entry.seq = record.seq();
    entry.kind = record.kind().name();
    entry.prevHash = record.prevHash();
    entry.recordedAt = record.recordedAt();
    entry.data = new Document(record.data());
    entry.hash = record.hash();
    entry.factKey = factKey == null ? null : entry.roundId + ":" + factKey;
    if (events.isEmpty()) {
      entry.nextVersion();
    }
    for (LongFunction<JudgingEvent> event : events) {
      entry.recordChange(ignoredDocumentVersion -> event.apply(record.seq()));
    }
    return entry;
  }

  static String id(String roundId, long seq) {
    return roundId + ":" + seq;
  }

  String id() {
    return id;
  }
}
