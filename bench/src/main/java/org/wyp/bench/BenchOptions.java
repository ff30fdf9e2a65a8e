package org.wyp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bin/bench} is told.
 *
 * @param root the project, whose {@code bin/local-stack} is started
 * @param benchmarks which benchmarks to run, in the order given by the full list
 * @param duration how long each load runs
 * @param pipelineEvents events published for the pipeline benchmark
 * @param boardProblems problems loaded for the board queries
 * @param boardSubmissions submissions loaded for the board queries
 */
record BenchOptions(
    Path root,
    List<String> benchmarks,
    Duration duration,
    int pipelineEvents,
    int boardProblems,
    int boardSubmissions,
    boolean help) {

  static BenchOptions parse(String[] args, List<String> all) {
    Path root = Path.of("").toAbsolutePath();
    List<String> benchmarks = all;
    Duration duration = Duration.ofSeconds(10);
    int pipelineEvents = 20_000;
    int problems = 100_000;
    int submissions = 1_000_000;
    boolean help = false;
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException(
            "unknown option '" + arg + "' (options are written --name=value)");
      }
      String name = arg.substring(2, equals);
      String value = arg.substring(equals + 1);
      switch (name) {
        case "root" -> root = Path.of(value).toAbsolutePath();
        case "only" -> benchmarks = chosen(value, all);
        case "duration" -> duration = Duration.ofSeconds(number(name, value, 1, 600));
        case "pipeline-events" -> pipelineEvents = number(name, value, 1, 10_000_000);
        case "board-problems" -> problems = number(name, value, 1, 10_000_000);
        case "board-submissions" -> submissions = number(name, value, 0, 100_000_000);
        default -> throw new IllegalArgumentException("unknown option '--" + name + "'");
      }
    }
    if (!Files.isExecutable(root.resolve("bin/local-stack"))) {
      throw new IllegalArgumentException("no bin/local-stack under " + root + "; give --root=PATH");
    }
    return new BenchOptions(
        root, benchmarks, duration, pipelineEvents, problems, submissions, help);
  }

  static String usage(List<String> all) {
    return """
        Usage: bin/bench [options]

        Starts the local stack (bin/local-stack) on free ports with a throwaway data directory,
        runs the benchmarks against it and prints a table: each figure, its baseline measured in
        the same run, their ratio, and the target. Run it on a quiet machine.

        Options:
          --only=NAMES              comma-separated, from: %s (default: all)
          --duration=SECONDS        how long each load runs (default: 10)
          --pipeline-events=N       events published for the pipeline (default: 20000)
          --board-problems=N        problems loaded for the board queries (default: 100000)
          --board-submissions=N     submissions loaded for the board queries (default: 1000000)
          --root=PATH               the project (default: the working directory)
          -h, --help                show this help

        Environment:
          JAVA_OPTS                 JVM options of the benchmarks' own JVM
          BENCH_STACK_JAVA_OPTS     JVM options of the local stack's, e.g.
                                    -XX:StartFlightRecording=filename=/tmp/stack.jfr to profile it
        """
        .formatted(String.join(",", all));
  }

  private static List<String> chosen(String value, List<String> all) {
    List<String> names = new ArrayList<>();
    for (String name : value.split(",")) {
      String trimmed = name.strip();
      if (!all.contains(trimmed)) {
        throw new IllegalArgumentException(
            "unknown benchmark '" + trimmed + "'; choose from " + all);
      }
      names.add(trimmed);
    }
    return all.stream().filter(names::contains).toList();
  }

  private static int number(String name, String value, int min, int max) {
    try {
      int number = Integer.parseInt(value.strip());
      if (number < min || number > max) {
        throw new IllegalArgumentException("--" + name + " must be from " + min + " to " + max);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " needs a whole number, not '" + value + "'");
    }
  }
}
