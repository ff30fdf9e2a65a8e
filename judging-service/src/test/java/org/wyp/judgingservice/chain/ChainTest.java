package org.wyp.judgingservice.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.scoring.Normalisation;
import org.wyp.judgingservice.scoring.PitchFacts;

/** Canonical JSON, hashing and verification of a chain, all without infrastructure. */
public class ChainTest {

  public static final UUID ROUND = UUID.fromString("0190f000-0000-7000-8000-000000000001");

  @Test
  void canonicalJsonSortsKeysHasNoWhitespaceAndOnlyIntegers() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("b", List.of(1, 2L, true, "x\n\"y\""));
    value.put("a", new Document("z", null).append("c", "é\u0001"));

    assertThat(CanonicalJson.write(value))
        .isEqualTo("{\"a\":{\"c\":\"é\\u0001\",\"z\":null},\"b\":[1,2,true,\"x\\n\\\"y\\\"\"]}");
    assertThatThrownBy(() -> CanonicalJson.write(Map.of("w", 0.5)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEntrysHashIsTheSha256OfItsCanonicalJson() {
    ChainRecord entry =
        ChainRecord.seal(
            ROUND,
            1,
            EntryKind.WITHDRAWAL,
            ChainRecord.GENESIS,
            "2026-04-01T09:00:00Z",
            EntryData.withdrawal(UUID.fromString("0190f000-0000-7000-8000-000000000002")));

    String canonical =
        "{\"data\":{\"pitchId\":\"0190f000-0000-7000-8000-000000000002\"},\"kind\":\"WITHDRAWAL\","
            + "\"prevHash\":\""
            + "0".repeat(64)
            + "\",\"recordedAt\":\"2026-04-01T09:00:00Z\","
            + "\"roundId\":\"0190f000-0000-7000-8000-000000000001\",\"seq\":1}";
    assertThat(
            ChainRecord.canonical(
                ROUND, 1, EntryKind.WITHDRAWAL, entry.prevHash(), entry.recordedAt(), entry.data()))
        .isEqualTo(canonical);
    assertThat(entry.hash()).isEqualTo(ChainRecord.sha256(canonical)).hasSize(64);
  }

  @Test
  void anIntactChainVerifiesAndItsHeadIsTheLastHash() {
    List<ChainRecord> chain = sampleChain();

    ChainVerification verification = ChainVerification.of(chain);

    assertThat(verification.ok()).isTrue();
    assertThat(verification.entries()).isEqualTo(4);
    assertThat(verification.head()).isEqualTo(chain.getLast().hash());
    assertThat(verification.firstBrokenSeq()).isNull();
  }

  @Test
  void anEditedEntryIsTheFirstBrokenOne() {
    List<ChainRecord> chain = new ArrayList<>(sampleChain());
    ChainRecord score = chain.get(2);
    Document edited = new Document(score.data());
    edited.put("scores", new Document("impact", 10).append("team", 10));
    chain.set(
        2,
        new ChainRecord(
            ROUND, 3, score.kind(), score.prevHash(), score.recordedAt(), edited, score.hash()));

    ChainVerification verification = ChainVerification.of(chain);

    assertThat(verification.ok()).isFalse();
    assertThat(verification.firstBrokenSeq()).isEqualTo(3);
    assertThat(verification.problem()).contains("hash");
  }

  @Test
  void aRehashedEditIsCaughtByTheNextLink() {
    List<ChainRecord> chain = new ArrayList<>(sampleChain());
    ChainRecord score = chain.get(2);
    Document edited = new Document(score.data());
    edited.put("revision", 7);
    chain.set(
        2, ChainRecord.seal(ROUND, 3, score.kind(), score.prevHash(), score.recordedAt(), edited));

    ChainVerification verification = ChainVerification.of(chain);

    assertThat(verification.firstBrokenSeq()).isEqualTo(4);
    assertThat(verification.problem()).contains("prevHash");
  }

  @Test
  void aRemovedEntryIsCaught() {
    List<ChainRecord> chain = new ArrayList<>(sampleChain());
    chain.remove(1);

    assertThat(ChainVerification.of(chain).firstBrokenSeq()).isEqualTo(3);
  }

  /** A rubric, two scores and a withdrawal, linked as the service links them. */
  static List<ChainRecord> sampleChain() {
    ChainBuilder chain = new ChainBuilder();
    chain.add(EntryKind.RUBRIC, EntryData.rubric(rubric(Stage.FINALS, Normalisation.NONE, 1)));
    UUID pitch = UUID.fromString("0190f000-0000-7000-8000-000000000002");
    chain.add(
        EntryKind.SCORE,
        EntryData.score(
            Stage.FINALS,
            pitch,
            UUID.randomUUID(),
            0,
            Map.of("impact", 8, "team", 5),
            "Strong",
            facts(pitch, 0)));
    chain.add(
        EntryKind.SCORE,
        EntryData.score(
            Stage.FINALS,
            pitch,
            UUID.randomUUID(),
            0,
            Map.of("impact", 6, "team", 5),
            null,
            facts(pitch, 0)));
    chain.add(EntryKind.WITHDRAWAL, EntryData.withdrawal(UUID.randomUUID()));
    return chain.records();
  }

  /** impact 0.6 and team 0.4, both 0–10. */
  public static RubricSpec rubric(Stage stage, Normalisation normalisation, int quorum) {
    return new RubricSpec(
        stage,
        List.of(
            new CriterionSpec("impact", "Impact", null, new BigDecimal("0.6"), 0, 10),
            new CriterionSpec("team", "Team", "Can they deliver", new BigDecimal("0.4"), 0, 10)),
        normalisation,
        quorum,
        null,
        false);
  }

  public static PitchFacts facts(UUID pitch, int minutes) {
    return new PitchFacts(
        pitch,
        UUID.fromString("0190f000-0000-7000-8000-0000000000aa"),
        UUID.fromString("0190f000-0000-7000-8000-0000000000bb"),
        Instant.parse("2026-04-01T09:00:00Z").plusSeconds(60L * minutes),
        4_500_000L);
  }

  /** Appends records as the service does: next seq, previous hash. */
  public static final class ChainBuilder {
    private final List<ChainRecord> records = new ArrayList<>();

    public ChainRecord add(EntryKind kind, Document data) {
      ChainRecord record =
          ChainRecord.seal(
              ROUND,
              records.size() + 1,
              kind,
              records.isEmpty() ? ChainRecord.GENESIS : records.getLast().hash(),
              Instant.parse("2026-04-01T09:00:00Z").plusSeconds(records.size()).toString(),
              data);
      records.add(record);
      return record;
    }

    public List<ChainRecord> records() {
      return List.copyOf(records);
    }
  }
}
