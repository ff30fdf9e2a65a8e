package org.wyp.events.view;

import java.util.Objects;
import java.util.UUID;

/**
 * One record for the public update topic: the latest view of an item, or its removal (published as
 * a tombstone, so compaction forgets the item).
 *
 * @param view the view, or null when the item is removed
 */
public record PublicViewChange(String kind, UUID id, PublicView view) {

  public PublicViewChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (view != null && (!view.kind().equals(kind) || !view.viewId().equals(id))) {
      throw new IllegalArgumentException(
          "view of "
              + PublicViews.key(view.kind(), view.viewId())
              + " under key "
              + kind
              + ":"
              + id);
    }
  }

  public static PublicViewChange of(PublicView view) {
    return new PublicViewChange(view.kind(), view.viewId(), view);
  }

  public static PublicViewChange removal(String kind, UUID id) {
    return new PublicViewChange(kind, id, null);
  }

  public String key() {
    return PublicViews.key(kind, id);
  }

  public String type() {
    return PublicViews.type(kind);
  }

  public boolean isRemoval() {
    return view == null;
  }
}
