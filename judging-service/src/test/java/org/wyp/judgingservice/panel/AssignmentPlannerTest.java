package org.wyp.judgingservice.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AssignmentPlannerTest {

  final List<UUID> judges = ids(5);
  final List<UUID> pitches = ids(7);

  static List<UUID> ids(int n) {
    return IntStream.range(0, n).mapToObj(i -> UUID.randomUUID()).toList();
  }

  static Map<UUID, Integer> loads(Map<UUID, List<UUID>> plan, List<UUID> judges) {
    Map<UUID, Integer> loads = new HashMap<>();
    judges.forEach(j -> loads.put(j, 0));
    plan.values().forEach(assigned -> assigned.forEach(j -> loads.merge(j, 1, Integer::sum)));
    return loads;
  }

  @Test
  void everyPitchGetsTheQuorumAndLoadsDifferByAtMostOne() {
    for (int quorum = 1; quorum <= 5; quorum++) {
      Map<UUID, List<UUID>> plan =
          AssignmentPlanner.plan(Map.of(), judges, pitches, quorum, (j, p) -> false);

      final int q = quorum;
      assertThat(plan.values())
          .allSatisfy(assigned -> assertThat(assigned).hasSize(q).doesNotHaveDuplicates());
      var loads = loads(plan, judges).values();
      assertThat(
              loads.stream().mapToInt(i -> i).max().getAsInt()
                  - loads.stream().mapToInt(i -> i).min().getAsInt())
          .as("quorum %d", quorum)
          .isLessThanOrEqualTo(1);
    }
  }

  @Test
  void aConflictedJudgeIsReplacedAndTheOthersKeepTheirPitches() {
    Map<UUID, List<UUID>> before =
        AssignmentPlanner.plan(Map.of(), judges, pitches, 2, (j, p) -> false);
    UUID pitch = pitches.getFirst();
    UUID conflicted = before.get(pitch).getFirst();

    Map<UUID, List<UUID>> after =
        AssignmentPlanner.plan(
            before, judges, pitches, 2, (j, p) -> j.equals(conflicted) && p.equals(pitch));

    assertThat(after.get(pitch))
        .hasSize(2)
        .doesNotContain(conflicted)
        .contains(before.get(pitch).get(1));
    for (UUID other : pitches.subList(1, pitches.size())) {
      assertThat(after.get(other)).isEqualTo(before.get(other));
    }
  }

  @Test
  void whenConflictsLeaveTooFewJudgesThePitchGetsAllThatRemain() {
    List<UUID> two = new ArrayList<>(judges.subList(0, 2));
    Map<UUID, List<UUID>> plan =
        AssignmentPlanner.plan(
            Map.of(),
            two,
            pitches,
            2,
            (j, p) -> j.equals(two.getFirst()) && p.equals(pitches.getFirst()));

    assertThat(plan.get(pitches.getFirst())).containsExactly(two.get(1));
  }
}
