package org.wyp.submissionservice.programme;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.kit.kafka.ReceivedEvents;

/** Feeds round and problem events into the programme catalogue. */
@Component
class ProgrammeEventsListener {

  private final ProgrammeCatalogue catalogue;

  ProgrammeEventsListener(ProgrammeCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @KafkaListener(topics = {Topics.ROUNDS, Topics.PROBLEMS})
  void on(ConsumerRecord<String, byte[]> record) {
    ReceivedEvents.decode(record).map(EventEnvelope::data).ifPresent(catalogue::apply);
  }
}
