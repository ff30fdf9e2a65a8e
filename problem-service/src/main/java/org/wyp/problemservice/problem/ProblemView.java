package org.wyp.problemservice.problem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wyp.events.problem.ProblemContent;
import org.wyp.problemservice.funding.FundedSolution;

/** A problem statement as the API shows it. */
record ProblemView(
    UUID id,
    UUID roundId,
    ProblemStatus status,
    long version,
    String title,
    String summary,
    String description,
    String theme,
    String ownerOrganisation,
    List<String> boroughs,
    String evidence,
    List<ProblemContent.Dataset> datasets,
    List<String> successMeasures,
    List<Endorsement> endorsements,
    int endorsementCount,
    List<FundedSolution> fundedSolutions,
    Instant createdAt,
    Instant publishedAt,
    Instant updatedAt) {

  static ProblemView of(Problem problem, List<FundedSolution> fundedSolutions) {
    ProblemContent content = problem.content();
    List<Endorsement> endorsements = problem.endorsements();
    return new ProblemView(
        problem.problemId().value(),
        problem.roundId().value(),
        problem.status(),
        problem.version(),
        content.title(),
        content.summary(),
        content.description(),
        content.theme(),
        content.ownerOrganisation(),
        content.boroughs(),
        content.evidence(),
        content.datasets(),
        content.successMeasures(),
        endorsements,
        endorsements.size(),
        fundedSolutions,
        problem.createdAt(),
        problem.publishedAt(),
        problem.updatedAt());
  }

  static ProblemView of(Problem problem) {
    return of(problem, List.of());
  }
}
