package org.wyp.problemservice.funding;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.kit.kafka.ReceivedEvents;

/** Feeds award events into the funded-solutions projection. */
@Component
class AwardEventsListener {

  private final FundedSolutions fundedSolutions;

  AwardEventsListener(FundedSolutions fundedSolutions) {
    this.fundedSolutions = fundedSolutions;
  }

  @KafkaListener(topics = Topics.AWARDS)
  void on(ConsumerRecord<String, byte[]> record) {
    ReceivedEvents.decode(record).map(EventEnvelope::data).ifPresent(fundedSolutions::apply);
  }
}
