package org.wyp.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wyp.events.award.AwardAccepted;
import org.wyp.events.award.AwardCompleted;
import org.wyp.events.award.AwardGranted;
import org.wyp.events.award.AwardRevoked;
import org.wyp.events.award.FundConfigured;
import org.wyp.events.award.TrancheReleased;
import org.wyp.events.judging.ConflictDeclared;
import org.wyp.events.judging.JudgingConcluded;
import org.wyp.events.judging.PitchNotShortlisted;
import org.wyp.events.judging.PitchScoreRevised;
import org.wyp.events.judging.PitchScored;
import org.wyp.events.judging.PitchShortlisted;
import org.wyp.events.problem.ProblemClosed;
import org.wyp.events.problem.ProblemEndorsed;
import org.wyp.events.problem.ProblemPublished;
import org.wyp.events.problem.ProblemUpdated;
import org.wyp.events.problem.ProblemWithdrawn;
import org.wyp.events.round.RoundAnnounced;
import org.wyp.events.round.RoundArchived;
import org.wyp.events.round.RoundOpened;
import org.wyp.events.round.RoundSubmissionsClosed;
import org.wyp.events.submission.SmeRegistered;
import org.wyp.events.submission.SubmissionAmended;
import org.wyp.events.submission.SubmissionReceived;
import org.wyp.events.submission.SubmissionWithdrawn;

/** Every event type of the platform: its CloudEvents type name, Java record and topic. */
public final class EventCatalog {

  public static final List<EventType> ALL =
      List.of(
          EventType.of("round", RoundAnnounced.class, Topics.ROUNDS),
          EventType.of("round", RoundOpened.class, Topics.ROUNDS),
          EventType.of("round", RoundSubmissionsClosed.class, Topics.ROUNDS),
          EventType.of("round", RoundArchived.class, Topics.ROUNDS),
          EventType.of("problem", ProblemPublished.class, Topics.PROBLEMS),
          EventType.of("problem", ProblemUpdated.class, Topics.PROBLEMS),
          EventType.of("problem", ProblemEndorsed.class, Topics.PROBLEMS),
          EventType.of("problem", ProblemClosed.class, Topics.PROBLEMS),
          EventType.of("problem", ProblemWithdrawn.class, Topics.PROBLEMS),
          EventType.of("sme", SmeRegistered.class, Topics.SUBMISSIONS),
          EventType.of("submission", SubmissionReceived.class, Topics.SUBMISSIONS),
          EventType.of("submission", SubmissionAmended.class, Topics.SUBMISSIONS),
          EventType.of("submission", SubmissionWithdrawn.class, Topics.SUBMISSIONS),
          EventType.of("judging", PitchShortlisted.class, Topics.JUDGING),
          EventType.of("judging", PitchNotShortlisted.class, Topics.JUDGING),
          EventType.of("judging", PitchScored.class, Topics.JUDGING),
          EventType.of("judging", PitchScoreRevised.class, Topics.JUDGING),
          EventType.of("judging", ConflictDeclared.class, Topics.JUDGING),
          EventType.of("judging", JudgingConcluded.class, Topics.JUDGING),
          EventType.of("fund", FundConfigured.class, Topics.AWARDS),
          EventType.of("award", AwardGranted.class, Topics.AWARDS),
          EventType.of("award", AwardAccepted.class, Topics.AWARDS),
          EventType.of("award", TrancheReleased.class, Topics.AWARDS),
          EventType.of("award", AwardCompleted.class, Topics.AWARDS),
          EventType.of("award", AwardRevoked.class, Topics.AWARDS));

  private static final Map<String, EventType> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

  private static final Map<Class<?>, EventType> BY_CLASS =
      ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

  private EventCatalog() {}

  /** Empty for a type this version does not know: consumers ignore unknown types. */
  public static Optional<EventType> byName(String typeName) {
    return Optional.ofNullable(BY_NAME.get(typeName));
  }

  public static EventType of(DomainEvent event) {
    return of(event.getClass());
  }

  public static EventType of(Class<?> eventClass) {
    EventType type = BY_CLASS.get(eventClass);
    if (type == null) {
      throw new IllegalArgumentException(eventClass.getName() + " is not in the event catalog");
    }
    return type;
  }
}
