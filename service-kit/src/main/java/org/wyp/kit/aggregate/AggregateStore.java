package org.wyp.kit.aggregate;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.result.UpdateResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Update;
import org.wyp.events.DomainEvent;
import org.wyp.events.EventEnvelope;
import org.wyp.events.view.PublicViewChange;
import org.wyp.kit.outbox.OutboxRelay;
import org.wyp.kit.outbox.PendingEvent;

/**
 * Loads and saves one kind of aggregate. A save is one single-document write holding both the new
 * state and the events it caused (appended to the document's {@code outbox} array), so state and
 * events are stored atomically on any MongoDB deployment; the {@link OutboxRelay} publishes them.
 * Saves are optimistic: they only apply to the version that was loaded.
 */
public class AggregateStore<T extends AggregateRoot> {

  public static final String OUTBOX_FIELD = "outbox";
  private static final String ID_FIELD = "_id";
  private static final String VERSION_FIELD = "version";

  private final AggregateStoreSupport support;
  private final Class<T> type;
  private final String collection;
  private volatile Set<String> mappedFields;

  protected AggregateStore(AggregateStoreSupport support, Class<T> type, String collection) {
    this.support = support;
    this.type = type;
    this.collection = collection;
    support.relay().watch(collection);
  }

  public Optional<T> find(String id) {
    return Optional.ofNullable(mongo().findById(id, type, collection));
  }

  /**
   * Stores the aggregate's changes and pending events in one write.
   *
   * @throws ConcurrentUpdateException when the stored version is no longer the one loaded
   * @throws DuplicateKeyException when a new aggregate's id (or a unique index) is taken
   */
  public T save(T aggregate, String id) {
    if (!aggregate.hasUncommittedChanges()) {
      return aggregate;
    }
    List<Document> pending = pendingEvents(aggregate);
    Document state = new Document();
    mongo().getConverter().write(aggregate, state);
    long storedVersion = aggregate.storedVersion();
    if (storedVersion == 0) {
      state.put(OUTBOX_FIELD, pending);
      mongo().insert(state, collection);
    } else {
      UpdateResult result =
          mongo()
              .updateFirst(
                  query(where(ID_FIELD).is(id).and(VERSION_FIELD).is(storedVersion)),
                  stateUpdate(state, pending),
                  collection);
      if (result.getMatchedCount() == 0) {
        throw new ConcurrentUpdateException(collection, id, storedVersion);
      }
    }
    aggregate.markCommitted();
    if (!pending.isEmpty()) {
      support.relay().nudge();
    }
    return aggregate;
  }

  protected MongoTemplate mongo() {
    return support.mongo();
  }

  protected String collection() {
    return collection;
  }

  /**
   * The public views the aggregate's new state shows, published after its events on every save that
   * changes it; none unless a store says otherwise. A view is a function of the saved state, so
   * publishing it in the same write keeps the public topic as consistent as the events.
   */
  protected List<PublicViewChange> publicViews(T aggregate) {
    return List.of();
  }

  /**
   * The events and views wrapped for the outbox, each with the trace the save runs in (a request's
   * or a consumed record's), so that the relay can publish them in that trace later.
   */
  private List<Document> pendingEvents(T aggregate) {
    Instant now = support.clock().instant();
    String traceparent = support.trace().traceparent().orElse(null);
    List<Document> pending = new ArrayList<>();
    for (DomainEvent event : aggregate.uncommittedEvents()) {
      pending.add(
          PendingEvent.toDocument(
              EventEnvelope.wrap(event, support.eventSource(), now), traceparent));
    }
    for (PublicViewChange view : publicViews(aggregate)) {
      pending.add(PendingEvent.toDocument(view, support.eventSource(), now, traceparent));
    }
    return pending;
  }

  /**
   * Sets every mapped field and unsets the ones that became null, leaving the outbox to the relay:
   * a whole-document replace could bring back events the relay removed meanwhile.
   */
  private Update stateUpdate(Document state, List<Document> pending) {
    Update update = new Update();
    state.forEach(
        (field, value) -> {
          if (!ID_FIELD.equals(field)) {
            update.set(field, value);
          }
        });
    for (String field : mappedFields()) {
      if (!state.containsKey(field)) {
        update.unset(field);
      }
    }
    if (!pending.isEmpty()) {
      update.push(OUTBOX_FIELD).each(pending.toArray());
    }
    return update;
  }

  private Set<String> mappedFields() {
    if (mappedFields == null) {
      MongoPersistentEntity<?> entity =
          mongo().getConverter().getMappingContext().getRequiredPersistentEntity(type);
      Set<String> fields = new HashSet<>();
      for (MongoPersistentProperty property : entity) {
        if (!property.isIdProperty()) {
          fields.add(property.getFieldName());
        }
      }
      mappedFields = Set.copyOf(fields);
    }
    return mappedFields;
  }
}
