package org.wyp.submissionservice.programme;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.events.problem.ProblemEvent;
import org.wyp.events.problem.ProblemPublished;
import org.wyp.events.problem.ProblemWithdrawn;
import org.wyp.kit.kafka.ReceivedEvents;

/** Feeds round and problem events into the programme catalogue, then says what changed. */
@Component
class ProgrammeEventsListener {

  private final ProgrammeCatalogue catalogue;
  private final ApplicationEventPublisher publisher;

  ProgrammeEventsListener(ProgrammeCatalogue catalogue, ApplicationEventPublisher publisher) {
    this.catalogue = catalogue;
    this.publisher = publisher;
  }

  @KafkaListener(topics = {Topics.ROUNDS, Topics.PROBLEMS})
  void on(ConsumerRecord<String, byte[]> record) {
    ReceivedEvents.decode(record)
        .map(EventEnvelope::data)
        .ifPresent(
            event -> {
              catalogue.apply(event);
              if (event instanceof ProblemPublished || event instanceof ProblemWithdrawn) {
                publisher.publishEvent(
                    new ProblemAvailabilityChanged(((ProblemEvent) event).problemId()));
              }
            });
  }
}
