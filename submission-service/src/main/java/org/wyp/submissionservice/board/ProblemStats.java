package org.wyp.submissionservice.board;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.wyp.events.view.PublicProblemStats;
import org.wyp.events.view.PublicViews;
import org.wyp.kit.view.DerivedViews;
import org.wyp.submissionservice.programme.KnownProblem;
import org.wyp.submissionservice.programme.ProblemAvailability;
import org.wyp.submissionservice.programme.ProgrammeCatalogue;
import org.wyp.submissionservice.submission.Submissions;

/**
 * The problem board's pitch counts: how many live pitches each public problem has, published as
 * {@code problem-stats:<problemId>} and removed with the problem. Recomputed from the database on
 * every change, so a duplicate or reordered event cannot skew the count.
 */
@Service
public class ProblemStats {

  private final DerivedViews views;
  private final ProgrammeCatalogue catalogue;
  private final Submissions submissions;

  ProblemStats(DerivedViews views, ProgrammeCatalogue catalogue, Submissions submissions) {
    this.views = views;
    this.catalogue = catalogue;
    this.submissions = submissions;
  }

  /** Publishes the problem's count if it changed; a problem not yet known is left alone. */
  public void refresh(UUID problemId) {
    views.refresh(PublicViews.PROBLEM_STATS, problemId, () -> current(problemId));
  }

  private Optional<PublicProblemStats> current(UUID problemId) {
    Optional<KnownProblem> problem = catalogue.problem(problemId);
    if (problem.isEmpty()
        || problem.get().roundId() == null
        || problem.get().availability() == null
        || problem.get().availability() == ProblemAvailability.WITHDRAWN) {
      return Optional.empty();
    }
    return Optional.of(
        new PublicProblemStats(
            problemId, problem.get().roundId(), submissions.liveCount(problemId)));
  }
}
