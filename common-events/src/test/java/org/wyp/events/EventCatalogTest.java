package org.wyp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wyp.events.award.AwardEvent;
import org.wyp.events.award.AwardGranted;
import org.wyp.events.award.FundConfigured;
import org.wyp.events.award.FundEvent;
import org.wyp.events.judging.ConflictDeclared;
import org.wyp.events.judging.JudgingConcluded;
import org.wyp.events.judging.JudgingEvent;
import org.wyp.events.judging.PitchScored;
import org.wyp.events.problem.ProblemEvent;
import org.wyp.events.round.RoundEvent;
import org.wyp.events.submission.SmeEvent;
import org.wyp.events.submission.SubmissionEvent;
import org.wyp.events.submission.SubmissionReceived;

class EventCatalogTest {

  private static final String ROUND_ID = "01956a4e-8c00-7000-8a1b-2c3d4e5f6a01";

  /** The sealed marker interface of each aggregate, with its type-name segment and its topic. */
  private record Aggregate(Class<? extends DomainEvent> marker, String segment, String topic) {}

  private static final List<Aggregate> AGGREGATES =
      List.of(
          new Aggregate(RoundEvent.class, "round", "wyp.rounds.v1"),
          new Aggregate(ProblemEvent.class, "problem", "wyp.problems.v1"),
          new Aggregate(SmeEvent.class, "sme", "wyp.submissions.v1"),
          new Aggregate(SubmissionEvent.class, "submission", "wyp.submissions.v1"),
          new Aggregate(JudgingEvent.class, "judging", "wyp.judging.v1"),
          new Aggregate(FundEvent.class, "fund", "wyp.awards.v1"),
          new Aggregate(AwardEvent.class, "award", "wyp.awards.v1"));

  static Stream<Named<EventType>> catalog() {
    return GoldenSamples.catalog();
  }

  private static Aggregate aggregateOf(Class<?> eventClass) {
    List<Aggregate> matches =
        AGGREGATES.stream().filter(a -> a.marker().isAssignableFrom(eventClass)).toList();
    assertThat(matches).as("marker interfaces of %s", eventClass.getName()).hasSize(1);
    return matches.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void typeNameIsWypAggregateSimpleNameV1(EventType type) {
    Aggregate aggregate = aggregateOf(type.javaType());

    assertThat(type.name())
        .matches("wyp\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v1")
        .isEqualTo("wyp." + aggregate.segment() + "." + type.javaType().getSimpleName() + ".v1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void topicIsTheAggregatesTopicConstant(EventType type) {
    assertThat(type.topic())
        .isIn(Topics.ROUNDS, Topics.PROBLEMS, Topics.SUBMISSIONS, Topics.JUDGING, Topics.AWARDS)
        .isEqualTo(aggregateOf(type.javaType()).topic());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void typeIsFoundByNameAndByClass(EventType type) {
    assertThat(EventCatalog.byName(type.name())).contains(type);
    assertThat(EventCatalog.of(type.javaType())).isEqualTo(type);
    assertThat(EventCatalog.of(GoldenSamples.event(type))).isEqualTo(type);
  }

  @Test
  void typeNamesAndClassesAreDistinct() {
    assertThat(EventCatalog.ALL.stream().map(EventType::name)).doesNotHaveDuplicates();
    assertThat(EventCatalog.ALL.stream().map(EventType::javaType)).doesNotHaveDuplicates();
  }

  @Test
  void catalogHoldsEveryPermittedEventOfEveryAggregate() {
    List<Class<?>> permitted =
        AGGREGATES.stream()
            .flatMap(aggregate -> Arrays.stream(aggregate.marker().getPermittedSubclasses()))
            .toList();

    List<Class<?>> catalogued =
        EventCatalog.ALL.stream().<Class<?>>map(EventType::javaType).toList();

    assertThat(catalogued).containsExactlyInAnyOrderElementsOf(permitted);
  }

  @Test
  void unknownNameIsEmptyAndUnknownClassIsRefused() {
    assertThat(EventCatalog.byName("wyp.round.RoundRenamed.v1")).isEmpty();
    assertThat(EventCatalog.byName("wyp.round.RoundOpened.v2")).isEmpty();
    assertThatThrownBy(() -> EventCatalog.of(UnlistedEvent.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(UnlistedEvent.class.getName());
  }

  @Test
  void topicNames() {
    assertThat(Set.of(Topics.ROUNDS, Topics.PROBLEMS, Topics.SUBMISSIONS, Topics.JUDGING))
        .containsExactlyInAnyOrder(
            "wyp.rounds.v1", "wyp.problems.v1", "wyp.submissions.v1", "wyp.judging.v1");
    assertThat(Topics.AWARDS).isEqualTo("wyp.awards.v1");
    assertThat(Topics.UPDATES).isEqualTo("wyp.updates.v1");
    assertThat(Topics.deadLetterOf(Topics.JUDGING)).isEqualTo("wyp.judging.v1-dlt");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void partitionKeyIsTheIdTheTopicIsKeyedBy(EventType type) {
    DomainEvent event = GoldenSamples.event(type);

    String expected =
        switch (event) {
          case JudgingEvent judging -> judging.roundId().toString();
          case FundEvent fund -> fund.roundId().toString();
          case AwardEvent award -> award.awardId().toString();
          case SubmissionEvent submission -> submission.submissionId().toString();
          case SmeEvent sme -> sme.smeId().toString();
          case ProblemEvent problem -> problem.problemId().toString();
          case RoundEvent round -> round.roundId().toString();
          default -> throw new AssertionError("no aggregate for " + event);
        };
    assertThat(event.partitionKey()).isEqualTo(expected);
  }

  @Test
  void judgingEventsAreKeyedByRoundNotByTheirAggregate() {
    PitchScored scored = GoldenSamples.event(PitchScored.class);
    ConflictDeclared conflict = GoldenSamples.event(ConflictDeclared.class);
    JudgingConcluded concluded = GoldenSamples.event(JudgingConcluded.class);

    assertThat(scored.partitionKey()).isEqualTo(ROUND_ID);
    assertThat(scored.aggregateId()).isEqualTo(scored.pitchId());
    assertThat(conflict.partitionKey()).isEqualTo(ROUND_ID);
    assertThat(conflict.aggregateId()).isEqualTo(conflict.judgeId());
    assertThat(concluded.partitionKey()).isEqualTo(ROUND_ID);
    assertThat(concluded.aggregateId()).hasToString(ROUND_ID);
  }

  @Test
  void awardEventsAreKeyedByAwardAndFundEventsByRound() {
    AwardGranted granted = GoldenSamples.event(AwardGranted.class);
    FundConfigured fund = GoldenSamples.event(FundConfigured.class);

    assertThat(granted.partitionKey()).isEqualTo("01959d30-6b70-7f80-b19c-0d1e2f3a4b06");
    assertThat(fund.partitionKey()).isEqualTo(ROUND_ID);
  }

  @Test
  void submissionEventsAreKeyedBySubmission() {
    SubmissionReceived received = GoldenSamples.event(SubmissionReceived.class);

    assertThat(received.partitionKey()).isEqualTo("01957b10-3e40-7c5d-8e6f-7a8b9c0d1e03");
  }

  /** An event the catalog does not list. */
  private record UnlistedEvent(UUID aggregateId, long version) implements DomainEvent {}
}
