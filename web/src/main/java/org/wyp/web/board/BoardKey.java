package org.wyp.web.board;

import java.util.Optional;
import java.util.UUID;
import org.wyp.events.view.PublicViews;

/** A record key of the update topic, {@code <kind>:<id>}, when it is one this board knows. */
record BoardKey(String kind, UUID id) {

  static Optional<BoardKey> parse(String key) {
    if (key == null) {
      return Optional.empty();
    }
    int colon = key.lastIndexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String kind = key.substring(0, colon);
    if (!PublicViews.KINDS.contains(kind)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BoardKey(kind, UUID.fromString(key.substring(colon + 1))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
