package org.wyp.events.round;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A round exists and its schedule is known. {@code eligiblePostcodeAreas} restricts which SMEs may
 * submit (empty: no restriction).
 */
public record RoundAnnounced(
    UUID roundId,
    long version,
    String name,
    String description,
    Instant opensAt,
    Instant closesAt,
    Instant finalsAt,
    List<String> eligiblePostcodeAreas,
    Instant announcedAt)
    implements RoundEvent {}
