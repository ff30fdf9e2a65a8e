package org.wyp.submissionservice.submission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.wyp.kit.metrics.RefreshedGauges;

/** Pitches received per round, and how many stand in each status; rounds are few. */
@Component
class SubmissionMetrics {

  private final MeterRegistry registry;

  SubmissionMetrics(MeterRegistry registry, RefreshedGauges gauges, Submissions submissions) {
    this.registry = registry;
    gauges.add(
        "wyp.submissions", "Submissions by round and status", submissions::countByRoundAndStatus);
  }

  void received(Submission submission) {
    Counter.builder("wyp.submissions.received")
        .description("Submissions received; a replayed Idempotency-Key is not counted again")
        .tag("round", submission.roundId().toString())
        .register(registry)
        .increment();
  }
}
