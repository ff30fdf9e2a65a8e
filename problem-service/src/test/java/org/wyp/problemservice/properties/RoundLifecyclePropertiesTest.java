package org.wyp.problemservice.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.wyp.events.DomainEvent;
import org.wyp.events.round.RoundAnnounced;
import org.wyp.events.round.RoundArchived;
import org.wyp.events.round.RoundOpened;
import org.wyp.events.round.RoundSubmissionsClosed;
import org.wyp.kit.aggregate.RecordedEvents;
import org.wyp.kit.domain.ConflictException;
import org.wyp.problemservice.round.Round;
import org.wyp.problemservice.round.RoundId;
import org.wyp.problemservice.round.RoundSchedule;
import org.wyp.problemservice.round.RoundStatus;

/**
 * A round under any sequence of open, close-submissions and archive. The allowed edges are written
 * out here from {@link RoundStatus} and {@link Round}'s javadoc: ANNOUNCED → OPEN →
 * SUBMISSIONS_CLOSED → ARCHIVED, and ANNOUNCED → ARCHIVED (an open round closes its submissions
 * first). A command on an allowed edge moves the round on with exactly its event at the next
 * version; any other is refused as an illegal transition and changes nothing.
 */
class RoundLifecyclePropertiesTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  enum Command {
    OPEN,
    CLOSE_SUBMISSIONS,
    ARCHIVE
  }

  private record Edge(Set<RoundStatus> from, RoundStatus to, Class<? extends DomainEvent> event) {}

  private static final Map<Command, Edge> EDGES = new EnumMap<>(Command.class);

  static {
    EDGES.put(
        Command.OPEN, new Edge(Set.of(RoundStatus.ANNOUNCED), RoundStatus.OPEN, RoundOpened.class));
    EDGES.put(
        Command.CLOSE_SUBMISSIONS,
        new Edge(
            Set.of(RoundStatus.OPEN),
            RoundStatus.SUBMISSIONS_CLOSED,
            RoundSubmissionsClosed.class));
    EDGES.put(
        Command.ARCHIVE,
        new Edge(
            Set.of(RoundStatus.ANNOUNCED, RoundStatus.SUBMISSIONS_CLOSED),
            RoundStatus.ARCHIVED,
            RoundArchived.class));
  }

  @Property(tries = 500)
  void everyCommandMovesTheRoundForwardAlongAnAllowedEdgeOrChangesNothing(
      @ForAll @Size(max = 12) List<Command> commands) {
    UUID id = new UUID(2, 2);
    Round round =
        Round.announce(
            new RoundId(id),
            "Round 1",
            "Health and care",
            new RoundSchedule(
                T0.plusSeconds(86_400), T0.plusSeconds(2 * 86_400), T0.plusSeconds(3 * 86_400)),
            List.of("L", "PR"),
            T0);
    assertThat(round.status()).isEqualTo(RoundStatus.ANNOUNCED);
    assertThat(round.version()).isEqualTo(1);
    assertThat(RecordedEvents.of(round)).singleElement().isInstanceOf(RoundAnnounced.class);

    RoundStatus status = RoundStatus.ANNOUNCED;
    for (int step = 0; step < commands.size(); step++) {
      Command command = commands.get(step);
      Edge edge = EDGES.get(command);
      long version = round.version();
      int events = RecordedEvents.of(round).size();
      Instant updatedAt = round.updatedAt();
      Instant now = T0.plusSeconds(step + 1);
      try {
        switch (command) {
          case OPEN -> round.open(now);
          case CLOSE_SUBMISSIONS -> round.closeSubmissions(now);
          case ARCHIVE -> round.archive(now);
        }
      } catch (ConflictException e) {
        assertThat(edge.from())
            .as("step %d: %s from %s", step, command, status)
            .doesNotContain(status);
        assertThat(e.problemType()).isEqualTo("illegal-transition");
        assertThat(round.status()).isEqualTo(status);
        assertThat(round.version()).isEqualTo(version);
        assertThat(RecordedEvents.of(round)).hasSize(events);
        assertThat(round.updatedAt()).isEqualTo(updatedAt);
        Statistics.label("outcome").collect(command + " refused");
        continue;
      }
      assertThat(edge.from()).as("step %d: %s from %s", step, command, status).contains(status);
      assertThat(round.status()).isEqualTo(edge.to());
      assertThat(edge.to()).as("transitions only move forward").isGreaterThan(status);
      status = edge.to();
      assertThat(round.version()).isEqualTo(version + 1);
      List<DomainEvent> recorded = RecordedEvents.of(round);
      assertThat(recorded.subList(events, recorded.size()))
          .singleElement()
          .isInstanceOf(edge.event())
          .satisfies(
              event -> {
                assertThat(event.version()).isEqualTo(version + 1);
                assertThat(event.aggregateId()).isEqualTo(id);
              });
      assertThat(round.updatedAt()).isEqualTo(now);
      // Problems are gathered until the round's submissions close.
      assertThat(round.gathersProblems())
          .isEqualTo(status == RoundStatus.ANNOUNCED || status == RoundStatus.OPEN);
      assertThat(round.publicView().status()).isEqualTo(status.name());
      Statistics.label("outcome").collect(command + " done");
    }
  }
}
