package org.wyp.judgingservice.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.bson.Document;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.chain.ChainRecord;
import org.wyp.judgingservice.chain.CriterionSpec;
import org.wyp.judgingservice.chain.EntryData;
import org.wyp.judgingservice.chain.EntryKind;
import org.wyp.judgingservice.chain.RoundLedger;
import org.wyp.judgingservice.chain.RubricSpec;
import org.wyp.judgingservice.ranking.ChainRanking;
import org.wyp.judgingservice.scoring.Criterion;
import org.wyp.judgingservice.scoring.Normalisation;
import org.wyp.judgingservice.scoring.PitchFacts;
import org.wyp.judgingservice.scoring.RankedPitch;
import org.wyp.judgingservice.scoring.Ranking;
import org.wyp.judgingservice.scoring.ScoreSheet;
import org.wyp.judgingservice.scoring.Totals;

/**
 * Rankings recomputed from nothing but a round's chain, over generated chains of scores, revisions,
 * conflicts (with a pitch or with its SME), withdrawals and screening scores.
 */
class ChainRankingPropertiesTest {

  static final UUID ROUND = UUID.fromString("0190f000-0000-7000-8000-000000000001");

  sealed interface Op {}

  record Score(Stage stage, int pitch, int judge, Map<String, Integer> scores) implements Op {}

  record Conflict(int judge, int pitch, boolean withTheSme) implements Op {}

  record Withdrawal(int pitch) implements Op {}

  record Round(RubricSpec rubric, List<PitchFacts> pitches, List<UUID> judges, List<Op> ops) {

    List<Criterion> criteria() {
      return rubric.mathsCriteria();
    }

    /** The FINALS ranking the documented rules give for these entries, worked out directly. */
    Ranking expectedFinals(List<Op> entries) {
      Map<List<Integer>, Map<String, Integer>> latest = new LinkedHashMap<>();
      Set<Integer> withdrawn = new HashSet<>();
      List<Conflict> conflicts = new ArrayList<>();
      for (Op op : entries) {
        switch (op) {
          case Score s -> {
            if (s.stage() == Stage.FINALS) {
              latest.put(List.of(s.pitch(), s.judge()), s.scores());
            }
          }
          case Conflict c -> conflicts.add(c);
          case Withdrawal w -> withdrawn.add(w.pitch());
        }
      }
      ScoreSheet sheet = new ScoreSheet();
      latest.keySet().forEach(key -> sheet.pitch(pitches.get(key.get(0))));
      withdrawn.forEach(p -> sheet.withdraw(pitches.get(p).pitchId()));
      latest.forEach(
          (key, scores) -> {
            PitchFacts pitch = pitches.get(key.get(0));
            UUID judge = judges.get(key.get(1));
            sheet.score(pitch.pitchId(), judge, Totals.total(criteria(), scores));
            boolean conflicted =
                conflicts.stream()
                    .anyMatch(
                        c ->
                            c.judge() == key.get(1)
                                && (c.withTheSme()
                                    ? pitches.get(c.pitch()).smeId().equals(pitch.smeId())
                                    : c.pitch() == key.get(0)));
            if (conflicted) {
              sheet.exclude(judge, pitch.pitchId());
            }
          });
      return sheet.rank(rubric.rules());
    }
  }

  /** Appends records as the service does: the next seq, the previous record's hash. */
  static final class Chain {
    private final List<ChainRecord> records = new ArrayList<>();
    private final Map<List<Object>, Integer> revisions = new HashMap<>();

    void add(EntryKind kind, Document data) {
      records.add(
          ChainRecord.seal(
              ROUND,
              records.size() + 1,
              kind,
              records.isEmpty() ? ChainRecord.GENESIS : records.getLast().hash(),
              Stages.T0.plusSeconds(records.size()).toString(),
              data));
    }

    void add(Round round, Op op) {
      switch (op) {
        case Score s -> {
          PitchFacts pitch = round.pitches().get(s.pitch());
          UUID judge = round.judges().get(s.judge());
          int revision = revisions.merge(List.of(s.stage(), s.pitch(), s.judge()), 1, Integer::sum);
          add(
              EntryKind.SCORE,
              EntryData.score(
                  s.stage(), pitch.pitchId(), judge, revision - 1, s.scores(), null, pitch));
        }
        case Conflict c -> {
          PitchFacts pitch = round.pitches().get(c.pitch());
          add(
              EntryKind.CONFLICT,
              EntryData.conflict(
                  round.judges().get(c.judge()),
                  c.withTheSme() ? null : pitch.pitchId(),
                  c.withTheSme() ? pitch.smeId() : null,
                  "Generated",
                  false));
        }
        case Withdrawal w ->
            add(
                EntryKind.WITHDRAWAL,
                EntryData.withdrawal(round.pitches().get(w.pitch()).pitchId()));
      }
    }

    List<ChainRecord> records() {
      return List.copyOf(records);
    }
  }

  @Provide
  Arbitrary<Round> rounds() {
    return Stages.rubrics()
        .flatMap(
            criteria ->
                Combinators.combine(
                        Arbitraries.integers().between(1, 6),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.of(Normalisation.class),
                        Arbitraries.integers().between(0, 2))
                    .flatAs(
                        (nPitches, nJudges, normalisation, quorum) ->
                            round(
                                criteria, nPitches, nJudges, normalisation, 1 + quorum % nJudges)));
  }

  private static Arbitrary<Round> round(
      List<Criterion> criteria,
      int nPitches,
      int nJudges,
      Normalisation normalisation,
      int quorum) {
    RubricSpec rubric =
        new RubricSpec(
            Stage.FINALS,
            criteria.stream()
                .map(
                    c ->
                        new CriterionSpec(
                            c.key(),
                            c.key(),
                            null,
                            BigDecimal.valueOf(c.weight()),
                            c.min(),
                            c.max()))
                .toList(),
            normalisation,
            quorum,
            null,
            false);
    Arbitrary<Integer> pitch = Arbitraries.integers().between(0, nPitches - 1);
    Arbitrary<Integer> judge = Arbitraries.integers().between(0, nJudges - 1);
    Arbitrary<Op> finalsScore =
        Combinators.combine(pitch, judge, Stages.scoresFor(criteria))
            .as((p, j, s) -> new Score(Stage.FINALS, p, j, s));
    Arbitrary<Op> screeningScore =
        Combinators.combine(pitch, judge, Stages.scoresFor(criteria))
            .as((p, j, s) -> new Score(Stage.SCREENING, p, j, s));
    Arbitrary<Op> conflict =
        Combinators.combine(judge, pitch, Arbitraries.of(true, false)).as(Conflict::new);
    Arbitrary<Op> withdrawal = pitch.map(Withdrawal::new);
    Arbitrary<List<Op>> ops =
        Arbitraries.frequencyOf(
                Tuple.of(16, finalsScore),
                Tuple.of(2, screeningScore),
                Tuple.of(1, conflict),
                Tuple.of(1, withdrawal))
            .list()
            .ofMinSize(1)
            .ofMaxSize(30)
            .withSizeDistribution(RandomDistribution.uniform());
    Arbitrary<List<PitchFacts>> pitches =
        Combinators.combine(
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 3))
            .as((sme, minutes) -> List.of(sme, minutes))
            .list()
            .ofSize(nPitches)
            .map(
                drawn -> {
                  List<PitchFacts> facts = new ArrayList<>();
                  for (int i = 0; i < drawn.size(); i++) {
                    facts.add(
                        new PitchFacts(
                            Stages.pitchId(50 - i),
                            new UUID(7, i),
                            new UUID(8, drawn.get(i).get(0)),
                            Stages.T0.plusSeconds(60L * drawn.get(i).get(1)),
                            1_000_000L + i));
                  }
                  return List.copyOf(facts);
                });
    List<UUID> judges = new ArrayList<>();
    for (int j = 0; j < nJudges; j++) {
      judges.add(Stages.judgeId(j + 1));
    }
    return Combinators.combine(pitches, ops)
        .as((facts, entries) -> new Round(rubric, facts, List.copyOf(judges), entries));
  }

  private static Chain started(Round round) {
    Chain chain = new Chain();
    chain.add(EntryKind.RUBRIC, EntryData.rubric(round.rubric()));
    chain.add(
        EntryKind.RUBRIC,
        EntryData.rubric(
            new RubricSpec(
                Stage.SCREENING, round.rubric().criteria(), Normalisation.NONE, 1, null, false)));
    return chain;
  }

  /**
   * The chain holds everything the ranking needs: folding its entries (the latest revision of each
   * judge's score, conflicts with a pitch or its SME, withdrawals; screening scores apart) gives
   * exactly, to the last bit, the ranking the scoring rules give for the same scores.
   */
  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void aRankingRecomputedFromTheChainIsTheOneItsScoresGive(@ForAll("rounds") Round round) {
    Chain chain = started(round);
    round.ops().forEach(op -> chain.add(round, op));

    Ranking recomputed = ChainRanking.recompute(ROUND, chain.records(), Stage.FINALS);

    assertThat(recomputed).isEqualTo(round.expectedFinals(round.ops()));
    Statistics.label("ranked pitches")
        .collect(recomputed.entries().stream().filter(e -> e.rank() != null).count());
  }

  /**
   * Once the finals are concluded, the ranking recomputed from the chain is the one concluded,
   * whatever is appended after the conclusion: more scores, conflicts, withdrawals.
   */
  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void entriesAfterTheConclusionNeverChangeTheConcludedRanking(
      @ForAll("rounds") Round round, @ForAll @IntRange(max = 30) int cut) {
    int concludedAt = Math.min(cut, round.ops().size());
    Chain chain = started(round);
    round.ops().subList(0, concludedAt).forEach(op -> chain.add(round, op));
    RoundLedger ledger = RoundLedger.of(ROUND, chain.records());
    Ranking concluded = ChainRanking.rank(ledger, Stage.FINALS, round.pitches());
    chain.add(
        EntryKind.CONCLUSION,
        EntryData.conclusion(
            concluded.entries().stream().map(RankedPitch::pitch).toList(), ledger.headHash()));
    round.ops().subList(concludedAt, round.ops().size()).forEach(op -> chain.add(round, op));

    assertThat(ChainRanking.recompute(ROUND, chain.records(), Stage.FINALS)).isEqualTo(concluded);
    Statistics.label("entries after the conclusion").collect(round.ops().size() > concludedAt);
  }
}
