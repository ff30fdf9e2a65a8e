package org.wyp.judgingservice.panel;

import java.util.UUID;
import org.wyp.events.judging.Stage;

/**
 * A stage's panel or its assignments changed, published in-process once the panel is saved. No
 * judging event follows a panel change, so this is how views that show who is to score learn of it.
 */
public record PanelChanged(UUID roundId, Stage stage) {}
