package org.wyp.events.view;

import java.time.Instant;
import java.util.UUID;

/**
 * A round as the public sees it.
 *
 * @param status ANNOUNCED, OPEN, SUBMISSIONS_CLOSED or ARCHIVED
 */
public record PublicRound(
    UUID roundId,
    String name,
    String description,
    Instant opensAt,
    Instant closesAt,
    Instant finalsAt,
    String status,
    Instant updatedAt)
    implements PublicView {

  @Override
  public String kind() {
    return PublicViews.ROUND;
  }

  @Override
  public UUID viewId() {
    return roundId;
  }
}
