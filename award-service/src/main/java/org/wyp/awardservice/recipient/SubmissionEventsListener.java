package org.wyp.awardservice.recipient;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.kit.kafka.ReceivedEvents;

/** Feeds SME and submission events into the recipient directory. */
@Component
class SubmissionEventsListener {

  private final RecipientDirectory directory;

  SubmissionEventsListener(RecipientDirectory directory) {
    this.directory = directory;
  }

  @KafkaListener(topics = Topics.SUBMISSIONS)
  void on(ConsumerRecord<String, byte[]> record) {
    ReceivedEvents.decode(record).map(EventEnvelope::data).ifPresent(directory::apply);
  }
}
