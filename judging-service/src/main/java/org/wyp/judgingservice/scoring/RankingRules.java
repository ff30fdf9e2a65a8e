package org.wyp.judgingservice.scoring;

/** A stage's rules for ranking: normalisation and the quorum a pitch needs to be ranked. */
public record RankingRules(Normalisation normalisation, int minJudgesPerPitch) {

  public RankingRules {
    if (minJudgesPerPitch < 1) {
      throw new IllegalArgumentException("a pitch needs at least one judge to be ranked");
    }
  }
}
