package org.wyp.web.live;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.wyp.web.WebProperties;
import org.wyp.web.board.PublicBoard;
import org.wyp.web.board.Resume;

/** Opens browsers' streams, keeps idle ones alive and closes them all on shutdown. */
@Component
class LiveStreams implements SmartLifecycle {

  private final PublicBoard board;
  private final WebProperties properties;
  private final Set<LiveClient> clients = ConcurrentHashMap.newKeySet();
  private volatile ScheduledExecutorService heartbeats;

  LiveStreams(PublicBoard board, WebProperties properties) {
    this.board = board;
    this.properties = properties;
  }

  SseEmitter open(String lastEventId) {
    SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
    LiveClient client = new LiveClient(board, emitter, properties.clientQueue());
    emitter.onCompletion(client::close);
    emitter.onTimeout(client::close);
    emitter.onError(error -> client.close());
    Resume resume = board.follow(lastEventId, client);
    clients.add(client);
    Thread.ofVirtual()
        .name("live-client")
        .start(
            () -> {
              try {
                client.run(resume);
              } finally {
                clients.remove(client);
              }
            });
    return emitter;
  }

  @Override
  public void start() {
    long every = properties.heartbeat().toMillis();
    heartbeats = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
    heartbeats.scheduleAtFixedRate(
        () -> clients.forEach(LiveClient::heartbeat), every, every, TimeUnit.MILLISECONDS);
  }

  /** Ends every stream before the web server stops, so shutdown does not wait on them. */
  @Override
  public void stop() {
    ScheduledExecutorService running = heartbeats;
    heartbeats = null;
    if (running != null) {
      running.shutdownNow();
    }
    clients.forEach(LiveClient::close);
  }

  @Override
  public boolean isRunning() {
    return heartbeats != null;
  }
}
