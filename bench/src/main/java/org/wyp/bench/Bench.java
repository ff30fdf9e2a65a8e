package org.wyp.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.wyp.bench.board.BoardBenchmark;
import org.wyp.bench.ingest.IngestBenchmark;
import org.wyp.bench.live.LiveLatencyBenchmark;
import org.wyp.bench.pipeline.PipelineBenchmark;
import org.wyp.bench.report.Baseline;
import org.wyp.bench.report.Measurement;
import org.wyp.bench.report.ResultTable;
import org.wyp.bench.report.Target;
import org.wyp.bench.scale.RankingBenchmark;
import org.wyp.bench.stack.StackProcess;

/**
 * Runs the benchmarks against the local stack and prints one table: each figure beside its baseline
 * (measured in the same run), the ratio between them, and the target. Started by {@code bin/bench};
 * {@code --help} lists the options.
 */
public final class Bench {

  private static final List<String> ALL =
      List.of("ranking", "footprint", "ingest", "pipeline", "live", "board");
  private static final long MEGABYTE = 1024 * 1024;

  private final BenchOptions options;
  private final PrintStream out;
  private final ResultTable table = new ResultTable();

  private Bench(BenchOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args, ALL);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.err.println("Run with --help for the options.");
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(BenchOptions.usage(ALL));
      return;
    }
    new Bench(options, System.out).run();
    // Kafka and HTTP clients leave threads behind; the figures are printed, so stop here.
    System.exit(0);
  }

  private void run() throws Exception {
    Set<String> chosen = new LinkedHashSet<>(options.benchmarks());
    out.printf(
        "[bench] %s on %d cores, %s; %s each load%n",
        String.join(", ", chosen),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        seconds(options.duration()));
    // In-process and CPU-bound: before the stack starts, so that it does not share the cores.
    if (chosen.contains("ranking")) {
      table.addAll(RankingBenchmark.run(out));
    }
    if (chosen.stream().anyMatch(name -> !name.equals("ranking"))) {
      runAgainstTheStack(chosen);
    }
    out.println();
    table.print(out);
    long misses = table.misses();
    out.printf(
        "%n[bench] %d figures, %s%n",
        table.measurements().size(),
        misses == 0 ? "every target met" : misses + " missing their target");
  }

  private void runAgainstTheStack(Set<String> chosen) throws Exception {
    Path work = Files.createTempDirectory("wyp-bench");
    out.println("[bench] local stack logs in " + work);
    Duration withoutCache = null;
    if (chosen.contains("footprint")) {
      out.println(
          "[bench] footprint: starting the local stack without its ahead-of-time cache ...");
      try (StackProcess cold =
          StackProcess.start(
              options.root(), work.resolve("no-aot-cache"), Map.of("LOCAL_STACK_AOT", "off"))) {
        withoutCache = cold.readyAfter();
      }
      out.printf("[bench] footprint: ready in %s without the cache%n", seconds(withoutCache));
    }
    out.println("[bench] starting the local stack ...");
    try (StackProcess stack = StackProcess.start(options.root(), work.resolve("stack"), Map.of())) {
      out.printf("[bench] local stack ready in %s%n", seconds(stack.readyAfter()));
      long readyResident = stack.residentBytes();
      if (chosen.contains("footprint")) {
        Measurement startUp =
            Measurement.of(
                    "footprint",
                    "local stack start to every service ready",
                    stack.readyAfter().toMillis() / 1000.0,
                    "s")
                .target(Target.below(10));
        table.add(
            withoutCache == null
                ? startUp
                : startUp.against(
                    new Baseline("without AOT cache", withoutCache.toMillis() / 1000.0)));
        table.add(
            Measurement.of(
                    "footprint",
                    "resident memory when ready",
                    readyResident / (double) MEGABYTE,
                    "MB")
                .target(Target.below(1024)));
      }
      if (chosen.contains("ingest")) {
        table.addAll(new IngestBenchmark(stack, options.duration(), out).run());
      }
      if (chosen.contains("pipeline")) {
        table.addAll(new PipelineBenchmark(stack, options.pipelineEvents(), out).run());
      }
      if (chosen.contains("live")) {
        table.addAll(new LiveLatencyBenchmark(stack, 200, options.duration(), out).run());
      }
      // Last: its data set stays in the stack and would weigh on every benchmark after it.
      if (chosen.contains("board")) {
        table.addAll(
            new BoardBenchmark(
                    stack,
                    options.boardProblems(),
                    options.boardSubmissions(),
                    options.duration(),
                    out)
                .run());
      }
      if (chosen.contains("footprint")) {
        table.add(
            Measurement.of(
                    "footprint",
                    "peak resident memory over the run",
                    stack.peakResidentBytes() / (double) MEGABYTE,
                    "MB")
                .target(Target.below(1024)));
      }
    }
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
