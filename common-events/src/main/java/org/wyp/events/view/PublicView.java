package org.wyp.events.view;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;

/**
 * What the public may see of one item, as published on {@link org.wyp.events.Topics#UPDATES} under
 * the key {@code <kind>:<id>}. The topic is compacted, so the latest view per key is the state; a
 * record without a value (a tombstone) removes the item. Views carry only public fields: never a
 * contact, an individual judge's score or an internal note.
 */
public sealed interface PublicView
    permits PublicRound,
        PublicProblem,
        PublicProblemStats,
        PublicLeaderboard,
        PublicAward,
        PublicFund {

  /** One of {@link PublicViews#KINDS}. */
  @JsonIgnore
  String kind();

  /** The id of the item shown, the second half of the record key. */
  @JsonIgnore
  UUID viewId();
}
