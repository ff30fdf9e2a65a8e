package org.wyp.judgingservice.judging;

import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.wyp.judgingservice.scoring.RankedPitch;
import org.wyp.kit.metrics.RefreshedGauges;

/**
 * Judging progress for the Programme dashboard: the pitches of each round's stage by how far their
 * scoring has got. A pitch is {@code unscored} until a judge scores it, {@code below_quorum} while
 * fewer judges than the rubric's quorum have, and {@code ranked} from then on. The counts come from
 * the stage's ranking, the one the ranking API answers with (frozen once the stage has ended), and
 * are refreshed in the background: a scrape never reads the chain.
 */
@Component
class JudgingProgress {

  static final String UNSCORED = "unscored";
  static final String BELOW_QUORUM = "below_quorum";
  static final String RANKED = "ranked";

  JudgingProgress(RefreshedGauges gauges, JudgingService judging) {
    gauges.add(
        "wyp.judging.pitches",
        "Pitches of each round's judging stages: unscored, scored below the quorum, or ranked",
        () -> count(judging.rankings()));
  }

  static Map<Tags, Long> count(List<JudgingService.StageRanking> rankings) {
    Map<Tags, Long> counts = new HashMap<>();
    for (JudgingService.StageRanking ranking : rankings) {
      Tags stage = Tags.of("round", ranking.roundId().toString(), "stage", ranking.stage().name());
      // Every state of a judged stage has a sample, zero included, so the panel shows what is left.
      for (String state : List.of(UNSCORED, BELOW_QUORUM, RANKED)) {
        counts.put(stage.and("state", state), 0L);
      }
      for (RankedPitch entry : ranking.ranking().entries()) {
        counts.merge(stage.and("state", state(entry)), 1L, Long::sum);
      }
    }
    return counts;
  }

  /** Below the quorum a pitch has no rank (see {@link RankedPitch}). */
  private static String state(RankedPitch entry) {
    if (entry.rank() != null) {
      return RANKED;
    }
    return entry.judgeCount() == 0 ? UNSCORED : BELOW_QUORUM;
  }
}
