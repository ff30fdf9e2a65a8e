package org.wyp.bench.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A finals audience's browser: subscribed to the web front's {@code /live} stream, it notes when
 * each finalist's "scores in" count first reached each value.
 */
final class BoardWatcher implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Thread reader;
  private volatile Stream<String> lines;

  BoardWatcher(String webUrl) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(webUrl + "/live"))
            .header("Accept", "text/event-stream")
            .build();
    reader =
        Thread.ofPlatform()
            .name("board-watcher")
            .daemon()
            .start(
                () -> {
                  try {
                    HttpResponse<Stream<String>> response =
                        HttpClient.newHttpClient()
                            .send(request, HttpResponse.BodyHandlers.ofLines());
                    lines = response.body();
                    read(lines);
                  } catch (IOException | UncheckedIOException closed) {
                    // The stream ends when the benchmark closes it.
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
  }

  /** Waits until the stream has sent the board as it stands and is live. */
  void awaitLive(Duration timeout) throws InterruptedException {
    if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the live stream did not become ready in " + timeout);
    }
  }

  /** When the finalist's count of scores first showed {@code scoresIn} or more, in nanoTime. */
  Optional<Long> firstSeen(String pitchId, int scoresIn) {
    return Optional.ofNullable(firstSeen.get(pitchId + ":" + scoresIn));
  }

  private void read(Stream<String> stream) {
    String event = null;
    for (String line : (Iterable<String>) stream::iterator) {
      long now = System.nanoTime();
      if (line.startsWith("event:")) {
        event = line.substring("event:".length()).strip();
        if (event.equals("ready")) {
          ready.countDown();
        }
      } else if (line.startsWith("data:") && "view".equals(event)) {
        onView(JSON.readTree(line.substring("data:".length())), now);
      }
    }
  }

  private void onView(JsonNode change, long now) {
    if (!"leaderboard".equals(change.path("kind").asString())) {
      return;
    }
    for (JsonNode entry : change.path("view").path("entries")) {
      String pitch = entry.path("pitchId").asString();
      int scoresIn = entry.path("scoresIn").asInt();
      // A later message may show a count that skipped a value (coalesced changes): every count up
      // to it was reached by then too.
      for (int count = 1; count <= scoresIn; count++) {
        firstSeen.putIfAbsent(pitch + ":" + count, now);
      }
    }
  }

  @Override
  public void close() {
    Stream<String> open = lines;
    if (open != null) {
      open.close();
    }
    reader.interrupt();
  }
}
