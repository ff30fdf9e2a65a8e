package org.wyp.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.wyp.events.view.PublicAward;
import org.wyp.events.view.PublicFund;
import org.wyp.events.view.PublicLeaderboard;
import org.wyp.events.view.PublicProblem;
import org.wyp.events.view.PublicProblemStats;
import org.wyp.events.view.PublicRound;
import org.wyp.events.view.PublicView;
import org.wyp.events.view.PublicViews;

/**
 * A sample of every public view kind with every component set (the views have no golden files: no
 * service publishes them yet), and the same sample with chosen components null.
 */
final class ViewSamples {

  static final UUID ROUND = UUID.fromString("01956a4e-8c00-7000-8a1b-2c3d4e5f6a01");
  static final UUID PROBLEM = UUID.fromString("01956a4f-1200-7b2c-9d3e-4f5a6b7c8d02");
  static final UUID PITCH = UUID.fromString("01957b10-3e40-7c5d-8e6f-7a8b9c0d1e03");
  static final UUID OTHER_PITCH = UUID.fromString("01957b13-6170-7c80-a192-0d1e2f3a4b0c");
  static final UUID AWARD = UUID.fromString("01959d30-6b70-7f80-b19c-0d1e2f3a4b06");
  static final Instant TIME = Instant.parse("2026-06-10T17:30:00Z");

  private ViewSamples() {}

  /** Every component set, and no collection empty. */
  static PublicView full(String kind) {
    return switch (kind) {
      case PublicViews.ROUND ->
          new PublicRound(
              ROUND,
              "Liverpool City Region Round 3: Healthy Homes, Healthy Lives",
              "NHS trusts and councils bring problems about damp, cold homes.",
              Instant.parse("2026-03-01T09:00:00Z"),
              Instant.parse("2026-04-30T17:00:00Z"),
              Instant.parse("2026-06-10T09:30:00Z"),
              "SUBMISSIONS_CLOSED",
              Instant.parse("2026-04-30T17:00:00Z"));
      case PublicViews.PROBLEM ->
          new PublicProblem(
              PROBLEM,
              ROUND,
              "Too many missed outpatient appointments",
              "One in eight outpatient appointments in north Liverpool is missed.",
              "health",
              "Liverpool University Hospitals NHS Foundation Trust",
              List.of("Liverpool", "Sefton"),
              "PUBLISHED",
              2,
              Instant.parse("2026-03-02T11:15:00Z"),
              Instant.parse("2026-03-12T08:25:00Z"));
      case PublicViews.PROBLEM_STATS -> new PublicProblemStats(PROBLEM, ROUND, 7);
      case PublicViews.LEADERBOARD ->
          new PublicLeaderboard(
              ROUND,
              PublicLeaderboard.CONCLUDED,
              List.of(
                  new PublicLeaderboard.Entry(
                      PITCH,
                      PROBLEM,
                      "Predictive reminders for outpatients",
                      "Mersey Health Analytics Ltd",
                      5,
                      5,
                      1,
                      84.25),
                  new PublicLeaderboard.Entry(
                      OTHER_PITCH,
                      PROBLEM,
                      "Damp sensors for social housing",
                      "Wirral Air Ltd",
                      5,
                      5,
                      2,
                      79.5)),
              "sha256:3f1c9a7e5b2d48c0a6e19f7b3d5c2a8e4f6b1d9c7a3e5f2b8d4c6a1e9f3b7d5c");
      case PublicViews.AWARD ->
          new PublicAward(
              AWARD,
              ROUND,
              PROBLEM,
              PITCH,
              "Mersey Health Analytics Ltd",
              1,
              4_800_000,
              1_920_000,
              "ACCEPTED",
              1,
              3,
              Instant.parse("2026-06-11T10:00:00Z"));
      case PublicViews.FUND ->
          new PublicFund(
              ROUND,
              "ALLOCATED",
              15_000_000,
              14_800_000,
              1_920_000,
              200_000,
              3,
              3,
              "RANK_WEIGHTED");
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /**
   * The full sample with the named top-level components null (and, for the leaderboard, its
   * entries' rank and score too when those are named as {@code entries.rank} and so on).
   */
  static PublicView withNull(String kind, Set<String> components) {
    PublicView full = full(kind);
    if (full instanceof PublicLeaderboard board) {
      List<PublicLeaderboard.Entry> entries =
          board.entries().stream()
              .map(
                  entry ->
                      copy(
                          entry,
                          components.stream()
                              .filter(name -> name.startsWith("entries."))
                              .map(name -> name.substring("entries.".length()))
                              .toList()))
              .toList();
      full =
          new PublicLeaderboard(
              board.roundId(), board.status(), entries, board.scoresFingerprint());
    }
    return copy(full, components.stream().filter(name -> !name.contains(".")).toList());
  }

  /** A record like {@code original} with the named components null. */
  static <T> T copy(T original, List<String> nulled) {
    if (!original.getClass().isRecord()) {
      throw new AssertionError(original + " is not a record");
    }
    RecordComponent[] components = original.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      try {
        values[i] =
            nulled.contains(components[i].getName())
                ? null
                : components[i].getAccessor().invoke(original);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new AssertionError(e);
      }
    }
    List<String> unknown =
        nulled.stream()
            .filter(name -> Arrays.stream(components).noneMatch(c -> c.getName().equals(name)))
            .toList();
    if (!unknown.isEmpty()) {
      throw new AssertionError(original.getClass().getSimpleName() + " has no " + unknown);
    }
    try {
      @SuppressWarnings("unchecked")
      T copy = (T) original.getClass().getDeclaredConstructor(types).newInstance(values);
      return copy;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot copy " + original, e);
    }
  }

  static Stream<Named<String>> kinds() {
    return PublicViews.KINDS.stream().map(kind -> Named.of(kind, kind));
  }
}
