package org.wyp.awardservice.allocation;

/** What one winner receives, in whole pence. */
public record Share(Candidate winner, long amountPence) {}
