package org.wyp.problemservice.problem;

import java.util.UUID;
import org.wyp.events.Uuids;

/** Identifies a problem statement. */
public record ProblemId(UUID value) {

  public static ProblemId next() {
    return new ProblemId(Uuids.v7());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
