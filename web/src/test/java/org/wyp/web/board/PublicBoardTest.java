package org.wyp.web.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PublicBoardTest {

  private final PublicBoard board = new PublicBoard("run1", 3);
  private final UUID problem = UUID.randomUUID();
  private final UUID round = UUID.randomUUID();

  @Test
  void aViewIsHeldUntilReplacedOrRemovedAndRepeatsChangeNothing() {
    assertThat(board.apply("problem:" + problem, json("{\"title\":\"Damp\"}"))).isPresent();
    assertThat(board.apply("problem:" + problem, json("{ \"title\" : \"Damp\" }")))
        .as("the same view again, differently spaced")
        .isEmpty();
    BoardItem renamed = board.apply("problem:" + problem, json("{\"title\":\"Mould\"}")).get();
    assertThat(renamed.seq()).isEqualTo(2);
    assertThat(board.snapshot(Optional.empty()))
        .extracting(BoardItem::json)
        .containsExactly("{\"title\":\"Mould\"}");

    BoardItem removed = board.apply("problem:" + problem, null).get();
    assertThat(removed.isRemoval()).isTrue();
    assertThat(removed.toJson())
        .isEqualTo(
            "{\"key\":\"problem:"
                + problem
                + "\",\"kind\":\"problem\",\"id\":\""
                + problem
                + "\",\"view\":null}");
    assertThat(board.snapshot(Optional.empty())).isEmpty();
    assertThat(board.apply("problem:" + problem, null)).as("removing what is gone").isEmpty();
  }

  @Test
  void pagesListAKindsViewsInChangeOrderWithItsTotal() {
    UUID second = UUID.randomUUID();
    UUID third = UUID.randomUUID();
    board.apply("problem:" + problem, json("{\"title\":\"Damp\"}"));
    board.apply("problem-stats:" + problem, json("{\"pitches\":1}"));
    board.apply("problem:" + second, json("{\"title\":\"Falls\"}"));
    board.apply("problem:" + third, json("{\"title\":\"Loneliness\"}"));
    board.apply("problem:" + problem, json("{\"title\":\"Mould\"}"));
    board.apply("problem:" + second, null);

    PublicBoard.Page problems = board.page(Optional.of("problem"), 0, 10);
    assertThat(problems.total()).isEqualTo(2);
    assertThat(problems.items())
        .as("the renamed problem changed last")
        .extracting(BoardItem::id)
        .containsExactly(third, problem);
    assertThat(problems.lastEventId()).isEqualTo(board.lastEventId());
    assertThat(board.page(Optional.of("problem"), 1, 10).items())
        .extracting(BoardItem::id)
        .containsExactly(problem);
    assertThat(board.page(Optional.empty(), 0, 10).items())
        .extracting(BoardItem::key)
        .containsExactly("problem-stats:" + problem, "problem:" + third, "problem:" + problem);
    assertThat(board.page(Optional.of("award"), 0, 10).total()).isZero();
    assertThat(board.countOf("problem")).isEqualTo(2);
    assertThat(board.countOf("problem-stats")).isEqualTo(1);
  }

  @Test
  void recordsTheBoardCannotReadAreSkippedAndCounted() {
    assertThat(board.apply("poll:" + problem, json("{}"))).isEmpty();
    assertThat(board.apply("problem:not-a-uuid", json("{}"))).isEmpty();
    assertThat(board.apply(null, json("{}"))).isEmpty();
    assertThat(board.apply("problem:" + problem, json("[1,2]"))).isEmpty();
    assertThat(board.apply("problem:" + problem, json("{\"title\":"))).isEmpty();

    assertThat(board.skipped()).isEqualTo(5);
    assertThat(board.size()).isZero();
  }

  @Test
  void aFirstVisitGetsAResetAndTheWholeBoardInTheOrderItChanged() {
    board.apply("round:" + round, json("{\"name\":\"Spring\"}"));
    board.apply("problem:" + problem, json("{\"title\":\"Damp\"}"));
    board.apply("round:" + round, json("{\"name\":\"Spring 2027\"}"));

    Resume resume = board.follow(null, change -> {});

    assertThat(resume.reset()).isTrue();
    assertThat(resume.items())
        .extracting(BoardItem::key)
        .containsExactly("problem:" + problem, "round:" + round);
    assertThat(resume.lastEventId()).isEqualTo("run1-3");
  }

  @Test
  void aReturningClientGetsOnlyWhatItMissedThenEveryChangeLive() {
    board.apply("round:" + round, json("{\"name\":\"Spring\"}"));
    board.apply("problem:" + problem, json("{\"title\":\"Damp\"}"));
    List<BoardItem> live = new ArrayList<>();

    Resume resume = board.follow("run1-1", live::add);
    board.apply("problem:" + problem, null);

    assertThat(resume.reset()).isFalse();
    assertThat(resume.items()).extracting(BoardItem::seq).containsExactly(2L);
    assertThat(live).extracting(BoardItem::seq).containsExactly(3L);
  }

  @Test
  void anIdFromAnotherRunOrBeyondTheReplayWindowGetsTheWholeBoardAgain() {
    for (int i = 0; i < 5; i++) {
      board.apply("round:" + round, json("{\"n\":" + i + "}"));
    }

    assertThat(board.follow("run0-4", c -> {}).reset()).as("another run").isTrue();
    assertThat(board.follow("run1-1", c -> {}).reset()).as("older than the window").isTrue();
    assertThat(board.follow("run1-2", c -> {}).reset()).as("just inside the window").isFalse();
    assertThat(board.follow("run1-9", c -> {}).reset()).as("from the future").isTrue();
    assertThat(board.follow("run1-x", c -> {}).reset()).isTrue();
  }

  @Test
  void anUnfollowedClientGetsNothingMore() {
    List<BoardItem> live = new ArrayList<>();
    Consumer<BoardItem> client = live::add;
    board.follow(null, client);
    board.unfollow(client);

    board.apply("round:" + round, json("{}"));

    assertThat(live).isEmpty();
    assertThat(board.followers()).isZero();
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
