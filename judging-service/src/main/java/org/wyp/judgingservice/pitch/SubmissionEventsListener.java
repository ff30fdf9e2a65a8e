package org.wyp.judgingservice.pitch;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.wyp.events.DomainEvent;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.events.submission.SubmissionEvent;
import org.wyp.events.submission.SubmissionWithdrawn;
import org.wyp.judgingservice.chain.ChainService;
import org.wyp.judgingservice.chain.EntryData;
import org.wyp.judgingservice.chain.EntryKind;
import org.wyp.kit.kafka.ReceivedEvents;

/**
 * Feeds submission events into the pitch projection. A withdrawal is also a fact every ranking
 * depends on, so it is appended to the round's chain, once: a redelivery finds it there already. If
 * the listener fails between the two writes, the retry repeats both and each is idempotent. Then it
 * tells the rest of the service ({@link PitchChanged}) in the same thread, so a failure there is
 * retried too.
 */
@Component
class SubmissionEventsListener {

  private final PitchCatalogue catalogue;
  private final ChainService chain;
  private final ApplicationEventPublisher events;

  SubmissionEventsListener(
      PitchCatalogue catalogue, ChainService chain, ApplicationEventPublisher events) {
    this.catalogue = catalogue;
    this.chain = chain;
    this.events = events;
  }

  @KafkaListener(topics = Topics.SUBMISSIONS)
  void on(ConsumerRecord<String, byte[]> record) {
    ReceivedEvents.decode(record).map(EventEnvelope::data).ifPresent(this::apply);
  }

  private void apply(DomainEvent event) {
    catalogue.apply(event);
    if (event instanceof SubmissionWithdrawn withdrawn) {
      chain.append(
          withdrawn.roundId(),
          ledger ->
              ledger.withdrawn(withdrawn.submissionId())
                  ? Optional.empty()
                  : Optional.of(
                      new ChainService.Draft(
                          EntryKind.WITHDRAWAL,
                          EntryData.withdrawal(withdrawn.submissionId()),
                          "withdrawal:" + withdrawn.submissionId(),
                          List.of())));
    }
    if (event instanceof SubmissionEvent submission) {
      events.publishEvent(new PitchChanged(submission.roundId(), submission.submissionId()));
    }
  }
}
