package org.wyp.events.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wyp.events.EventCodec;

class PublicViewsTest {

  private final UUID id = UUID.randomUUID();

  @Test
  void aChangeIsKeyedByKindAndIdAndTypedByKind() {
    PublicViewChange change = PublicViewChange.of(new PublicProblemStats(id, UUID.randomUUID(), 3));

    assertThat(change.key()).isEqualTo("problem-stats:" + id);
    assertThat(change.type()).isEqualTo("wyp.view.problem-stats.v1");
    assertThat(change.isRemoval()).isFalse();
    assertThat(PublicViewChange.removal(PublicViews.AWARD, id).isRemoval()).isTrue();
  }

  @Test
  void aViewCannotBePublishedUnderAnotherItemsKey() {
    PublicProblemStats stats = new PublicProblemStats(id, UUID.randomUUID(), 3);

    assertThatThrownBy(() -> new PublicViewChange(PublicViews.PROBLEM, id, stats))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new PublicViewChange(PublicViews.PROBLEM_STATS, UUID.randomUUID(), stats))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theJsonCarriesTheRecordsFieldsButNotItsKeyParts() {
    PublicLeaderboard board =
        new PublicLeaderboard(
            id,
            PublicLeaderboard.LIVE,
            List.of(
                new PublicLeaderboard.Entry(
                    UUID.randomUUID(), UUID.randomUUID(), "Pitch", "Acme Ltd", 4, 5, null, null)),
            null);

    String json = EventCodec.toJsonString(board);

    assertThat(json).contains("\"scoresIn\":4").contains("\"panelSize\":5");
    assertThat(json).doesNotContain("kind").doesNotContain("viewId").doesNotContain("\"rank\"");
    assertThat(EventCodec.viewFromJson(json.getBytes(), PublicLeaderboard.class)).isEqualTo(board);
  }

  @Test
  void everyKindNamesTheClassItIsPublishedAs() {
    for (String kind : PublicViews.KINDS) {
      Class<? extends PublicView> type = PublicViews.classOf(kind);
      assertThat(type.getSimpleName().toLowerCase()).isEqualTo("public" + kind.replace("-", ""));
    }
    assertThat(PublicView.class.getPermittedSubclasses()).hasSize(PublicViews.KINDS.size());
  }
}
