package org.wyp.submissionservice.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.wyp.events.DomainEvent;
import org.wyp.events.submission.SubmissionAmended;
import org.wyp.events.submission.SubmissionReceived;
import org.wyp.events.submission.SubmissionWithdrawn;
import org.wyp.kit.aggregate.RecordedEvents;
import org.wyp.kit.domain.ConflictException;
import org.wyp.kit.testing.PackagePrivate;
import org.wyp.submissionservice.sme.Sme;
import org.wyp.submissionservice.sme.SmeId;
import org.wyp.submissionservice.submission.Pitch;
import org.wyp.submissionservice.submission.Submission;
import org.wyp.submissionservice.submission.SubmissionId;
import org.wyp.submissionservice.submission.SubmissionStatus;

/**
 * A submission under any sequence of the SME's commands (amend, withdraw) and the outcomes judging
 * and awards deliver (shortlisted or not, finalist, not awarded, awarded), in any order and
 * repeated. The allowed edges are written out here from the javadoc of {@link SubmissionStatus} and
 * of {@link Submission}'s commands. The SME's commands either succeed along an allowed edge with
 * exactly their event at the next version, or are refused as illegal transitions and change
 * nothing; an outcome either moves the pitch forward (a new version, no event of its own) or
 * changes nothing.
 */
class SubmissionLifecyclePropertiesTest {

  private static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");
  private static final UUID ID = new UUID(3, 3);

  enum Kind {
    AMEND,
    WITHDRAW,
    REACH,
    AWARD
  }

  record Command(Kind kind, SubmissionStatus outcome) {
    @Override
    public String toString() {
      return kind == Kind.REACH
          ? "reach " + outcome
          : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Only a pitch not yet screened can change. */
  private static final Set<SubmissionStatus> AMENDABLE = EnumSet.of(SubmissionStatus.SUBMITTED);

  /** Withdrawal is possible until an award decision. */
  private static final Set<SubmissionStatus> WITHDRAWABLE =
      EnumSet.of(
          SubmissionStatus.SUBMITTED,
          SubmissionStatus.SHORTLISTED,
          SubmissionStatus.NOT_SHORTLISTED,
          SubmissionStatus.FINALIST);

  /** Each outcome's predecessors: the only statuses it moves a pitch forward from. */
  private static final Map<SubmissionStatus, Set<SubmissionStatus>> PREDECESSORS =
      new EnumMap<>(SubmissionStatus.class);

  static {
    PREDECESSORS.put(SubmissionStatus.SUBMITTED, EnumSet.noneOf(SubmissionStatus.class));
    PREDECESSORS.put(SubmissionStatus.SHORTLISTED, EnumSet.of(SubmissionStatus.SUBMITTED));
    PREDECESSORS.put(SubmissionStatus.NOT_SHORTLISTED, EnumSet.of(SubmissionStatus.SUBMITTED));
    PREDECESSORS.put(
        SubmissionStatus.FINALIST,
        EnumSet.of(SubmissionStatus.SUBMITTED, SubmissionStatus.SHORTLISTED));
    PREDECESSORS.put(SubmissionStatus.NOT_AWARDED, EnumSet.of(SubmissionStatus.FINALIST));
    PREDECESSORS.put(
        SubmissionStatus.AWARDED,
        EnumSet.of(
            SubmissionStatus.SUBMITTED,
            SubmissionStatus.SHORTLISTED,
            SubmissionStatus.FINALIST,
            SubmissionStatus.NOT_AWARDED));
    PREDECESSORS.put(SubmissionStatus.WITHDRAWN, EnumSet.noneOf(SubmissionStatus.class));
  }

  /** A company as far as a submission needs one. */
  static final class Company extends Sme {
    @Override
    public SmeId smeId() {
      return new SmeId(new UUID(4, 4));
    }

    @Override
    public String companyName() {
      return "Breathe Easy Ltd";
    }

    @Override
    public String companyNumber() {
      return "12345678";
    }
  }

  @Provide
  Arbitrary<List<Command>> commands() {
    Arbitrary<Command> command =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just(new Command(Kind.AMEND, null))),
            Tuple.of(1, Arbitraries.just(new Command(Kind.WITHDRAW, null))),
            Tuple.of(
                5, Arbitraries.of(SubmissionStatus.class).map(s -> new Command(Kind.REACH, s))),
            Tuple.of(1, Arbitraries.just(new Command(Kind.AWARD, null))));
    return command.list().ofMaxSize(15);
  }

  @Property(tries = 1000)
  void everyCommandMovesForwardAlongAnAllowedEdgeOrChangesNothing(
      @ForAll("commands") List<Command> commands) {
    Submission submission =
        (Submission)
            PackagePrivate.call(
                Submission.class,
                null,
                "submit",
                new SubmissionId(ID),
                new UUID(1, 1),
                new UUID(2, 2),
                new Company(),
                pitch(0),
                "fingerprint",
                T0);
    assertThat(submission.status()).isEqualTo(SubmissionStatus.SUBMITTED);
    assertThat(submission.version()).isEqualTo(1);
    assertThat(RecordedEvents.of(submission))
        .singleElement()
        .isInstanceOf(SubmissionReceived.class);

    SubmissionStatus status = SubmissionStatus.SUBMITTED;
    Set<SubmissionStatus> left = EnumSet.noneOf(SubmissionStatus.class);
    for (int step = 0; step < commands.size(); step++) {
      Command command = commands.get(step);
      Instant now = T0.plusSeconds(step + 1);
      Pitch amended = pitch(step + 1);
      long version = submission.version();
      int events = RecordedEvents.of(submission).size();
      Snapshot before = Snapshot.of(submission);

      boolean allowed =
          switch (command.kind()) {
            case AMEND -> AMENDABLE.contains(status);
            case WITHDRAW -> WITHDRAWABLE.contains(status);
            case REACH -> PREDECESSORS.get(command.outcome()).contains(status);
            case AWARD -> PREDECESSORS.get(SubmissionStatus.AWARDED).contains(status);
          };
      SubmissionStatus target =
          switch (command.kind()) {
            case AMEND -> status;
            case WITHDRAW -> SubmissionStatus.WITHDRAWN;
            case REACH -> command.outcome();
            case AWARD -> SubmissionStatus.AWARDED;
          };

      boolean done;
      try {
        done =
            switch (command.kind()) {
              case AMEND -> {
                PackagePrivate.call(Submission.class, submission, "amend", amended, now);
                yield true;
              }
              case WITHDRAW -> {
                PackagePrivate.call(Submission.class, submission, "withdraw", now);
                yield true;
              }
              case REACH ->
                  (boolean)
                      PackagePrivate.call(
                          Submission.class, submission, "reach", command.outcome(), now);
              case AWARD ->
                  (boolean)
                      PackagePrivate.call(
                          Submission.class, submission, "award", new UUID(5, 5), 250_000L, now);
            };
      } catch (ConflictException e) {
        assertThat(command.kind()).isIn(Kind.AMEND, Kind.WITHDRAW);
        assertThat(e.problemType()).isEqualTo("illegal-transition");
        done = false;
      }
      Statistics.label("outcome").collect(command + (done ? " done" : " refused"));

      assertThat(done).as("step %d: %s from %s", step, command, status).isEqualTo(allowed);
      if (!done) {
        assertThat(Snapshot.of(submission)).as("refused: nothing changes").isEqualTo(before);
        continue;
      }
      assertThat(submission.status()).isEqualTo(target);
      assertThat(submission.version()).isEqualTo(version + 1);
      assertThat(submission.updatedAt()).isEqualTo(now);
      List<DomainEvent> recorded = RecordedEvents.of(submission);
      List<DomainEvent> added = recorded.subList(events, recorded.size());
      switch (command.kind()) {
        case AMEND -> {
          assertThat(added).singleElement().isInstanceOf(SubmissionAmended.class);
          assertThat(submission.pitch()).isEqualTo(amended);
        }
        case WITHDRAW -> assertThat(added).singleElement().isInstanceOf(SubmissionWithdrawn.class);
        // Outcomes are other services' events: the pitch records no event of its own.
        case REACH -> assertThat(added).isEmpty();
        case AWARD -> {
          assertThat(added).isEmpty();
          assertThat(submission.awardedPence()).isEqualTo(250_000L);
        }
      }
      added.forEach(
          event -> {
            assertThat(event.version()).isEqualTo(submission.version());
            assertThat(event.aggregateId()).isEqualTo(ID);
          });
      if (target != status) {
        left.add(status);
        assertThat(left).as("a status once left is never reached again").doesNotContain(target);
      }
      status = target;
    }
  }

  record Snapshot(
      SubmissionStatus status,
      long version,
      int events,
      Pitch pitch,
      Long awardedPence,
      Instant updatedAt) {

    static Snapshot of(Submission submission) {
      return new Snapshot(
          submission.status(),
          submission.version(),
          RecordedEvents.of(submission).size(),
          submission.pitch(),
          submission.awardedPence(),
          submission.updatedAt());
    }
  }

  private static Pitch pitch(int revision) {
    return new Pitch(
        "Clean air at home, revision " + revision,
        "Sensors in homes",
        "Low-cost sensors",
        "Council housing data",
        "Fewer admissions",
        1_000_000L + revision,
        List.of(new Pitch.TeamMember("Ada", "Lead")),
        List.of("https://example.org"));
  }
}
