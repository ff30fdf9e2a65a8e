package org.wyp.submissionservice.sme;

import java.util.UUID;

/** Identifies a registered SME: the {@code sme_id} its users' tokens carry. */
public record SmeId(UUID value) {

  @Override
  public String toString() {
    return value.toString();
  }
}
