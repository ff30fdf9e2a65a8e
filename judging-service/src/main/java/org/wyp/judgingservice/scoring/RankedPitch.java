package org.wyp.judgingservice.scoring;

/**
 * One pitch's line in a ranking. {@code rank} is null below quorum; {@code rawScore} and {@code
 * medianTotal} are null when no judge scored it; {@code normalisedScore} is null without
 * normalisation (or without judges).
 */
public record RankedPitch(
    PitchFacts pitch,
    Integer rank,
    Double rawScore,
    Double normalisedScore,
    int judgeCount,
    Double medianTotal) {}
