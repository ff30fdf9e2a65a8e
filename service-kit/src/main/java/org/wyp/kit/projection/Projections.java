package org.wyp.kit.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.result.UpdateResult;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Idempotent writes for event consumers, each one atomic single-document update, so that a
 * redelivered or out-of-order event changes nothing.
 */
public class Projections {

  static final String VERSION = "version";
  static final String APPLIED_EVENTS = "appliedEventIds";

  private final MongoTemplate mongo;

  public Projections(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * Applies the update only when the event is newer than what the document holds (versioned
   * upsert), recording the event's version. For events that carry an aggregate's whole state.
   *
   * @return false when the document already holds this version or a newer one
   */
  public boolean applyIfNewer(String collection, String id, long version, Update update) {
    return applyIfNewer(collection, id, VERSION, version, update);
  }

  /**
   * Like {@link #applyIfNewer(String, String, long, Update)} for one of several independently
   * versioned parts of a document, each guarded by its own version field. A projection needs that
   * when a late, older event still carries the latest value of some fields: a problem's title from
   * an old ProblemUpdated must not be lost because a newer ProblemClosed arrived first.
   */
  public boolean applyIfNewer(
      String collection, String id, String versionField, long version, Update update) {
    update.set(versionField, version);
    // $not/$gte rather than $lt: a document that has no value for this part yet must match.
    return upsert(collection, id, where(versionField).not().gte(version), update);
  }

  /**
   * Applies the update once per event id, recording the id in the same document. For effects that
   * accumulate (counters, lists), where order does not matter but repetition would.
   *
   * @return false when this event was already applied to the document
   */
  public boolean applyOnce(String collection, String id, UUID eventId, Update update) {
    update.addToSet(APPLIED_EVENTS, eventId.toString());
    return upsert(collection, id, where(APPLIED_EVENTS).ne(eventId.toString()), update);
  }

  private boolean upsert(String collection, String id, Criteria guard, Update update) {
    try {
      UpdateResult result =
          mongo.upsert(query(where("_id").is(id).andOperator(guard)), update, collection);
      return result.getMatchedCount() > 0 || result.getUpsertedId() != null;
    } catch (DuplicateKeyException alreadyApplied) {
      // The guard did not match the existing document, so the upsert tried to insert its id again.
      return false;
    }
  }
}
