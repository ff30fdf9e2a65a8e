package org.wyp.judgingservice.leaderboard;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.wyp.events.EventEnvelope;
import org.wyp.events.Topics;
import org.wyp.events.judging.JudgingEvent;
import org.wyp.events.judging.PitchNotShortlisted;
import org.wyp.events.judging.PitchScoreRevised;
import org.wyp.events.judging.PitchScored;
import org.wyp.events.judging.Stage;
import org.wyp.kit.kafka.ReceivedEvents;

/**
 * Refreshes a round's finals board after each of this service's own judging events that can change
 * it. The topic is keyed by round, so a round's refreshes run one after another; each recomputes
 * from the database, so a redelivered or late event only repeats a refresh that changes nothing. A
 * refresh that keeps failing sends the record to the dead-letter topic like any other.
 */
@Component
class JudgingEventsListener {

  private final LeaderboardService leaderboards;

  JudgingEventsListener(LeaderboardService leaderboards) {
    this.leaderboards = leaderboards;
  }

  @KafkaListener(topics = Topics.JUDGING)
  void on(ConsumerRecord<String, byte[]> record) {
    ReceivedEvents.decode(record)
        .map(EventEnvelope::data)
        .filter(JudgingEvent.class::isInstance)
        .map(JudgingEvent.class::cast)
        .filter(JudgingEventsListener::changesTheBoard)
        .ifPresent(event -> leaderboards.refresh(event.roundId()));
  }

  /** The shortlist, finals scores, conflicts and the conclusion. */
  static boolean changesTheBoard(JudgingEvent event) {
    return switch (event) {
      case PitchScored scored -> scored.stage() == Stage.FINALS;
      case PitchScoreRevised revised -> revised.stage() == Stage.FINALS;
      // The shortlist announces each finalist; refreshing on every one is enough.
      case PitchNotShortlisted notShortlisted -> false;
      default -> true;
    };
  }
}
