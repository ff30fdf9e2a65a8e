package org.wyp.events.view;

import java.util.List;
import java.util.UUID;

/** The kinds of public view, their record keys and their CloudEvents types. */
public final class PublicViews {

  public static final String ROUND = "round";
  public static final String PROBLEM = "problem";
  public static final String PROBLEM_STATS = "problem-stats";
  public static final String LEADERBOARD = "leaderboard";
  public static final String AWARD = "award";
  public static final String FUND = "fund";

  public static final List<String> KINDS =
      List.of(ROUND, PROBLEM, PROBLEM_STATS, LEADERBOARD, AWARD, FUND);

  private PublicViews() {}

  /** The record key, {@code <kind>:<id>}. */
  public static String key(String kind, UUID id) {
    return kind + ":" + id;
  }

  /** The ce_type of a view record, versioned like events: {@code wyp.view.<kind>.v1}. */
  public static String type(String kind) {
    return "wyp.view." + kind + ".v1";
  }

  /** The view class each kind is published as. */
  public static Class<? extends PublicView> classOf(String kind) {
    return switch (kind) {
      case ROUND -> PublicRound.class;
      case PROBLEM -> PublicProblem.class;
      case PROBLEM_STATS -> PublicProblemStats.class;
      case LEADERBOARD -> PublicLeaderboard.class;
      case AWARD -> PublicAward.class;
      case FUND -> PublicFund.class;
      default -> throw new IllegalArgumentException("not a public view kind: " + kind);
    };
  }
}
