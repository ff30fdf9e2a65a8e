package org.wyp.bench.board;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wyp.events.view.PublicProblem;
import org.wyp.events.view.PublicProblemStats;

/**
 * One problem of the benchmark's data set, the same on the public board and in the organisers'
 * search, with the pitches it has drawn.
 */
record BoardProblem(
    UUID id,
    String title,
    String summary,
    String theme,
    String ownerOrganisation,
    List<String> boroughs,
    Instant publishedAt,
    Instant updatedAt,
    long pitches) {

  static final String PUBLISHED = "PUBLISHED";

  /**
   * None, as the copies in the search's collection have none: the two stores show the same
   * problems.
   */
  private static final int ENDORSEMENTS = 0;

  PublicProblem publicView(UUID roundId) {
    return new PublicProblem(
        id,
        roundId,
        title,
        summary,
        theme,
        ownerOrganisation,
        boroughs,
        PUBLISHED,
        ENDORSEMENTS,
        publishedAt,
        updatedAt);
  }

  PublicProblemStats statsView(UUID roundId) {
    return new PublicProblemStats(id, roundId, pitches);
  }
}
