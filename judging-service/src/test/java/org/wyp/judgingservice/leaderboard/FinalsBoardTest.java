package org.wyp.judgingservice.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wyp.events.EventCodec;
import org.wyp.events.view.PublicLeaderboard;
import org.wyp.events.view.PublicLeaderboard.Entry;
import org.wyp.judgingservice.scoring.Normalisation;
import org.wyp.judgingservice.scoring.PitchFacts;
import org.wyp.judgingservice.scoring.RankingRules;
import org.wyp.judgingservice.scoring.ScoreSheet;

/** The sealing, progress and ordering rules of the finals board, without infrastructure. */
class FinalsBoardTest {

  private static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");

  private final UUID roundId = UUID.randomUUID();
  private final UUID ann = UUID.randomUUID();
  private final UUID bob = UUID.randomUUID();
  private final UUID cy = UUID.randomUUID();
  private final PitchFacts alpha = facts(0);
  private final PitchFacts bravo = facts(1);
  private final PitchFacts charlie = facts(2);

  private static PitchFacts facts(int minute) {
    return new PitchFacts(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        T0.plusSeconds(60L * minute),
        4_500_000L);
  }

  private static FinalsBoard.Finalist finalist(
      PitchFacts pitch, String title, Set<UUID> expected, Set<UUID> counted) {
    return new FinalsBoard.Finalist(
        pitch.pitchId(), pitch.problemId(), title, title + " Ltd", expected, counted);
  }

  private ScoreSheet sheet() {
    return new ScoreSheet().pitch(alpha).pitch(bravo).pitch(charlie);
  }

  private static Entry entry(PublicLeaderboard board, PitchFacts pitch) {
    return board.entries().stream()
        .filter(e -> e.pitchId().equals(pitch.pitchId()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aPitchShowsItsScoreAndRankOnlyOnceItsWholePanelHasScored() {
    Set<UUID> panel = Set.of(ann, bob, cy);
    // Bravo has the best scores so far but only two of its three judges have scored it.
    var ranking =
        sheet()
            .score(alpha.pitchId(), ann, 60)
            .score(alpha.pitchId(), bob, 70)
            .score(alpha.pitchId(), cy, 80)
            .score(bravo.pitchId(), ann, 95)
            .score(bravo.pitchId(), bob, 95)
            .rank(new RankingRules(Normalisation.NONE, 2));

    PublicLeaderboard board =
        FinalsBoard.live(
            roundId,
            List.of(
                finalist(alpha, "Alpha", panel, Set.of(ann, bob, cy)),
                finalist(bravo, "Bravo", panel, Set.of(ann, bob)),
                finalist(charlie, "Charlie", panel, Set.of())),
            ranking,
            Normalisation.NONE,
            2);

    assertThat(board.status()).isEqualTo(PublicLeaderboard.LIVE);
    assertThat(board.scoresFingerprint()).isNull();
    assertThat(board.entries())
        .extracting(Entry::title, Entry::scoresIn, Entry::panelSize, Entry::rank, Entry::score)
        .containsExactly(
            tuple("Alpha", 3, 3, 1, 70.0),
            tuple("Bravo", 2, 3, null, null),
            tuple("Charlie", 0, 3, null, null));
  }

  @Test
  void ranksAreGivenAmongCompletePitchesInTheRankingsOrderWithItsTieBreaks() {
    Set<UUID> panel = Set.of(ann, bob);
    // Alpha and Bravo tie on score and median; Alpha was submitted first, so it ranks first.
    var ranking =
        sheet()
            .score(alpha.pitchId(), ann, 60)
            .score(alpha.pitchId(), bob, 80)
            .score(bravo.pitchId(), ann, 80)
            .score(bravo.pitchId(), bob, 60)
            .score(charlie.pitchId(), ann, 90)
            .rank(new RankingRules(Normalisation.NONE, 1));

    PublicLeaderboard board =
        FinalsBoard.live(
            roundId,
            List.of(
                finalist(charlie, "Charlie", panel, Set.of(ann)),
                finalist(bravo, "Bravo", panel, panel),
                finalist(alpha, "Alpha", panel, panel)),
            ranking,
            Normalisation.NONE,
            1);

    // Charlie leads the stage's ranking but is not complete: it does not take a place.
    assertThat(board.entries())
        .extracting(Entry::title, Entry::rank, Entry::score)
        .containsExactly(
            tuple("Alpha", 1, 70.0), tuple("Bravo", 2, 70.0), tuple("Charlie", null, null));
  }

  @Test
  void thePanelIsWhoIsExpectedAndWhoseScoresCountAndNeverLessThanTheQuorum() {
    // Bob left the panel after scoring Alpha: his score still counts, so he is still one of five.
    FinalsBoard.Finalist alphaLine = finalist(alpha, "Alpha", Set.of(ann, cy), Set.of(ann, bob));
    assertThat(alphaLine.scoresIn()).isEqualTo(2);
    assertThat(alphaLine.panelSize(1)).isEqualTo(3);
    assertThat(alphaLine.complete(1)).isFalse();
    // A panel of one conflicted down below the quorum is short, not complete.
    FinalsBoard.Finalist bravoLine = finalist(bravo, "Bravo", Set.of(ann), Set.of(ann));
    assertThat(bravoLine.panelSize(2)).isEqualTo(2);
    assertThat(bravoLine.complete(2)).isFalse();
    assertThat(bravoLine.complete(1)).isTrue();
    // Without a panel nobody can score: the quorum is what will be needed; nothing is complete.
    FinalsBoard.Finalist charlieLine = finalist(charlie, "Charlie", Set.of(), Set.of());
    assertThat(charlieLine.panelSize(3)).isEqualTo(3);
    assertThat(charlieLine.panelSize(0)).isZero();
    assertThat(charlieLine.complete(0)).isFalse();
  }

  @Test
  void theConcludedBoardShowsTheConclusionsRanksWithTheFingerprint() {
    Set<UUID> panel = Set.of(ann, bob);
    var ranking =
        sheet()
            .score(alpha.pitchId(), ann, 50)
            .score(alpha.pitchId(), bob, 60)
            .score(bravo.pitchId(), ann, 90)
            .score(bravo.pitchId(), bob, 80)
            .score(charlie.pitchId(), ann, 99)
            .rank(new RankingRules(Normalisation.NONE, 2));

    PublicLeaderboard board =
        FinalsBoard.concluded(
            roundId,
            List.of(
                finalist(alpha, "alpha", panel, panel),
                finalist(charlie, "Charlie", panel, Set.of(ann)),
                finalist(bravo, "Bravo", panel, panel)),
            ranking,
            Normalisation.NONE,
            2,
            "abc123");

    assertThat(board.status()).isEqualTo(PublicLeaderboard.CONCLUDED);
    assertThat(board.scoresFingerprint()).isEqualTo("abc123");
    // Charlie lacked the quorum: it stays unranked, and its one judge's score stays sealed.
    assertThat(board.entries())
        .extracting(Entry::title, Entry::scoresIn, Entry::panelSize, Entry::rank, Entry::score)
        .containsExactly(
            tuple("Bravo", 2, 2, 1, 85.0),
            tuple("alpha", 2, 2, 2, 55.0),
            tuple("Charlie", 1, 2, null, null));
  }

  @Test
  void unrankedPitchesFollowInTitleOrder() {
    var ranking = sheet().rank(new RankingRules(Normalisation.NONE, 1));

    PublicLeaderboard board =
        FinalsBoard.live(
            roundId,
            List.of(
                finalist(charlie, "charlie", Set.of(ann), Set.of()),
                finalist(alpha, "Bravo", Set.of(ann), Set.of()),
                finalist(bravo, "alpha", Set.of(ann), Set.of())),
            ranking,
            Normalisation.NONE,
            1);

    assertThat(board.entries())
        .extracting(Entry::title)
        .containsExactly("alpha", "Bravo", "charlie");
  }

  @Test
  void withZScoresTheScoreIsOnTheTotalsScaleAndOrderedAsTheRanks() {
    Set<UUID> panel = Set.of(ann, bob);
    // Ann is harsh, Bob lenient; z-scores undo that.
    var ranking =
        sheet()
            .score(alpha.pitchId(), ann, 20)
            .score(alpha.pitchId(), bob, 70)
            .score(bravo.pitchId(), ann, 40)
            .score(bravo.pitchId(), bob, 90)
            .score(charlie.pitchId(), ann, 30)
            .score(charlie.pitchId(), bob, 80)
            .rank(new RankingRules(Normalisation.ZSCORE, 2));

    PublicLeaderboard board =
        FinalsBoard.live(
            roundId,
            List.of(
                finalist(alpha, "Alpha", panel, panel),
                finalist(bravo, "Bravo", panel, panel),
                finalist(charlie, "Charlie", panel, panel)),
            ranking,
            Normalisation.ZSCORE,
            2);

    assertThat(board.entries())
        .extracting(Entry::title, Entry::rank)
        .containsExactly(tuple("Bravo", 1), tuple("Charlie", 2), tuple("Alpha", 3));
    // Every total's mean is 55: Charlie, at each judge's own mean (z = 0), scores exactly that.
    assertThat(board.entries())
        .extracting(Entry::score)
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(entry(board, charlie).score()).isEqualTo(55.0);
    assertThat(board.entries())
        .extracting(Entry::score)
        .allSatisfy(score -> assertThat(score).isBetween(0.0, 100.0));
  }

  @Test
  void theBoardsJsonNamesNoJudgeAndCarriesNoIndividualScore() {
    Set<UUID> panel = Set.of(ann, bob, cy);
    var ranking =
        sheet()
            .score(alpha.pitchId(), ann, 61.25)
            .score(alpha.pitchId(), bob, 70.5)
            .score(alpha.pitchId(), cy, 83.75)
            .score(bravo.pitchId(), ann, 33.33)
            .rank(new RankingRules(Normalisation.NONE, 3));

    String json =
        EventCodec.toJsonString(
            FinalsBoard.live(
                roundId,
                List.of(
                    finalist(alpha, "Alpha", panel, panel),
                    finalist(bravo, "Bravo", panel, Set.of(ann))),
                ranking,
                Normalisation.NONE,
                3));

    assertThat(json)
        .doesNotContain(ann.toString(), bob.toString(), cy.toString())
        .doesNotContain("61.25", "70.5", "83.75", "33.33")
        .contains("\"score\":71.83");
  }
}
