package org.wyp.judgingservice.judge;

import java.util.UUID;
import org.wyp.events.Uuids;

/** Identifies a judge (an assessor or panel member). */
public record JudgeId(UUID value) {

  public static JudgeId next() {
    return new JudgeId(Uuids.v7());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
