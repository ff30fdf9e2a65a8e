package org.wyp.bench.scale;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.chain.ChainRecord;
import org.wyp.judgingservice.chain.CriterionSpec;
import org.wyp.judgingservice.chain.EntryData;
import org.wyp.judgingservice.chain.EntryKind;
import org.wyp.judgingservice.chain.RubricSpec;
import org.wyp.judgingservice.scoring.Normalisation;
import org.wyp.judgingservice.scoring.PitchFacts;

/**
 * A screening round at the scale the ranking must cope with, as its chain holds it: the rubric,
 * then every judge's score of every pitch, in a shuffled order as judges working in parallel would
 * send them. Screening because it is the stage where every pitch is scored; the finals rank only
 * the shortlist. The entries are written by judging-service's own {@link EntryData} and sealed as
 * the service seals them, so the ranking reads exactly what the service would have appended. The
 * marks come from a fixed seed: every run ranks the same round.
 */
record RankingRound(UUID roundId, Stage stage, int pitches, int judges, List<ChainRecord> chain) {

  static final Stage STAGE = Stage.SCREENING;

  private static final UUID ROUND = UUID.fromString("0190f000-0000-7000-8000-00000000b001");
  private static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");
  private static final int PROBLEMS = 12;
  private static final int MAX_MARK = 10;
  private static final int SHORTLIST_SIZE = 100;
  private static final String COMMENT = "Scored at the screening";

  static RankingRound build(int pitches, int judges, Normalisation normalisation, long seed) {
    Random random = new Random(seed);
    RubricSpec rubric = rubric(normalisation, judges);
    rubric.requireConsistent();
    RankingChain chain = new RankingChain(ROUND, OPENED);
    chain.append(EntryKind.RUBRIC, EntryData.rubric(rubric));

    List<PitchFacts> facts = facts(pitches, random);
    int[] quality = new int[pitches];
    for (int p = 0; p < pitches; p++) {
      quality[p] = random.nextInt(MAX_MARK + 1);
    }
    List<UUID> judgeIds = new ArrayList<>();
    for (int j = 0; j < judges; j++) {
      judgeIds.add(id(random));
    }
    for (int slot : shuffledSlots(pitches * judges, random)) {
      int p = slot / judges;
      int j = slot % judges;
      Map<String, Integer> marks = marks(rubric, quality[p], leniency(j, judges), random);
      rubric.requireValidScores(marks);
      chain.append(
          EntryKind.SCORE,
          EntryData.score(
              STAGE, facts.get(p).pitchId(), judgeIds.get(j), 0, marks, COMMENT, facts.get(p)));
    }
    return new RankingRound(ROUND, STAGE, pitches, judges, chain.records());
  }

  /** The demo round's rubric: three weighted criteria marked 0 to 10, every judge needed. */
  private static RubricSpec rubric(Normalisation normalisation, int judges) {
    return new RubricSpec(
        STAGE,
        List.of(
            criterion("impact", "Impact on the problem", "0.4"),
            criterion("feasibility", "Feasibility", "0.3"),
            criterion("value", "Value for money", "0.3")),
        normalisation,
        judges,
        SHORTLIST_SIZE,
        false);
  }

  private static CriterionSpec criterion(String key, String name, String weight) {
    return new CriterionSpec(key, name, null, new BigDecimal(weight), 0, MAX_MARK);
  }

  private static List<PitchFacts> facts(int pitches, Random random) {
    List<UUID> problems = new ArrayList<>();
    for (int i = 0; i < PROBLEMS; i++) {
      problems.add(id(random));
    }
    List<PitchFacts> facts = new ArrayList<>(pitches);
    for (int p = 0; p < pitches; p++) {
      facts.add(
          new PitchFacts(
              id(random),
              problems.get(random.nextInt(PROBLEMS)),
              id(random),
              OPENED.minusSeconds(random.nextInt(30 * 24 * 3600)),
              1_000_000L + random.nextInt(9_000_000)));
    }
    return facts;
  }

  /**
   * Judges differ in leniency, from harsh to generous, so that z-score normalisation has something
   * to correct and totals are not all alike.
   */
  private static int leniency(int judge, int judges) {
    return judge - judges / 2;
  }

  /** A judge's marks: the pitch's quality shifted by the judge's leniency, give or take a point. */
  private static Map<String, Integer> marks(
      RubricSpec rubric, int quality, int leniency, Random random) {
    // Sorted by key, as JudgingService stores them.
    Map<String, Integer> marks = new TreeMap<>();
    for (CriterionSpec criterion : rubric.criteria()) {
      int mark = quality + leniency + random.nextInt(3) - 1;
      marks.put(criterion.key(), Math.clamp(mark, criterion.min(), criterion.max()));
    }
    return marks;
  }

  private static List<Integer> shuffledSlots(int count, Random random) {
    List<Integer> slots = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      slots.add(i);
    }
    Collections.shuffle(slots, random);
    return slots;
  }

  private static UUID id(Random random) {
    return new UUID(random.nextLong(), random.nextLong());
  }
}
