package org.wyp.judgingservice.judge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.wyp.kit.aggregate.AggregateRoot;

/**
 * A judge: who it is, what it knows, and the companies it is affiliated with (directs, advises or
 * holds shares in), against which conflicts are detected. Affiliations are fixed at registration so
 * a judge cannot shed a conflict after scoring. A conflict with an SME is kept here, so that it
 * also covers that SME's pitches not yet known; conflicts with a pitch live in the round's chain.
 */
@Document(Judges.COLLECTION)
public class Judge extends AggregateRoot {

  @Id private String id;
  private String name;
  private String organisation;
  private List<String> expertise;
  private List<String> affiliations;
  private List<SmeConflict> smeConflicts;
  private Instant registeredAt;

  protected Judge() {}

  static Judge register(
      JudgeId id,
      String name,
      String organisation,
      List<String> expertise,
      List<String> affiliations,
      Instant now) {
    Judge judge = new Judge();
    judge.id = id.toString();
    judge.name = name;
    judge.organisation = organisation;
    judge.expertise = List.copyOf(expertise);
    judge.affiliations = List.copyOf(affiliations);
    judge.smeConflicts = List.of();
    judge.registeredAt = now;
    // Judges are internal to judging: nothing to publish until they score or declare a conflict.
    judge.nextVersion();
    return judge;
  }

  /**
   * @return false when the conflict was declared before (the first reason stands)
   */
  boolean declareSmeConflict(UUID smeId, String reason) {
    if (smeConflict(smeId) != null) {
      return false;
    }
    List<SmeConflict> updated = new ArrayList<>(smeConflicts());
    updated.add(new SmeConflict(smeId.toString(), reason));
    smeConflicts = List.copyOf(updated);
    nextVersion();
    return true;
  }

  public SmeConflict smeConflict(UUID smeId) {
    return smeConflicts().stream()
        .filter(c -> c.smeId().equals(smeId.toString()))
        .findFirst()
        .orElse(null);
  }

  public JudgeId judgeId() {
    return new JudgeId(UUID.fromString(id));
  }

  public String name() {
    return name;
  }

  public String organisation() {
    return organisation;
  }

  public List<String> expertise() {
    return expertise == null ? List.of() : expertise;
  }

  public List<String> affiliations() {
    return affiliations == null ? List.of() : affiliations;
  }

  public List<SmeConflict> smeConflicts() {
    return smeConflicts == null ? List.of() : smeConflicts;
  }

  public Instant registeredAt() {
    return registeredAt;
  }
}
