package org.wyp.bench.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The benchmarks' figures as one plain-text table, each beside its baseline, ratio and target. */
public final class ResultTable {

  private static final String[] HEADINGS = {
    "benchmark", "figure", "value", "baseline", "ratio", "target", "met"
  };

  private final List<Measurement> measurements = new ArrayList<>();

  public void add(Measurement measurement) {
    measurements.add(measurement);
  }

  public void addAll(List<Measurement> more) {
    measurements.addAll(more);
  }

  public List<Measurement> measurements() {
    return List.copyOf(measurements);
  }

  /** How many figures miss their target. */
  public long misses() {
    return measurements.stream().filter(m -> m.meetsTarget().equals(Optional.of(false))).count();
  }

  public void print(PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADINGS);
    for (Measurement m : measurements) {
      rows.add(
          new String[] {
            m.benchmark(),
            m.what(),
            Numbers.format(m.value()) + " " + m.unit(),
            m.baseline()
                .map(b -> Numbers.format(b.value()) + " " + m.unit() + " (" + b.what() + ")")
                .orElse("-"),
            m.ratio().map(r -> String.format(Locale.ROOT, "%.2f", r)).orElse("-"),
            m.target().map(t -> t.describe(m.unit())).orElse("-"),
            m.meetsTarget().map(met -> met ? "yes" : "NO").orElse("-")
          });
    }
    int[] widths = new int[HEADINGS.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        String cell = rows.get(r)[i];
        line.append(
            i == 2 || i == 4 ? " ".repeat(widths[i] - cell.length()) + cell : pad(cell, widths[i]));
        line.append(i == widths.length - 1 ? "" : "  ");
      }
      out.println(line.toString().stripTrailing());
      if (r == 0) {
        int total = 0;
        for (int width : widths) {
          total += width + 2;
        }
        out.println("-".repeat(total - 2));
      }
    }
  }

  private static String pad(String cell, int width) {
    return cell + " ".repeat(width - cell.length());
  }
}
