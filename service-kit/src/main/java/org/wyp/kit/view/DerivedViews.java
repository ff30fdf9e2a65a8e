package org.wyp.kit.view;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.wyp.events.EventCodec;
import org.wyp.events.view.PublicView;
import org.wyp.events.view.PublicViewChange;
import org.wyp.kit.aggregate.AggregateStore;
import org.wyp.kit.aggregate.AggregateStoreSupport;
import org.wyp.kit.aggregate.ConcurrentUpdateException;
import org.wyp.kit.aggregate.OptimisticRetry;
import org.wyp.kit.outbox.PendingEvent;

/**
 * Public views computed from more than one document (a problem's pitch count, a round's finals
 * board), kept one document per view with the last published JSON and an outbox. A refresh loads
 * that document, then computes the view from the database, then saves only if the view changed and
 * the document is still at the version loaded. Computing after loading makes published views
 * monotonic: a refresh that read older data than a concurrent one loses the version check, and its
 * retry recomputes. So refreshing after every relevant event, from any thread or instance, is
 * enough.
 */
public class DerivedViews {

  static final String COLLECTION = "public_views";
  private static final String JSON_FIELD = "json";
  private static final String VERSION_FIELD = "version";
  private static final int MAX_ATTEMPTS = 8;

  private final AggregateStoreSupport support;

  public DerivedViews(AggregateStoreSupport support) {
    this.support = support;
    support.relay().watch(COLLECTION);
  }

  /**
   * Recomputes a view and publishes it if it changed.
   *
   * @param compute the view as the database has it now, or empty to remove the item
   * @return whether a change was published
   */
  public boolean refresh(String kind, UUID id, Supplier<Optional<? extends PublicView>> compute) {
    return OptimisticRetry.attempt(MAX_ATTEMPTS, () -> refreshOnce(kind, id, compute));
  }

  private boolean refreshOnce(
      String kind, UUID id, Supplier<Optional<? extends PublicView>> compute) {
    PublicViewChange probe = PublicViewChange.removal(kind, id);
    Document stored = mongo().findById(probe.key(), Document.class, COLLECTION);
    PublicViewChange change =
        compute.get().<PublicViewChange>map(PublicViewChange::of).orElse(probe);
    String json = change.isRemoval() ? null : EventCodec.toJsonString(change.view());
    String published = stored == null ? null : stored.getString(JSON_FIELD);
    if (Objects.equals(json, published)) {
      // Unchanged, or removing what was never published.
      return false;
    }
    Document pending =
        PendingEvent.toDocument(
            change,
            support.eventSource(),
            support.clock().instant(),
            support.trace().traceparent().orElse(null));
    if (stored == null) {
      mongo()
          .insert(
              new Document("_id", change.key())
                  .append(VERSION_FIELD, 1L)
                  .append(JSON_FIELD, json)
                  .append(AggregateStore.OUTBOX_FIELD, List.of(pending)),
              COLLECTION);
    } else {
      long version = stored.get(VERSION_FIELD, Number.class).longValue();
      var result =
          mongo()
              .updateFirst(
                  query(where("_id").is(change.key()).and(VERSION_FIELD).is(version)),
                  new Update()
                      .set(JSON_FIELD, json)
                      .set(VERSION_FIELD, version + 1)
                      .push(AggregateStore.OUTBOX_FIELD, pending),
                  COLLECTION);
      if (result.getMatchedCount() == 0) {
        throw new ConcurrentUpdateException(COLLECTION, change.key(), version);
      }
    }
    support.relay().nudge();
    return true;
  }

  private MongoTemplate mongo() {
    return support.mongo();
  }
}
