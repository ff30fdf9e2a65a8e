package org.wyp.problemservice.problem;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Service;
import org.wyp.events.problem.ProblemContent;
import org.wyp.kit.domain.ConflictException;
import org.wyp.kit.domain.NotFoundException;
import org.wyp.kit.domain.RuleViolationException;
import org.wyp.kit.security.Caller;
import org.wyp.kit.web.ETags;
import org.wyp.kit.web.PageResponse;
import org.wyp.problemservice.funding.FundedSolution;
import org.wyp.problemservice.funding.FundedSolutions;
import org.wyp.problemservice.round.Round;
import org.wyp.problemservice.round.RoundId;
import org.wyp.problemservice.round.RoundService;

/** Manages problem statements: drafting, editing, publishing, closing and endorsing. */
@Service
public class ProblemService {

  private final Problems problems;
  private final RoundService rounds;
  private final FundedSolutions fundedSolutions;
  private final ProblemMetrics metrics;
  private final Clock clock;

  ProblemService(
      Problems problems,
      RoundService rounds,
      FundedSolutions fundedSolutions,
      ProblemMetrics metrics,
      Clock clock) {
    this.problems = problems;
    this.rounds = rounds;
    this.fundedSolutions = fundedSolutions;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Drafts a problem for the caller's own organisation, before anything about its round. */
  Problem draft(Caller caller, RoundId roundId, ProblemContent content) {
    Problem problem = Problem.draft(ProblemId.next(), roundId, content, caller, clock.instant());
    requireGatheringRound(roundId);
    return problems.save(problem);
  }

  Problem edit(
      Caller caller,
      ProblemId id,
      OptionalLong expectedVersion,
      RoundId roundId,
      ProblemContent content) {
    Problem problem = getVisible(id, caller);
    ETags.requireMatch(expectedVersion, problem.version());
    if (!problem.roundId().equals(roundId)) {
      throw new RuleViolationException(
          "round-is-fixed", "A problem stays in its round; roundId must be " + problem.roundId());
    }
    problem.edit(caller, content, clock.instant());
    return problems.save(problem);
  }

  Problem publish(ProblemId id) {
    Problem problem = get(id);
    requireGatheringRound(problem.roundId());
    problem.publish(clock.instant());
    Problem published = problems.save(problem);
    metrics.published(published);
    return published;
  }

  Problem close(ProblemId id) {
    return change(id, Problem::close);
  }

  Problem withdraw(ProblemId id) {
    return change(id, Problem::withdraw);
  }

  /**
   * Endorses a problem for the caller's organisation.
   *
   * @param organisation the organisation the request names, or null to take the caller's
   */
  Problem endorse(Caller caller, ProblemId id, String organisation, String note) {
    Problem problem = getVisible(id, caller);
    problem.endorse(caller, organisation, note, clock.instant());
    return problems.save(problem);
  }

  Problem get(ProblemId id) {
    return problems.find(id).orElseThrow(() -> new NotFoundException("problem", id));
  }

  /**
   * A problem the caller may know exists: drafts and withdrawn problems do not exist for the public
   * nor for other organisations, exactly as an unknown id.
   */
  Problem getVisible(ProblemId id, Caller caller) {
    Problem problem = get(id);
    if (!problem.isVisibleTo(caller)) {
      throw new NotFoundException("problem", id);
    }
    return problem;
  }

  /** The awards granted to pitches for this problem, as learned from award events. */
  List<FundedSolution> fundedSolutions(ProblemId id) {
    return fundedSolutions.forProblem(id);
  }

  /** The problems matching the filter among those the caller may see. */
  PageResponse<Problem> search(ProblemFilter filter, Caller caller, int page, int size) {
    return problems.search(filter, ProblemVisibility.of(caller), page, size);
  }

  private void requireGatheringRound(RoundId roundId) {
    Round round;
    try {
      round = rounds.get(roundId);
    } catch (NotFoundException e) {
      throw new RuleViolationException("unknown-round", "roundId " + roundId + " names no round");
    }
    if (!round.gathersProblems()) {
      throw new ConflictException(
          "round-not-gathering-problems",
          "Round %s is %s; problems can only be drafted or published while it is ANNOUNCED or OPEN"
              .formatted(roundId, round.status()));
    }
  }

  private Problem change(ProblemId id, BiConsumer<Problem, Instant> transition) {
    Problem problem = get(id);
    transition.accept(problem, clock.instant());
    return problems.save(problem);
  }
}
