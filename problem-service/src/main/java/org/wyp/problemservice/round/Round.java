package org.wyp.problemservice.round;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.wyp.events.round.RoundAnnounced;
import org.wyp.events.round.RoundArchived;
import org.wyp.events.round.RoundOpened;
import org.wyp.events.round.RoundSubmissionsClosed;
import org.wyp.events.view.PublicRound;
import org.wyp.kit.aggregate.AggregateRoot;
import org.wyp.kit.domain.ConflictException;

/** A round of the programme: its schedule and phase. Transitions only move forward. */
@Document(Rounds.COLLECTION)
public class Round extends AggregateRoot {

  @Id private String id;
  private String name;
  private String description;
  private Instant opensAt;
  private Instant closesAt;
  private Instant finalsAt;
  private List<String> eligiblePostcodeAreas;
  private RoundStatus status;
  private Instant announcedAt;
  private Instant updatedAt;

  protected Round() {}

  public static Round announce(
      RoundId id,
      String name,
      String description,
      RoundSchedule schedule,
      List<String> eligiblePostcodeAreas,
      Instant now) {
    Round round = new Round();
    round.id = id.toString();
    round.name = name;
    round.description = description;
    round.opensAt = schedule.opensAt();
    round.closesAt = schedule.closesAt();
    round.finalsAt = schedule.finalsAt();
    round.eligiblePostcodeAreas = List.copyOf(eligiblePostcodeAreas);
    round.status = RoundStatus.ANNOUNCED;
    round.announcedAt = now;
    round.updatedAt = now;
    round.recordChange(
        version ->
            new RoundAnnounced(
                id.value(),
                version,
                name,
                description,
                schedule.opensAt(),
                schedule.closesAt(),
                schedule.finalsAt(),
                round.eligiblePostcodeAreas,
                now));
    return round;
  }

  public void open(Instant now) {
    moveTo(RoundStatus.OPEN, Set.of(RoundStatus.ANNOUNCED), now);
    recordChange(version -> new RoundOpened(roundId().value(), version, now));
  }

  public void closeSubmissions(Instant now) {
    moveTo(RoundStatus.SUBMISSIONS_CLOSED, Set.of(RoundStatus.OPEN), now);
    recordChange(version -> new RoundSubmissionsClosed(roundId().value(), version, now));
  }

  /** An open round must close its submissions first, so no SME loses a pitch mid-way. */
  public void archive(Instant now) {
    moveTo(
        RoundStatus.ARCHIVED, Set.of(RoundStatus.ANNOUNCED, RoundStatus.SUBMISSIONS_CLOSED), now);
    recordChange(version -> new RoundArchived(roundId().value(), version, now));
  }

  /** Problems can be drafted and published until the round's submissions close. */
  public boolean gathersProblems() {
    return status == RoundStatus.ANNOUNCED || status == RoundStatus.OPEN;
  }

  private void moveTo(RoundStatus target, Set<RoundStatus> allowedFrom, Instant now) {
    if (!allowedFrom.contains(status)) {
      throw new ConflictException(
          "illegal-transition",
          "Round %s is %s and cannot become %s (allowed from %s)"
              .formatted(id, status, target, allowedFrom.stream().sorted().toList()));
    }
    status = target;
    updatedAt = now;
  }

  public RoundId roundId() {
    return new RoundId(UUID.fromString(id));
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public RoundSchedule schedule() {
    return new RoundSchedule(opensAt, closesAt, finalsAt);
  }

  public List<String> eligiblePostcodeAreas() {
    return eligiblePostcodeAreas;
  }

  public RoundStatus status() {
    return status;
  }

  public Instant announcedAt() {
    return announcedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** What the public board shows of the round. */
  public PublicRound publicView() {
    return new PublicRound(
        roundId().value(),
        name,
        description,
        opensAt,
        closesAt,
        finalsAt,
        status.name(),
        updatedAt);
  }
}
