package org.wyp.bench.board;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.wyp.bench.stack.StackProcess;
import tools.jackson.databind.JsonNode;

/** The web front's board as the benchmark reads it: {@code GET /api/views}, anonymously. */
final class WebBoard {

  /** The largest page web serves. */
  private static final int LARGEST_PAGE = 500;

  private static final Duration POLL = Duration.ofMillis(250);

  private final String baseUrl;

  WebBoard(StackProcess stack) {
    this.baseUrl = stack.url("web");
  }

  URI page(String kind, int page, int size) {
    return URI.create(baseUrl + "/api/views?kind=" + kind + "&page=" + page + "&size=" + size);
  }

  URI liveness() {
    return URI.create(baseUrl + "/actuator/health/liveness");
  }

  long total(String kind) throws IOException, InterruptedException {
    return JsonPages.total(page(kind, 0, 1));
  }

  /**
   * Waits until the item changed last of a kind is the given one: the board is in order by change,
   * so once a service's view of a new item shows there, the board has read everything before it.
   */
  void awaitNewest(String kind, UUID id, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!newest(kind).equals(Optional.of(id))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "web's board did not show " + kind + ":" + id + " within " + timeout);
      }
      Thread.sleep(POLL);
    }
  }

  private Optional<UUID> newest(String kind) throws IOException, InterruptedException {
    long total = total(kind);
    if (total == 0) {
      return Optional.empty();
    }
    JsonNode last = JsonPages.get(page(kind, (int) (total - 1), 1)).path("content").path(0);
    return Optional.of(UUID.fromString(last.path("id").asString()));
  }

  /**
   * Every pitch count the board shows for a round's problems, added up, read through the largest
   * pages: what a client that wanted the whole board would have to do.
   */
  long pitchesShownFor(UUID roundId, String statsKind) throws IOException, InterruptedException {
    long total = total(statsKind);
    long pitches = 0;
    String round = roundId.toString();
    for (int page = 0; (long) page * LARGEST_PAGE < total; page++) {
      for (JsonNode item : JsonPages.get(page(statsKind, page, LARGEST_PAGE)).path("content")) {
        JsonNode view = item.path("view");
        if (round.equals(view.path("roundId").asString())) {
          pitches += view.path("submissions").asLong();
        }
      }
    }
    return pitches;
  }
}
