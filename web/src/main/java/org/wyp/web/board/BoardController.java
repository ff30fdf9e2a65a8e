package org.wyp.web.board;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wyp.events.view.PublicViews;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/views}: the board as it is now, for clients that poll rather than stream, paged
 * in the order items last changed. {@code lastEventId} lets a client continue with {@code /live}.
 */
@RestController
class BoardController {

  static final int MAX_SIZE = 500;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PublicBoard board;

  BoardController(PublicBoard board) {
    this.board = board;
  }

  record Item(String key, String kind, String id, JsonNode view) {}

  record Page(
      String lastEventId,
      int page,
      int size,
      long totalElements,
      int totalPages,
      List<Item> content) {}

  @GetMapping("/api/views")
  Page views(
      @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    if (kind != null && !PublicViews.KINDS.contains(kind)) {
      throw badRequest("unknown-kind", "kind must be one of " + PublicViews.KINDS);
    }
    if (page < 0 || size < 1 || size > MAX_SIZE) {
      throw badRequest(
          "invalid-paging", "page must be 0 or more and size between 1 and " + MAX_SIZE);
    }
    PublicBoard.Page views = board.page(Optional.ofNullable(kind), (long) page * size, size);
    List<Item> content =
        views.items().stream()
            .map(i -> new Item(i.key(), i.kind(), i.id().toString(), JSON.readTree(i.json())))
            .toList();
    int pages = (int) ((views.total() + size - 1) / size);
    return new Page(views.lastEventId(), page, size, views.total(), pages, content);
  }

  private static ErrorResponseException badRequest(String slug, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(URI.create("/problems/" + slug));
    problem.setTitle("Bad request");
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }
}
