package org.wyp.judgingservice.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.wyp.judgingservice.chain.ChainTest.ROUND;
import static org.wyp.judgingservice.chain.ChainTest.facts;
import static org.wyp.judgingservice.chain.ChainTest.rubric;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.chain.ChainTest.ChainBuilder;
import org.wyp.judgingservice.chain.EntryData;
import org.wyp.judgingservice.chain.EntryKind;
import org.wyp.judgingservice.chain.RoundLedger;
import org.wyp.judgingservice.scoring.Normalisation;
import org.wyp.judgingservice.scoring.PitchFacts;
import org.wyp.judgingservice.scoring.RankedPitch;
import org.wyp.judgingservice.scoring.Ranking;

/** Rankings recomputed from nothing but a chain. Rubric: impact 0.6, team 0.4, both 0–10. */
class ChainRankingTest {

  static final UUID P1 = UUID.fromString("0190f000-0000-7000-8000-000000000011");
  static final UUID P2 = UUID.fromString("0190f000-0000-7000-8000-000000000012");
  static final UUID P3 = UUID.fromString("0190f000-0000-7000-8000-000000000013");
  static final UUID A = UUID.fromString("0190f000-0000-7000-8000-0000000000a1");
  static final UUID B = UUID.fromString("0190f000-0000-7000-8000-0000000000a2");

  final ChainBuilder chain = new ChainBuilder();

  void score(UUID pitch, UUID judge, int revision, int impact, int team, int minutes) {
    chain.add(
        EntryKind.SCORE,
        EntryData.score(
            Stage.FINALS,
            pitch,
            judge,
            revision,
            Map.of("impact", impact, "team", team),
            null,
            facts(pitch, minutes)));
  }

  static RankedPitch line(Ranking ranking, UUID pitch) {
    return ranking.entries().stream()
        .filter(e -> e.pitch().pitchId().equals(pitch))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void revisionsConflictsAndWithdrawalsInTheChainShapeTheRanking() {
    chain.add(EntryKind.RUBRIC, EntryData.rubric(rubric(Stage.FINALS, Normalisation.NONE, 1)));
    score(P1, A, 0, 5, 5, 0); // 50
    score(P1, A, 1, 10, 5, 0); // revised: 0.6×100 + 0.4×50 = 80
    score(P1, B, 0, 0, 0, 0); // 0, but B declares a conflict with P1's SME below
    score(P2, A, 0, 7, 7, 1); // 70
    score(P3, A, 0, 10, 10, 2); // 100, then P3 is withdrawn
    chain.add(
        EntryKind.CONFLICT,
        EntryData.conflict(B, null, facts(P1, 0).smeId(), "Advises them", false));
    chain.add(EntryKind.WITHDRAWAL, EntryData.withdrawal(P3));

    Ranking ranking = ChainRanking.recompute(ROUND, chain.records(), Stage.FINALS);

    assertThat(ranking.entries()).extracting(e -> e.pitch().pitchId()).containsExactly(P1, P2);
    assertThat(line(ranking, P1).rawScore()).isCloseTo(80.0, within(1e-9));
    assertThat(line(ranking, P1).judgeCount()).isEqualTo(1);
    assertThat(line(ranking, P2).rawScore()).isCloseTo(70.0, within(1e-9));
    assertThat(ranking.judges()).extracting(j -> j.judgeId()).containsExactly(A);
  }

  @Test
  void afterAConclusionTheRankingIsTheOneConcludedEvenIfAPitchIsWithdrawnLater() {
    chain.add(EntryKind.RUBRIC, EntryData.rubric(rubric(Stage.FINALS, Normalisation.ZSCORE, 1)));
    score(P1, A, 0, 9, 9, 0);
    score(P2, A, 0, 4, 6, 1);
    score(P2, B, 0, 5, 5, 1);
    RoundLedger ledger = RoundLedger.of(ROUND, chain.records());
    List<PitchFacts> unscored = List.of(facts(P3, 2));
    Ranking concluded = ChainRanking.rank(ledger, Stage.FINALS, unscored);
    chain.add(
        EntryKind.CONCLUSION,
        EntryData.conclusion(
            concluded.entries().stream().map(RankedPitch::pitch).toList(), ledger.headHash()));
    chain.add(EntryKind.WITHDRAWAL, EntryData.withdrawal(P1));

    Ranking recomputed = ChainRanking.recompute(ROUND, chain.records(), Stage.FINALS);

    assertThat(recomputed).isEqualTo(concluded);
    assertThat(recomputed.entries()).extracting(RankedPitch::rank).containsExactly(1, 2, null);
  }
}
