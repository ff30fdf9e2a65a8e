package org.wyp.kit.metrics;

import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Counts a collection's documents grouped by some of their fields, for {@link RefreshedGauges}. */
public final class GroupedCounts {

  /** The label of a document that lacks the field. */
  public static final String NONE = "none";

  private GroupedCounts() {}

  /**
   * One {@code $group} aggregation, answered by the database.
   *
   * @param fieldsByLabel the label each field's value becomes, e.g. {@code status -> status}
   */
  public static Map<Tags, Long> count(
      MongoTemplate mongo, String collection, Map<String, String> fieldsByLabel) {
    Document groupId = new Document();
    fieldsByLabel.forEach((label, field) -> groupId.append(label, "$" + field));
    List<Document> pipeline =
        List.of(
            new Document(
                "$group", new Document("_id", groupId).append("count", new Document("$sum", 1))));
    Map<Tags, Long> counts = new HashMap<>();
    for (Document group : mongo.getCollection(collection).aggregate(pipeline)) {
      Document labels = group.get("_id", Document.class);
      Tags tags = Tags.empty();
      for (String label : fieldsByLabel.keySet()) {
        Object value = labels == null ? null : labels.get(label);
        tags = tags.and(label, value == null ? NONE : value.toString());
      }
      counts.merge(tags, ((Number) group.get("count")).longValue(), Long::sum);
    }
    return counts;
  }
}
