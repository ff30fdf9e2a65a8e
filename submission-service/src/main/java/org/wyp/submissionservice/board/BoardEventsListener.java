package org.wyp.submissionservice.board;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.events.submission.SubmissionAmended;
import org.wyp.events.submission.SubmissionReceived;
import org.wyp.events.submission.SubmissionWithdrawn;
import org.wyp.kit.kafka.ReceivedEvents;
import org.wyp.submissionservice.programme.ProblemAvailabilityChanged;

/**
 * Refreshes a problem's pitch count after this service's own submission events (read back from
 * Kafka, so a count is only ever published for pitches that were stored and announced) and after
 * the problem itself is published or withdrawn.
 */
@Component
class BoardEventsListener {

  private final ProblemStats stats;

  BoardEventsListener(ProblemStats stats) {
    this.stats = stats;
  }

  @KafkaListener(topics = Topics.SUBMISSIONS)
  void on(ConsumerRecord<String, byte[]> record) {
    ReceivedEvents.decode(record)
        .map(EventEnvelope::data)
        .ifPresent(
            event -> {
              switch (event) {
                case SubmissionReceived received -> stats.refresh(received.problemId());
                case SubmissionWithdrawn withdrawn -> stats.refresh(withdrawn.problemId());
                case SubmissionAmended amended -> stats.refresh(amended.problemId());
                default -> {}
              }
            });
  }

  @EventListener
  void on(ProblemAvailabilityChanged changed) {
    stats.refresh(changed.problemId());
  }
}
