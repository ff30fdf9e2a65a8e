package org.wyp.events.view;

import java.util.UUID;

/**
 * How much interest a problem drew: the pitches live for it (withdrawn ones not counted). Published
 * by submission-service beside problem-service's {@link PublicProblem}, under the same id.
 */
public record PublicProblemStats(UUID problemId, UUID roundId, long submissions)
    implements PublicView {

  @Override
  public String kind() {
    return PublicViews.PROBLEM_STATS;
  }

  @Override
  public UUID viewId() {
    return problemId;
  }
}
