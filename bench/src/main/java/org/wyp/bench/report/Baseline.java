package org.wyp.bench.report;

/**
 * What a figure is compared with: the same quantity for the simplest thing that does the same kind
 * of work on the same machine in the same run (a trivial endpoint, raw Kafka consumption, a raw
 * bulk write), in the figure's unit.
 */
public record Baseline(String what, double value) {}
