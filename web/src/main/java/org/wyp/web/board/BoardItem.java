package org.wyp.web.board;

import java.util.UUID;

/**
 * One change of the public board, numbered in the order this instance applied it.
 *
 * @param json the view as published, or null when the item was removed
 */
public record BoardItem(long seq, String kind, UUID id, String json) {

  public String key() {
    return kind + ":" + id;
  }

  public boolean isRemoval() {
    return json == null;
  }

  /** The change as one JSON object: {@code {"key", "kind", "id", "view"}}, view null if removed. */
  public String toJson() {
    // kind is one of the known kinds and id a UUID, so neither needs escaping.
    return "{\"key\":\""
        + key()
        + "\",\"kind\":\""
        + kind
        + "\",\"id\":\""
        + id
        + "\",\"view\":"
        + (json == null ? "null" : json)
        + "}";
  }
}
