package org.wyp.judgingservice.pitch;

import java.util.UUID;

/**
 * A submission event reached the pitch projection (and, for a withdrawal, the round's chain),
 * published in-process by the listener that applied it. A withdrawal or an amended title causes no
 * judging event, so this is how views that show pitches learn of it; a listener that fails fails
 * the record, which is then redelivered.
 */
public record PitchChanged(UUID roundId, UUID pitchId) {}
