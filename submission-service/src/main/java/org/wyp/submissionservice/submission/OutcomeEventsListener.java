package org.wyp.submissionservice.submission;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.kit.kafka.ReceivedEvents;

/** Feeds judging and award outcomes into submissions' statuses. */
@Component
class OutcomeEventsListener {

  private final SubmissionOutcomes outcomes;

  OutcomeEventsListener(SubmissionOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @KafkaListener(topics = {Topics.JUDGING, Topics.AWARDS})
  void on(ConsumerRecord<String, byte[]> record) {
    ReceivedEvents.decode(record).map(EventEnvelope::data).ifPresent(outcomes::apply);
  }
}
