package org.wyp.web.live;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /live}: every change of the public board as Server-Sent Events. A new client first
 * gets {@code reset} and the whole board as {@code view} events; a returning one (the browser sends
 * {@code Last-Event-ID} by itself) gets only what it missed; both then get {@code ready} and live
 * changes. A {@code view} event's data is {@code {"key", "kind", "id", "view"}}, view null when the
 * item was removed.
 */
@RestController
class LiveController {

  private final LiveStreams streams;

  LiveController(LiveStreams streams) {
    this.streams = streams;
  }

  /**
   * @param lastEventId the browser's resume point; the {@code lastEventId} parameter does the same
   *     for clients that cannot set headers
   */
  @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter live(
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) {
    return streams.open(lastEventId != null ? lastEventId : lastEventIdParameter);
  }
}
