package org.wyp.web.board;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public update topic as this instance has read it: the latest view of every item, and a window
 * of recent changes for clients that reconnect. Each applied change gets the next sequence number;
 * event ids are {@code <epoch>-<seq>}, the epoch naming this instance's run, so an id from another
 * run or instance is recognised as unknown rather than misread.
 *
 * <p>A record that repeats the view already held changes nothing, and one this board cannot read
 * (unknown kind, malformed key, a value that is not a JSON object) is skipped, so neither reaches
 * browsers.
 */
public class PublicBoard {

  private static final Logger log = LoggerFactory.getLogger(PublicBoard.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String epoch;
  private final int replayCapacity;
  // Both in change order (a changed item is moved to the end), so reads never sort: a board of
  // 100,000 problems is paged through many times a second.
  private final Map<String, BoardItem> items = new LinkedHashMap<>();
  private final Map<String, Map<String, BoardItem>> itemsByKind = new HashMap<>();
  private final ArrayDeque<BoardItem> recent = new ArrayDeque<>();
  private final List<Consumer<BoardItem>> subscribers = new CopyOnWriteArrayList<>();
  private long seq;
  private long skipped;

  public PublicBoard(String epoch, int replayCapacity) {
    if (epoch.contains("-")) {
      throw new IllegalArgumentException("an epoch must not contain '-': " + epoch);
    }
    this.epoch = epoch;
    this.replayCapacity = replayCapacity;
  }

  /**
   * Applies one record of the update topic.
   *
   * @param value the view's JSON, or null for a tombstone
   * @return the change, or empty when the record changed nothing or could not be read
   */
  public synchronized Optional<BoardItem> apply(String key, byte[] value) {
    Optional<BoardKey> parsed = BoardKey.parse(key);
    if (parsed.isEmpty()) {
      return skip("key is not <kind>:<uuid> of a known kind: " + key);
    }
    String json = null;
    if (value != null) {
      try {
        JsonNode view = JSON.readTree(new String(value, StandardCharsets.UTF_8));
        if (view == null || !view.isObject()) {
          return skip("value of " + key + " is not a JSON object");
        }
        json = JSON.writeValueAsString(view);
      } catch (JacksonException e) {
        return skip("value of " + key + " is not JSON: " + e.getOriginalMessage());
      }
    }
    String itemKey = key;
    BoardItem current = items.get(itemKey);
    if (json == null ? current == null : current != null && json.equals(current.json())) {
      return Optional.empty();
    }
    BoardItem change = new BoardItem(++seq, parsed.get().kind(), parsed.get().id(), json);
    Map<String, BoardItem> ofKind =
        itemsByKind.computeIfAbsent(change.kind(), k -> new LinkedHashMap<>());
    items.remove(itemKey);
    ofKind.remove(itemKey);
    if (json != null) {
      items.put(itemKey, change);
      ofKind.put(itemKey, change);
    }
    recent.addLast(change);
    while (recent.size() > replayCapacity) {
      recent.removeFirst();
    }
    for (Consumer<BoardItem> subscriber : subscribers) {
      subscriber.accept(change);
    }
    return Optional.of(change);
  }

  /**
   * Starts following the board: works out what the client missed and registers it for every later
   * change, in one step so that no change falls between the two. The subscriber is called while the
   * board is locked: it must only hand the change over, never block.
   *
   * @param lastEventId the id the client last saw, or null
   */
  public synchronized Resume follow(String lastEventId, Consumer<BoardItem> subscriber) {
    Resume resume = resume(lastEventId);
    subscribers.add(subscriber);
    return resume;
  }

  public void unfollow(Consumer<BoardItem> subscriber) {
    subscribers.remove(subscriber);
  }

  /** The current views, optionally of one kind, oldest change first. */
  public synchronized List<BoardItem> snapshot(Optional<String> kind) {
    return List.copyOf(viewsOf(kind).values());
  }

  /** Some of the current views, oldest change first, as of the change {@code lastEventId} names. */
  public record Page(String lastEventId, long total, List<BoardItem> items) {}

  /** The views from the {@code offset}-th on, at most {@code limit}, optionally of one kind. */
  public synchronized Page page(Optional<String> kind, long offset, int limit) {
    Map<String, BoardItem> views = viewsOf(kind);
    List<BoardItem> items = views.values().stream().skip(offset).limit(limit).toList();
    return new Page(eventId(seq), views.size(), items);
  }

  private Map<String, BoardItem> viewsOf(Optional<String> kind) {
    return kind.map(k -> itemsByKind.getOrDefault(k, Map.of())).orElse(items);
  }

  public synchronized String lastEventId() {
    return eventId(seq);
  }

  public String eventId(BoardItem item) {
    return eventId(item.seq());
  }

  public synchronized int size() {
    return items.size();
  }

  public synchronized long countOf(String kind) {
    return itemsByKind.getOrDefault(kind, Map.of()).size();
  }

  public synchronized long skipped() {
    return skipped;
  }

  public int followers() {
    return subscribers.size();
  }

  private Resume resume(String lastEventId) {
    Optional<Long> seen = seqOf(lastEventId);
    long oldestKept = recent.isEmpty() ? seq + 1 : recent.getFirst().seq();
    if (seen.isPresent() && seen.get() <= seq && seen.get() >= oldestKept - 1) {
      List<BoardItem> missed = new ArrayList<>();
      for (BoardItem change : recent) {
        if (change.seq() > seen.get()) {
          missed.add(change);
        }
      }
      return new Resume(false, missed, eventId(seq));
    }
    return new Resume(true, snapshot(Optional.empty()), eventId(seq));
  }

  /** The sequence number of an id from this run, or empty for anything else. */
  private Optional<Long> seqOf(String eventId) {
    if (eventId == null || !eventId.startsWith(epoch + "-")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(eventId.substring(epoch.length() + 1)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private String eventId(long sequence) {
    return epoch + "-" + sequence;
  }

  private Optional<BoardItem> skip(String reason) {
    skipped++;
    log.warn("skipped a record of the update topic: {}", reason);
    return Optional.empty();
  }
}
