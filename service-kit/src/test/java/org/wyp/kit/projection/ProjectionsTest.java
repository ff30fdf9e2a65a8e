package org.wyp.kit.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.wyp.kit.testing.EmbeddedMongo;

/** Idempotent projection writes on the MongoDB wire server. */
class ProjectionsTest {

  MongoClient client;
  MongoTemplate mongo;
  Projections projections;

  @BeforeEach
  void setUp() {
    client = MongoClients.create(EmbeddedMongo.connectionString());
    mongo = new MongoTemplate(client, "kit-" + UUID.randomUUID());
    projections = new Projections(mongo);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void aNewerVersionAppliesAndAnOlderOrEqualOneDoesNot() {
    assertThat(projections.applyIfNewer("things", "a", 2, new Update().set("name", "two")))
        .isTrue();
    assertThat(projections.applyIfNewer("things", "a", 1, new Update().set("name", "one")))
        .isFalse();
    assertThat(projections.applyIfNewer("things", "a", 2, new Update().set("name", "again")))
        .isFalse();
    assertThat(doc("a").getString("name")).isEqualTo("two");

    assertThat(projections.applyIfNewer("things", "a", 5, new Update().set("name", "five")))
        .isTrue();
    assertThat(doc("a").getString("name")).isEqualTo("five");
    assertThat(doc("a").get("version", Number.class).longValue()).isEqualTo(5);
  }

  @Test
  void partsOfADocumentAreVersionedIndependently() {
    assertThat(
            projections.applyIfNewer(
                "things", "c", "statusVersion", 5, new Update().set("status", "CLOSED")))
        .isTrue();
    // An older event still brings the title, which no newer event has set yet.
    assertThat(
            projections.applyIfNewer(
                "things", "c", "titleVersion", 2, new Update().set("title", "Old title")))
        .isTrue();
    assertThat(
            projections.applyIfNewer(
                "things", "c", "statusVersion", 2, new Update().set("status", "PUBLISHED")))
        .isFalse();

    Document doc = doc("c");
    assertThat(doc.getString("status")).isEqualTo("CLOSED");
    assertThat(doc.getString("title")).isEqualTo("Old title");
  }

  @Test
  void anEventIsAppliedOnceHoweverOftenItArrives() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    Update increment = new Update().inc("count", 1);

    assertThat(projections.applyOnce("counts", "p", first, increment)).isTrue();
    assertThat(projections.applyOnce("counts", "p", first, new Update().inc("count", 1))).isFalse();
    assertThat(projections.applyOnce("counts", "p", second, new Update().inc("count", 1))).isTrue();
    assertThat(projections.applyOnce("counts", "p", second, new Update().inc("count", 1)))
        .isFalse();

    assertThat(doc("p", "counts").get("count", Number.class).intValue()).isEqualTo(2);
  }

  @Test
  void aValueThatLooksLikeAnOperatorIsStoredAsData() {
    projections.applyIfNewer("things", "b", 1, new Update().set("name", "{\"$gt\": \"\"}"));
    assertThat(doc("b").getString("name")).isEqualTo("{\"$gt\": \"\"}");
  }

  private Document doc(String id) {
    return doc(id, "things");
  }

  private Document doc(String id, String collection) {
    return mongo.getCollection(collection).find(new Document("_id", id)).first();
  }
}
