package org.wyp.judgingservice.scoring;

import java.util.List;

/** Ranked pitches first (rank 1 upwards), then unranked ones; judges ordered by id. */
public record Ranking(List<RankedPitch> entries, List<JudgeLeniency> judges) {

  public static Ranking empty() {
    return new Ranking(List.of(), List.of());
  }
}
