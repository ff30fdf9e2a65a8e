package org.wyp.judgingservice.scoring;

import java.util.UUID;

/**
 * A judge's mean total and its spread (population standard deviation) over the pitches it scored
 * that count: how lenient and how discriminating it is.
 */
public record JudgeLeniency(UUID judgeId, int pitches, double mean, double sd) {}
