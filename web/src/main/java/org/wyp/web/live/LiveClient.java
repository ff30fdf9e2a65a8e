package org.wyp.web.live;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.wyp.web.board.BoardItem;
import org.wyp.web.board.PublicBoard;
import org.wyp.web.board.Resume;

/**
 * One browser's stream. Changes are queued by the board's thread and written by the client's own
 * (virtual) thread, so a slow connection never holds up the board or other browsers; a client that
 * falls a whole queue behind is closed, and its browser reconnects and resumes from the last event
 * it got.
 */
final class LiveClient implements Consumer<BoardItem> {

  /** Queued to make the writer send a keep-alive comment. */
  private static final BoardItem HEARTBEAT = new BoardItem(-1, "heartbeat", null, null);

  /** Queued to make the writer stop. */
  private static final BoardItem CLOSE = new BoardItem(-2, "close", null, null);

  private final PublicBoard board;
  private final SseEmitter emitter;
  private final BlockingQueue<BoardItem> queue;
  private volatile boolean closed;

  LiveClient(PublicBoard board, SseEmitter emitter, int queueCapacity) {
    this.board = board;
    this.emitter = emitter;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
  }

  @Override
  public void accept(BoardItem change) {
    if (!queue.offer(change)) {
      close();
    }
  }

  void heartbeat() {
    queue.offer(HEARTBEAT);
  }

  void close() {
    if (!closed) {
      closed = true;
      board.unfollow(this);
      queue.clear();
      queue.offer(CLOSE);
    }
  }

  /** Sends what the client missed, then every change until the stream ends. */
  void run(Resume resume) {
    try {
      if (resume.reset()) {
        emitter.send(SseEmitter.event().name("reset").data("{}", MediaType.APPLICATION_JSON));
      }
      for (BoardItem item : resume.items()) {
        send(item);
      }
      emitter.send(
          SseEmitter.event()
              .name("ready")
              .id(resume.lastEventId())
              .data("{}", MediaType.APPLICATION_JSON));
      while (!closed) {
        BoardItem next = queue.take();
        if (next == CLOSE) {
          break;
        }
        if (next == HEARTBEAT) {
          emitter.send(SseEmitter.event().comment("keep-alive"));
        } else {
          send(next);
        }
      }
      emitter.complete();
    } catch (IOException | IllegalStateException e) {
      // The browser went away or the stream timed out: it reconnects if it still wants changes.
      emitter.completeWithError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      emitter.complete();
    } finally {
      close();
    }
  }

  private void send(BoardItem item) throws IOException {
    emitter.send(
        SseEmitter.event()
            .name("view")
            .id(board.eventId(item))
            .data(item.toJson(), MediaType.APPLICATION_JSON));
  }
}
