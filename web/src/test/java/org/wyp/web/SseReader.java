package org.wyp.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Reads a Server-Sent-Events stream as a browser would, collecting every event it gets. */
public final class SseReader implements AutoCloseable {

  /** One event: its name, id (null when it had none) and data. */
  public record Event(String name, String id, String data) {}

  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final HttpResponse<InputStream> response;
  private final Thread reader;

  public SseReader(String url, String lastEventId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    try {
      response =
          HttpClient.newHttpClient()
              .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    reader = Thread.ofVirtual().start(this::read);
  }

  public int status() {
    return response.statusCode();
  }

  public String contentType() {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  public List<Event> events() {
    return List.copyOf(events);
  }

  /** Waits for an event matching, and returns every event so far. */
  public List<Event> awaitEvent(Predicate<Event> matching) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> events.stream().anyMatch(matching));
    return events();
  }

  public static Predicate<Event> named(String name) {
    return event -> name.equals(event.name());
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String name = null;
      String id = null;
      List<String> data = new ArrayList<>();
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (name != null || !data.isEmpty()) {
            events.add(new Event(name == null ? "message" : name, id, String.join("\n", data)));
          }
          name = null;
          id = null;
          data.clear();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
          data.add(line.substring(5).stripLeading());
        }
      }
    } catch (IOException e) {
      // Closed by the test or the server.
    }
  }

  @Override
  public void close() {
    try {
      response.body().close();
    } catch (IOException e) {
      // Already closed.
    }
    reader.interrupt();
  }
}
