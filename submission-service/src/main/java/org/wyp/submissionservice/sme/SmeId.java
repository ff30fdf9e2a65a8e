package org.wyp.submissionservice.sme;

import java.util.UUID;
import org.wyp.events.Uuids;

/** Identifies a registered SME. */
public record SmeId(UUID value) {

  public static SmeId next() {
    return new SmeId(Uuids.v7());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
