package org.wyp.problemservice.round;

import java.util.UUID;
import org.wyp.events.Uuids;

/** Identifies a programme round. */
public record RoundId(UUID value) {

  public static RoundId next() {
    return new RoundId(Uuids.v7());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
