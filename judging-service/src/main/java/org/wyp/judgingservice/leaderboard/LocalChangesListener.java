package org.wyp.judgingservice.leaderboard;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.judging.RubricChanged;
import org.wyp.judgingservice.panel.PanelChanged;
import org.wyp.judgingservice.pitch.PitchChanged;

/**
 * Refreshes a round's finals board after the changes that publish no judging event: the finals
 * panel or its assignments, the finals rubric (its quorum), and a pitch's withdrawal or new title.
 * It runs in the thread that made the change, after the change was saved; a failure reaches the
 * caller (an HTTP error the client may retry, or a Kafka record that is redelivered), so a missed
 * refresh is never silent.
 */
@Component
class LocalChangesListener {

  private final LeaderboardService leaderboards;

  LocalChangesListener(LeaderboardService leaderboards) {
    this.leaderboards = leaderboards;
  }

  @EventListener
  void on(PanelChanged changed) {
    if (changed.stage() == Stage.FINALS) {
      leaderboards.refresh(changed.roundId());
    }
  }

  @EventListener
  void on(RubricChanged changed) {
    if (changed.stage() == Stage.FINALS) {
      leaderboards.refresh(changed.roundId());
    }
  }

  @EventListener
  void on(PitchChanged changed) {
    leaderboards.refresh(changed.roundId());
  }
}
