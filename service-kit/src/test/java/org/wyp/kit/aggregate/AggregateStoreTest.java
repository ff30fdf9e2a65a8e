package org.wyp.kit.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.events.round.RoundAnnounced;
import org.wyp.events.round.RoundOpened;
import org.wyp.events.view.PublicRound;
import org.wyp.events.view.PublicViewChange;
import org.wyp.events.view.PublicViews;
import org.wyp.kit.WypProperties;
import org.wyp.kit.outbox.OutboxRelay;
import org.wyp.kit.testing.EmbeddedMongo;

/** State and events are written in one document, optimistically, on the MongoDB wire server. */
class AggregateStoreTest {

  static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

  MongoClient client;
  MongoTemplate mongo;
  OutboxRelay relay;
  AggregateStoreSupport support;
  Gadgets gadgets;

  @BeforeEach
  void setUp() {
    client = MongoClients.create(EmbeddedMongo.connectionString());
    mongo = new MongoTemplate(client, "kit-" + UUID.randomUUID());
    // A relay that is never started: these tests look at what waits in the outbox.
    relay =
        new OutboxRelay(
            mongo, null, new WypProperties.Outbox(null, null, null), new SimpleMeterRegistry());
    support =
        new AggregateStoreSupport(
            mongo, relay, Clock.fixed(NOW, ZoneOffset.UTC), "/wyp/test-service");
    gadgets = new Gadgets(support);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void aNewAggregateIsStoredWithItsEventsInTheOutbox() {
    Gadget gadget = Gadget.create("first");
    gadgets.save(gadget, gadget.id);

    Document stored = raw(gadget.id);
    assertThat(stored.getString("name")).isEqualTo("first");
    assertThat(stored.get("version", Number.class).longValue()).isEqualTo(1);
    List<Document> outbox = stored.getList("outbox", Document.class);
    assertThat(outbox).hasSize(1);
    Document pending = outbox.getFirst();
    assertThat(pending.getString("type")).isEqualTo("wyp.round.RoundAnnounced.v1");
    assertThat(pending.getString("topic")).isEqualTo("wyp.rounds.v1");
    assertThat(pending.getString("key")).isEqualTo(gadget.id);
    assertThat(pending.getString("subject")).isEqualTo(gadget.id);
    assertThat(pending.getString("source")).isEqualTo("/wyp/test-service");
    assertThat(pending.getString("time")).isEqualTo("2026-03-01T09:00:00Z");
    assertThat(pending.getString("payload"))
        .contains("\"name\":\"first\"")
        .contains("\"version\":1");
    assertThat(pending.containsKey("traceparent")).as("no trace was current").isFalse();
  }

  @Test
  void eventsKeepTheTraceTheirSaveRanInForTheRelayToPublishThemIn() {
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    Gadgets traced =
        new Gadgets(
            new AggregateStoreSupport(
                mongo,
                relay,
                Clock.fixed(NOW, ZoneOffset.UTC),
                "/wyp/test-service",
                () -> Optional.of(traceparent)));
    Gadget gadget = Gadget.create("first");
    traced.save(gadget, gadget.id);
    Gadget loaded = traced.find(gadget.id).orElseThrow();
    loaded.open();
    traced.save(loaded, loaded.id);

    assertThat(raw(gadget.id).getList("outbox", Document.class))
        .extracting(d -> d.getString("traceparent"))
        .containsExactly(traceparent, traceparent);
  }

  @Test
  void laterChangesAppendEventsInOrderAndUnsetFieldsThatBecameNull() {
    Gadget gadget = Gadget.create("first");
    gadgets.save(gadget, gadget.id);
    Gadget loaded = gadgets.find(gadget.id).orElseThrow();
    loaded.open();
    loaded.rename(null);
    gadgets.save(loaded, loaded.id);

    Document stored = raw(gadget.id);
    assertThat(stored.containsKey("name")).isFalse();
    assertThat(stored.get("version", Number.class).longValue()).isEqualTo(3);
    assertThat(stored.getList("outbox", Document.class))
        .extracting(d -> d.getString("type"))
        .containsExactly("wyp.round.RoundAnnounced.v1", "wyp.round.RoundOpened.v1");
    assertThat(gadgets.find(gadget.id).orElseThrow().version()).isEqualTo(3);
  }

  @Test
  void aSaveOfAStaleCopyIsRefusedAndWritesNothing() {
    Gadget gadget = Gadget.create("first");
    gadgets.save(gadget, gadget.id);
    Gadget mine = gadgets.find(gadget.id).orElseThrow();
    Gadget theirs = gadgets.find(gadget.id).orElseThrow();
    theirs.open();
    gadgets.save(theirs, theirs.id);

    mine.rename("mine");
    mine.open();
    assertThatThrownBy(() -> gadgets.save(mine, mine.id))
        .isInstanceOf(ConcurrentUpdateException.class);

    Document stored = raw(gadget.id);
    assertThat(stored.getString("name")).isEqualTo("first");
    assertThat(stored.getList("outbox", Document.class)).hasSize(2);
  }

  @Test
  void theRelaysRemovalOfSentEventsIsNotUndoneByALaterSave() {
    Gadget gadget = Gadget.create("first");
    gadgets.save(gadget, gadget.id);
    Gadget loaded = gadgets.find(gadget.id).orElseThrow();
    // Meanwhile the relay publishes and removes the first event.
    mongo
        .getCollection("gadgets")
        .updateOne(
            new Document("_id", gadget.id),
            new Document("$set", new Document("outbox", List.of())));
    loaded.open();
    gadgets.save(loaded, loaded.id);

    assertThat(raw(gadget.id).getList("outbox", Document.class))
        .extracting(d -> d.getString("type"))
        .containsExactly("wyp.round.RoundOpened.v1");
  }

  @Test
  void theStoresPublicViewsFollowTheEventsOfEverySaveThatChangesTheAggregate() {
    ViewedGadgets viewed = new ViewedGadgets(support);
    Gadget gadget = Gadget.create("first");
    viewed.save(gadget, gadget.id);
    Gadget loaded = viewed.find(gadget.id).orElseThrow();
    loaded.rename(null);
    viewed.save(loaded, loaded.id);

    List<Document> outbox = raw(gadget.id).getList("outbox", Document.class);
    assertThat(outbox)
        .extracting(d -> d.getString("type"))
        .containsExactly("wyp.round.RoundAnnounced.v1", "wyp.view.round.v1", "wyp.view.round.v1");
    Document shown = outbox.get(1);
    assertThat(shown.getString("topic")).isEqualTo("wyp.updates.v1");
    assertThat(shown.getString("key")).isEqualTo("round:" + gadget.id);
    assertThat(shown.getString("subject")).isEqualTo(gadget.id);
    assertThat(shown.getString("payload")).contains("\"name\":\"first\"");
    Document removed = outbox.get(2);
    assertThat(removed.getString("key")).isEqualTo("round:" + gadget.id);
    assertThat(removed.containsKey("payload")).isTrue();
    assertThat(removed.getString("payload")).isNull();
  }

  private Document raw(String id) {
    return mongo.getCollection("gadgets").find(new Document("_id", id)).first();
  }

  static class Gadgets extends AggregateStore<Gadget> {
    Gadgets(AggregateStoreSupport support) {
      super(support, Gadget.class, "gadgets");
    }
  }

  /** Shows a gadget publicly while it has a name, and removes it from view when it has none. */
  static class ViewedGadgets extends AggregateStore<Gadget> {
    ViewedGadgets(AggregateStoreSupport support) {
      super(support, Gadget.class, "gadgets");
    }

    @Override
    protected List<PublicViewChange> publicViews(Gadget gadget) {
      UUID id = UUID.fromString(gadget.id);
      if (gadget.name == null) {
        return List.of(PublicViewChange.removal(PublicViews.ROUND, id));
      }
      return List.of(
          PublicViewChange.of(new PublicRound(id, gadget.name, "d", NOW, NOW, NOW, "OPEN", NOW)));
    }
  }

  static class Gadget extends AggregateRoot {
    @Id String id;
    String name;

    static Gadget create(String name) {
      Gadget gadget = new Gadget();
      gadget.id = UUID.randomUUID().toString();
      gadget.name = name;
      gadget.recordChange(
          version ->
              new RoundAnnounced(
                  UUID.fromString(gadget.id),
                  version,
                  name,
                  "d",
                  NOW,
                  NOW.plusSeconds(60),
                  NOW.plusSeconds(120),
                  List.of(),
                  NOW));
      return gadget;
    }

    void open() {
      recordChange(version -> new RoundOpened(UUID.fromString(id), version, NOW));
    }

    void rename(String newName) {
      name = newName;
      nextVersion();
    }
  }
}
