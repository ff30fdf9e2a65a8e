package org.wyp.awardservice.fund;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.wyp.events.Topics;
import org.wyp.events.judging.JudgingConcluded;
import org.wyp.kit.kafka.ReceivedEvents;

/** Feeds judging's conclusions to the funds; the rest of judging's events are not ours. */
@Component
class JudgingEventsListener {

  private final FundService funds;

  JudgingEventsListener(FundService funds) {
    this.funds = funds;
  }

  @KafkaListener(topics = Topics.JUDGING)
  void on(ConsumerRecord<String, byte[]> record) {
    ReceivedEvents.decode(record)
        .ifPresent(
            envelope -> {
              if (envelope.data() instanceof JudgingConcluded concluded) {
                funds.conclude(envelope.id(), concluded);
              }
            });
  }
}
