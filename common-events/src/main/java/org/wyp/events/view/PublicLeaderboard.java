package org.wyp.events.view;

import java.util.List;
import java.util.UUID;

/**
 * The sealed finals board of a round. While the finals run ({@code LIVE}) it shows, per finalist,
 * how many of its panel have scored; a pitch's score and place appear only once its whole panel has
 * scored, ranked among the pitches that are complete. Once judging is concluded ({@code CONCLUDED})
 * it shows the final ranking. Individual judges' scores never appear.
 *
 * @param status LIVE or CONCLUDED
 * @param scoresFingerprint the head of the round's score hash chain, once concluded
 */
public record PublicLeaderboard(
    UUID roundId, String status, List<Entry> entries, String scoresFingerprint)
    implements PublicView {

  public static final String LIVE = "LIVE";
  public static final String CONCLUDED = "CONCLUDED";

  public PublicLeaderboard {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }

  /**
   * One finalist.
   *
   * @param scoresIn how many of its panel have scored it
   * @param panelSize how many judges are to score it
   * @param rank its place, null until its panel is complete (or, once concluded, when it lacked a
   *     quorum)
   * @param score its score on 0–100 (normalised where the rubric normalises), null with the rank
   */
  public record Entry(
      UUID pitchId,
      UUID problemId,
      String title,
      String companyName,
      int scoresIn,
      int panelSize,
      Integer rank,
      Double score) {}

  @Override
  public String kind() {
    return PublicViews.LEADERBOARD;
  }

  @Override
  public UUID viewId() {
    return roundId;
  }
}
