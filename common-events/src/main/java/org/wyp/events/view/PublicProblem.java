package org.wyp.events.view;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A published problem on the public board. Drafts never appear; a withdrawn problem is removed.
 *
 * @param status PUBLISHED (open for pitches) or CLOSED
 * @param endorsements how many organisations endorsed the problem
 */
public record PublicProblem(
    UUID problemId,
    UUID roundId,
    String title,
    String summary,
    String theme,
    String ownerOrganisation,
    List<String> boroughs,
    String status,
    int endorsements,
    Instant publishedAt,
    Instant updatedAt)
    implements PublicView {

  public PublicProblem {
    boroughs = boroughs == null ? List.of() : List.copyOf(boroughs);
  }

  @Override
  public String kind() {
    return PublicViews.PROBLEM;
  }

  @Override
  public UUID viewId() {
    return problemId;
  }
}
