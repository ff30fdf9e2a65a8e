package org.wyp.judgingservice.chain;

import java.util.List;
import java.util.UUID;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.scoring.PitchFacts;

/**
 * The end of a stage: a screening shortlist or the finals' conclusion. It lists every pitch the
 * stage's ranking covered, so the ranking can be recomputed from the entries before it and this one
 * alone. {@code shortlisted} is empty for a conclusion; {@code scoresFingerprint} is null for a
 * shortlist.
 */
public record Decision(
    long seq,
    Stage stage,
    List<PitchFacts> pitches,
    List<UUID> shortlisted,
    String scoresFingerprint,
    String recordedAt) {}
