package org.wyp.awardservice.allocation;

/** One payment of an award; {@code number} counts from 1. */
public record PlannedTranche(int number, String label, int percent, long amountPence) {}
