package org.wyp.submissionservice.submission;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.wyp.events.Uuids;
import org.wyp.submissionservice.sme.SmeId;

/** Identifies a submission; judging calls the same id a pitch. */
public record SubmissionId(UUID value) {

  public static SubmissionId next() {
    return new SubmissionId(Uuids.v7());
  }

  /**
   * The id a retried create with the same {@code Idempotency-Key} gets, so that a retry collides
   * with the first attempt's document instead of making a second submission.
   */
  public static SubmissionId forIdempotencyKey(SmeId sme, String key) {
    return new SubmissionId(
        UUID.nameUUIDFromBytes(
            ("submission:" + sme.value() + ":" + key).getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
