package org.wyp.judgingservice.judging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.wyp.events.judging.Stage;

/**
 * Scores recorded per round and stage. Only a judge's first score for a pitch counts, so the
 * counter is how many (pitch, judge) pairs of the stage are scored: revisions change no progress.
 */
@Component
class JudgingMetrics {

  private final MeterRegistry registry;

  JudgingMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void scoreRecorded(UUID roundId, Stage stage) {
    Counter.builder("wyp.scores.recorded")
        .description("First scores recorded, per round and stage; revisions are not counted")
        .tag("round", roundId.toString())
        .tag("stage", stage.name())
        .register(registry)
        .increment();
  }
}
