package org.wyp.problemservice.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.wyp.events.DomainEvent;
import org.wyp.events.problem.ProblemClosed;
import org.wyp.events.problem.ProblemContent;
import org.wyp.events.problem.ProblemEndorsed;
import org.wyp.events.problem.ProblemPublished;
import org.wyp.events.problem.ProblemUpdated;
import org.wyp.events.problem.ProblemWithdrawn;
import org.wyp.kit.aggregate.RecordedEvents;
import org.wyp.kit.domain.ConflictException;
import org.wyp.kit.domain.ForbiddenException;
import org.wyp.kit.security.Caller;
import org.wyp.kit.security.Role;
import org.wyp.problemservice.problem.Problem;
import org.wyp.problemservice.problem.ProblemId;
import org.wyp.problemservice.problem.ProblemStatus;
import org.wyp.problemservice.round.RoundId;

/**
 * A problem statement under any sequence of commands by any caller. The rules are written out here
 * from {@link ProblemStatus} and the javadoc of {@link Problem}'s commands, not read from the code:
 * each command either moves the problem along an allowed edge, moving the version on by one with
 * exactly the event that edge publishes (none while it is a private draft), or is refused with the
 * domain's exception for a rule it breaks and changes nothing.
 */
class ProblemLifecyclePropertiesTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final String OWNER = "Sefton Council";

  enum Kind {
    PUBLISH,
    EDIT,
    CLOSE,
    WITHDRAW,
    ENDORSE
  }

  /** Where each command is allowed from, and where it leads (null: the status stays). */
  private static final Map<Kind, Set<ProblemStatus>> ALLOWED_FROM = new EnumMap<>(Kind.class);

  private static final Map<Kind, ProblemStatus> LEADS_TO = new EnumMap<>(Kind.class);

  static {
    ALLOWED_FROM.put(Kind.PUBLISH, Set.of(ProblemStatus.DRAFT));
    ALLOWED_FROM.put(Kind.EDIT, Set.of(ProblemStatus.DRAFT, ProblemStatus.PUBLISHED));
    ALLOWED_FROM.put(Kind.CLOSE, Set.of(ProblemStatus.PUBLISHED));
    ALLOWED_FROM.put(
        Kind.WITHDRAW, Set.of(ProblemStatus.DRAFT, ProblemStatus.PUBLISHED, ProblemStatus.CLOSED));
    // Endorsements only while the problem is public.
    ALLOWED_FROM.put(Kind.ENDORSE, Set.of(ProblemStatus.PUBLISHED, ProblemStatus.CLOSED));
    LEADS_TO.put(Kind.PUBLISH, ProblemStatus.PUBLISHED);
    LEADS_TO.put(Kind.CLOSE, ProblemStatus.CLOSED);
    LEADS_TO.put(Kind.WITHDRAW, ProblemStatus.WITHDRAWN);
  }

  private static final Set<ProblemStatus> PUBLIC =
      Set.of(ProblemStatus.PUBLISHED, ProblemStatus.CLOSED);

  /** A command, its caller, the organisation the request names, and the owner of new content. */
  record Command(Kind kind, Caller caller, String claimed, String contentOwner) {
    @Override
    public String toString() {
      return switch (kind) {
        case EDIT -> "edit by " + who(caller) + " naming " + contentOwner;
        case ENDORSE -> "endorse by " + who(caller) + " claiming " + claimed;
        default -> kind.name().toLowerCase(Locale.ROOT);
      };
    }

    private static String who(Caller caller) {
      return caller.roles() + "/" + caller.organisation();
    }
  }

  private static Caller problemOwner(String organisation) {
    return new Caller("po-" + organisation, Set.of(Role.PROBLEM_OWNER), null, null, organisation);
  }

  /** Callers of every kind: the owner's people (however they spell it), other bodies, others. */
  private static final List<Caller> CALLERS =
      List.of(
          problemOwner(OWNER),
          problemOwner("  sefton COUNCIL "),
          problemOwner("Wirral Council"),
          problemOwner("wirral council"),
          problemOwner("Alder Hey Children's NHS Trust"),
          problemOwner(" "),
          new Caller("organiser", Set.of(Role.ORGANISER), null, null, "Sefton Council"),
          new Caller("sme", Set.of(Role.SME), UUID.randomUUID(), null, null));

  private static final List<String> ORGANISATIONS =
      List.of(OWNER, "SEFTON council", "Wirral Council", "Alder Hey Children's NHS Trust");

  @Provide
  Arbitrary<List<Command>> commands() {
    Arbitrary<String> claimed =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just((String) null)),
            Tuple.of(1, Arbitraries.of(ORGANISATIONS)));
    Arbitrary<Command> command =
        Combinators.combine(
                Arbitraries.frequency(
                    Tuple.of(2, Kind.PUBLISH),
                    Tuple.of(3, Kind.EDIT),
                    Tuple.of(1, Kind.CLOSE),
                    Tuple.of(1, Kind.WITHDRAW),
                    Tuple.of(4, Kind.ENDORSE)),
                Arbitraries.of(CALLERS),
                claimed,
                Arbitraries.of(ORGANISATIONS))
            .as(Command::new);
    return command.list().ofMaxSize(20);
  }

  @Property(tries = 1000)
  void everyCommandMovesAlongAnAllowedEdgeOrIsRefusedAndChangesNothing(
      @ForAll("commands") List<Command> commands) {
    Problem problem =
        Problem.draft(
            new ProblemId(new UUID(1, 1)),
            new RoundId(new UUID(2, 2)),
            content(OWNER, 0),
            problemOwner(OWNER),
            T0);
    assertThat(problem.status()).isEqualTo(ProblemStatus.DRAFT);
    assertThat(problem.version()).isEqualTo(1);
    assertThat(RecordedEvents.of(problem)).as("a draft is private").isEmpty();

    Model model = new Model();
    for (int step = 0; step < commands.size(); step++) {
      Command command = commands.get(step);
      Instant now = T0.plusSeconds(step + 1);
      ProblemContent newContent = content(command.contentOwner(), step + 1);
      List<Rule> broken = model.broken(command);
      Snapshot before = Snapshot.of(problem);
      try {
        run(problem, command, newContent, now);
      } catch (ConflictException | ForbiddenException e) {
        String type =
            e instanceof ConflictException c
                ? c.problemType()
                : ((ForbiddenException) e).problemType();
        assertThat(broken)
            .as("step %d, %s, refused with %s: %s", step, command, type, e.getMessage())
            .anyMatch(rule -> rule.exception.isInstance(e) && rule.problemType.equals(type));
        assertThat(Snapshot.of(problem)).as("a refused command changes nothing").isEqualTo(before);
        Statistics.label("outcome").collect(command.kind() + " refused");
        continue;
      }
      if (!broken.isEmpty()) {
        fail("step %d, %s: should have been refused for %s", step, command, broken);
      }
      Statistics.label("outcome").collect(command.kind() + " done");
      ProblemStatus from = model.status;
      model.apply(command);
      assertThat(problem.status()).as("step %d, %s", step, command).isEqualTo(model.status);
      assertThat(problem.version()).isEqualTo(before.version() + 1);
      List<DomainEvent> events = RecordedEvents.of(problem);
      List<DomainEvent> added = events.subList(before.events(), events.size());
      Class<? extends DomainEvent> expected = expectedEvent(command.kind(), from);
      if (expected == null) {
        assertThat(added)
            .as("step %d, %s: a private change publishes nothing", step, command)
            .isEmpty();
      } else {
        assertThat(added).singleElement().isInstanceOf(expected);
        assertThat(added.getFirst().version()).isEqualTo(problem.version());
        assertThat(added.getFirst().aggregateId()).isEqualTo(new UUID(1, 1));
      }
      if (command.kind() == Kind.ENDORSE) {
        ProblemEndorsed endorsed = (ProblemEndorsed) added.getFirst();
        assertThat(endorsed.endorsementCount()).isEqualTo(model.endorsers.size());
        assertThat(endorsed.organisation()).isEqualTo(command.caller().organisation().strip());
      }
      if (command.kind() == Kind.EDIT) {
        assertThat(problem.content()).isEqualTo(newContent);
      }
      // Public exactly while PUBLISHED or CLOSED; once public, a withdrawal is announced.
      assertThat(problem.isPublic()).isEqualTo(PUBLIC.contains(model.status));
      assertThat(problem.publicView().isPresent())
          .isEqualTo(PUBLIC.contains(model.status) || model.everPublished);
    }
  }

  /** The event an allowed command publishes; null while the problem never was public. */
  private static Class<? extends DomainEvent> expectedEvent(Kind kind, ProblemStatus from) {
    return switch (kind) {
      case PUBLISH -> ProblemPublished.class;
      case EDIT -> from == ProblemStatus.PUBLISHED ? ProblemUpdated.class : null;
      case CLOSE -> ProblemClosed.class;
      case WITHDRAW -> PUBLIC.contains(from) ? ProblemWithdrawn.class : null;
      case ENDORSE -> ProblemEndorsed.class;
    };
  }

  private static void run(Problem problem, Command command, ProblemContent content, Instant now) {
    switch (command.kind()) {
      case PUBLISH -> problem.publish(now);
      case EDIT -> problem.edit(command.caller(), content, now);
      case CLOSE -> problem.close(now);
      case WITHDRAW -> problem.withdraw(now);
      case ENDORSE -> problem.endorse(command.caller(), command.claimed(), "We have this too", now);
    }
  }

  /** The rules a command can break, with the exception and problem type each is refused with. */
  enum Rule {
    ILLEGAL_TRANSITION(ConflictException.class, "illegal-transition"),
    NOT_THE_OWNER(ForbiddenException.class, "not-the-owner"),
    NOT_A_PROBLEM_OWNER(ForbiddenException.class, "not-a-problem-owner"),
    ORGANISATION_MISMATCH(ForbiddenException.class, "organisation-mismatch"),
    OWN_PROBLEM(ConflictException.class, "own-problem"),
    ALREADY_ENDORSED(ConflictException.class, "already-endorsed");

    final Class<? extends RuntimeException> exception;
    final String problemType;

    Rule(Class<? extends RuntimeException> exception, String problemType) {
      this.exception = exception;
      this.problemType = problemType;
    }
  }

  /** What the documented rules say the problem is. */
  static final class Model {
    ProblemStatus status = ProblemStatus.DRAFT;
    String owner = OWNER;
    final Set<String> endorsers = new HashSet<>();
    boolean everPublished;

    /** Organisations compare stripped and case-insensitively. */
    static String key(String organisation) {
      return organisation.strip().toLowerCase(Locale.ROOT);
    }

    static boolean isProblemOwner(Caller caller) {
      return caller.has(Role.PROBLEM_OWNER)
          && caller.organisation() != null
          && !caller.organisation().isBlank();
    }

    List<Rule> broken(Command command) {
      List<Rule> broken = new ArrayList<>();
      if (!ALLOWED_FROM.get(command.kind()).contains(status)) {
        broken.add(Rule.ILLEGAL_TRANSITION);
      }
      Caller caller = command.caller();
      boolean problemOwner = isProblemOwner(caller);
      if (command.kind() == Kind.EDIT) {
        // Only the owning organisation's problem owners edit, and the owner stays the owner.
        if (!problemOwner || !key(caller.organisation()).equals(key(owner))) {
          broken.add(Rule.NOT_THE_OWNER);
        } else if (!key(command.contentOwner()).equals(key(owner))) {
          broken.add(Rule.ORGANISATION_MISMATCH);
        }
      }
      if (command.kind() == Kind.ENDORSE) {
        // One endorsement per organisation, never by the owner; the token names the organisation.
        if (!problemOwner) {
          broken.add(Rule.NOT_A_PROBLEM_OWNER);
        } else {
          String organisation = key(caller.organisation());
          if (command.claimed() != null && !key(command.claimed()).equals(organisation)) {
            broken.add(Rule.ORGANISATION_MISMATCH);
          }
          if (organisation.equals(key(owner))) {
            broken.add(Rule.OWN_PROBLEM);
          }
          if (endorsers.contains(organisation)) {
            broken.add(Rule.ALREADY_ENDORSED);
          }
        }
      }
      return broken;
    }

    void apply(Command command) {
      if (LEADS_TO.containsKey(command.kind())) {
        status = LEADS_TO.get(command.kind());
      }
      everPublished |= status == ProblemStatus.PUBLISHED;
      if (command.kind() == Kind.EDIT) {
        owner = command.contentOwner();
      }
      if (command.kind() == Kind.ENDORSE) {
        endorsers.add(key(command.caller().organisation()));
      }
    }
  }

  record Snapshot(
      ProblemStatus status,
      long version,
      int events,
      ProblemContent content,
      List<?> endorsements,
      Instant updatedAt,
      Instant publishedAt) {

    static Snapshot of(Problem problem) {
      return new Snapshot(
          problem.status(),
          problem.version(),
          RecordedEvents.of(problem).size(),
          problem.content(),
          problem.endorsements(),
          problem.updatedAt(),
          problem.publishedAt());
    }
  }

  private static ProblemContent content(String owner, int revision) {
    return new ProblemContent(
        "Missed appointments, revision " + revision,
        "Patients miss follow-ups",
        "Why people miss hospital follow-up appointments and who is affected",
        "health",
        owner,
        List.of("Sefton"),
        "Clinic records",
        List.of(
            new ProblemContent.Dataset(
                "Attendance", "https://example.org/data", ProblemContent.DataAccessLevel.OPEN)),
        List.of("Fewer missed appointments"));
  }
}
