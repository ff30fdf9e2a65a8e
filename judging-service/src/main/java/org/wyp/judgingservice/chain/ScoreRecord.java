package org.wyp.judgingservice.chain;

import java.util.Map;
import java.util.UUID;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.scoring.PitchFacts;

/** A score or revision as the chain holds it; {@code revision} 0 is the first score. */
public record ScoreRecord(
    long seq,
    Stage stage,
    UUID pitchId,
    UUID judgeId,
    int revision,
    Map<String, Integer> scores,
    String comment,
    PitchFacts pitch,
    String recordedAt) {}
