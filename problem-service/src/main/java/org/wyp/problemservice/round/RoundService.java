package org.wyp.problemservice.round;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Service;
import org.wyp.kit.domain.NotFoundException;
import org.wyp.kit.web.PageResponse;

/** Manages rounds: announces them and moves them through their phases. */
@Service
public class RoundService {

  private final Rounds rounds;
  private final Clock clock;

  RoundService(Rounds rounds, Clock clock) {
    this.rounds = rounds;
    this.clock = clock;
  }

  Round announce(
      String name, String description, RoundSchedule schedule, List<String> postcodeAreas) {
    return rounds.save(
        Round.announce(
            RoundId.next(), name, description, schedule, postcodeAreas, clock.instant()));
  }

  Round open(RoundId id) {
    return change(id, Round::open);
  }

  Round closeSubmissions(RoundId id) {
    return change(id, Round::closeSubmissions);
  }

  Round archive(RoundId id) {
    return change(id, Round::archive);
  }

  public Round get(RoundId id) {
    return rounds.find(id).orElseThrow(() -> new NotFoundException("round", id));
  }

  PageResponse<Round> list(Optional<RoundStatus> status, int page, int size) {
    return rounds.list(status, page, size);
  }

  private Round change(RoundId id, BiConsumer<Round, Instant> transition) {
    Round round = get(id);
    transition.accept(round, clock.instant());
    return rounds.save(round);
  }
}
