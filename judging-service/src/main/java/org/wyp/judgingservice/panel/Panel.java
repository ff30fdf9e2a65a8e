package org.wyp.judgingservice.panel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.wyp.events.judging.Stage;
import org.wyp.kit.aggregate.AggregateRoot;

/**
 * A round's panel for one stage, and which judge reads which pitch. Until assignments are made,
 * every member may score every pitch of the stage (the finals default).
 */
@Document(Panels.COLLECTION)
public class Panel extends AggregateRoot {

  @Id private String id;
  private String roundId;
  private Stage stage;
  private List<String> judgeIds;
  private Map<String, List<String>> assignments;
  private Instant updatedAt;

  protected Panel() {}

  static Panel form(UUID roundId, Stage stage, List<UUID> judges, Instant now) {
    Panel panel = new Panel();
    panel.id = id(roundId, stage);
    panel.roundId = roundId.toString();
    panel.stage = stage;
    panel.assignments = Map.of();
    panel.replaceJudges(judges, now);
    return panel;
  }

  static String id(UUID roundId, Stage stage) {
    return roundId + ":" + stage;
  }

  /** Assignments of judges who left the panel go with them; a re-plan tops the pitches up. */
  void replaceJudges(List<UUID> judges, Instant now) {
    judgeIds = judges.stream().map(UUID::toString).toList();
    Map<String, List<String>> kept = new LinkedHashMap<>();
    assignments()
        .forEach(
            (pitch, assigned) ->
                kept.put(pitch, assigned.stream().filter(judgeIds::contains).toList()));
    assignments = kept;
    updatedAt = now;
    nextVersion();
  }

  void assign(Map<UUID, List<UUID>> plan, Instant now) {
    Map<String, List<String>> stored = new LinkedHashMap<>();
    plan.forEach(
        (pitch, judges) ->
            stored.put(pitch.toString(), judges.stream().map(UUID::toString).toList()));
    assignments = stored;
    updatedAt = now;
    nextVersion();
  }

  public boolean member(UUID judgeId) {
    return judges().contains(judgeId);
  }

  public boolean hasAssignments() {
    return !assignments().isEmpty();
  }

  /** Whether the judge may score the pitch: assigned to it, or any member before assignment. */
  public boolean assigned(UUID judgeId, UUID pitchId) {
    if (!member(judgeId)) {
      return false;
    }
    if (!hasAssignments()) {
      return true;
    }
    return assignments().getOrDefault(pitchId.toString(), List.of()).contains(judgeId.toString());
  }

  public String id() {
    return id;
  }

  public UUID roundId() {
    return UUID.fromString(roundId);
  }

  public Stage stage() {
    return stage;
  }

  public List<UUID> judges() {
    return judgeIds.stream().map(UUID::fromString).toList();
  }

  public Map<UUID, List<UUID>> assignmentPlan() {
    Map<UUID, List<UUID>> plan = new LinkedHashMap<>();
    assignments()
        .forEach(
            (pitch, judges) ->
                plan.put(UUID.fromString(pitch), judges.stream().map(UUID::fromString).toList()));
    return plan;
  }

  private Map<String, List<String>> assignments() {
    return assignments == null ? Map.of() : assignments;
  }
}
