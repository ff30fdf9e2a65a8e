package org.wyp.awardservice.allocation;

/** One step of a fund's payment schedule: a milestone label and its share of each award. */
public record TrancheTerm(String label, int percent) {}
