package org.wyp.judgingservice.panel;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.wyp.events.judging.Stage;

/** A panel, its assignments (pitch to judges) and each judge's load. */
record PanelView(
    UUID roundId,
    Stage stage,
    List<UUID> judgeIds,
    List<Assignment> assignments,
    Map<UUID, Integer> loads,
    long version) {

  record Assignment(UUID pitchId, List<UUID> judgeIds) {}

  static PanelView of(Panel panel) {
    Map<UUID, Integer> loads = new TreeMap<>();
    panel.judges().forEach(j -> loads.put(j, 0));
    List<Assignment> assignments =
        panel.assignmentPlan().entrySet().stream()
            .map(e -> new Assignment(e.getKey(), e.getValue()))
            .toList();
    assignments.forEach(a -> a.judgeIds().forEach(j -> loads.merge(j, 1, Integer::sum)));
    return new PanelView(
        panel.roundId(), panel.stage(), panel.judges(), assignments, loads, panel.version());
  }
}
