package org.wyp.judgingservice.judging;

import java.util.UUID;
import org.wyp.events.judging.Stage;

/**
 * A stage's rubric was set, published in-process after every successful set (also when it did not
 * change, so a retried request refreshes what depends on it). Setting a rubric causes no judging
 * event.
 */
public record RubricChanged(UUID roundId, Stage stage) {}
