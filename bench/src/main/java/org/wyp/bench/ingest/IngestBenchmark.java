package org.wyp.bench.ingest;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.wyp.bench.load.Call;
import org.wyp.bench.load.ClosedLoad;
import org.wyp.bench.load.HttpCalls;
import org.wyp.bench.load.LoadResult;
import org.wyp.bench.load.OpenLoad;
import org.wyp.bench.report.Baseline;
import org.wyp.bench.report.Measurement;
import org.wyp.bench.report.Target;
import org.wyp.bench.setup.Programme;
import org.wyp.bench.stack.StackProcess;

/**
 * How many pitches submission-service accepts per second, and how fast it answers at a fixed
 * arrival rate, beside a trivial endpoint of the same service: its liveness probe, which passes the
 * same web server and security filters and does no work. Every pitch is a new one (its own SME and
 * problem pair), validated, stored with its event in one document write and answered 201.
 */
public final class IngestBenchmark {

  private static final String NAME = "ingest";
  private static final int CLIENTS = 32;
  private static final Duration WARM_UP = Duration.ofSeconds(3);

  private final StackProcess stack;
  private final Duration duration;
  private final PrintStream progress;

  public IngestBenchmark(StackProcess stack, Duration duration, PrintStream progress) {
    this.stack = stack;
    this.duration = duration;
    this.progress = progress;
  }

  public List<Measurement> run() throws InterruptedException {
    Pitches pitches = preparePitches();
    URI liveness = URI.create(stack.url("submission-service") + "/actuator/health/liveness");
    Call trivial = index -> HttpCalls.send(HttpRequest.newBuilder(liveness).GET().build());

    LoadResult trivialMax =
        ClosedLoad.run("liveness, saturated", CLIENTS, WARM_UP, duration, 200, trivial);
    progress.println("[bench] ingest: " + trivialMax);
    LoadResult ingestMax =
        ClosedLoad.run("pitches, saturated", CLIENTS, WARM_UP, duration, 201, pitches);
    progress.println("[bench] ingest: " + ingestMax);

    double rate = Math.floor(ingestMax.throughput() / 2);
    LoadResult ingestAtHalf =
        OpenLoad.run("pitches at " + (long) rate + "/s", rate, duration, 201, pitches);
    progress.println("[bench] ingest: " + ingestAtHalf);
    LoadResult trivialAtHalf =
        OpenLoad.run("liveness at " + (long) rate + "/s", rate, duration, 200, trivial);
    progress.println("[bench] ingest: " + trivialAtHalf);

    String at = " at " + (long) rate + "/s (open)";
    List<Measurement> figures = new ArrayList<>();
    figures.add(
        Measurement.of(
                NAME,
                "POST /api/submissions sustained (" + CLIENTS + " clients)",
                ingestMax.throughput(),
                "req/s")
            .against(new Baseline("liveness probe", trivialMax.throughput()))
            .target(Target.ratioAtLeast(0.5)));
    for (double percentile : new double[] {50, 99, 99.9}) {
      Measurement figure =
          Measurement.of(
                  NAME,
                  "POST /api/submissions p" + label(percentile) + at,
                  ingestAtHalf.percentileMillis(percentile),
                  "ms")
              .against(new Baseline("liveness probe", trivialAtHalf.percentileMillis(percentile)));
      figures.add(percentile == 99 ? figure.target(Target.below(50)) : figure);
    }
    long failed = ingestMax.failed() + ingestAtHalf.failed();
    figures.add(
        Measurement.of(NAME, "pitches not answered 201", failed, "req").target(Target.below(1)));
    return figures;
  }

  private static String label(double percentile) {
    return percentile == Math.rint(percentile)
        ? Long.toString((long) percentile)
        : Double.toString(percentile);
  }

  /** A round with enough problems and SMEs that every request of the benchmark is a new pitch. */
  private Pitches preparePitches() {
    Programme programme = new Programme(stack);
    UUID round = programme.openRound("Ingest benchmark");
    int side = 150;
    progress.printf("[bench] ingest: a round with %d problems and %d SMEs ...%n", side, side);
    List<UUID> problems = programme.publishProblems(round, side);
    List<Programme.Sme> smes = programme.registerSmes(side + 1);
    // The first SME pitches once to each problem: it waits until submission-service knows them all.
    Programme.Sme scout = smes.removeFirst();
    for (int i = 0; i < problems.size(); i++) {
      programme.pitch(scout, problems.get(i), i);
    }
    return new Pitches(stack.url("submission-service"), problems, smes);
  }

  /**
   * Every load's pitches, numbered across loads so that no pair is pitched twice. SMEs vary
   * fastest, so each SME's requests stay far apart (under its per-caller write limit).
   */
  private record Pitches(
      String baseUrl, List<UUID> problems, List<Programme.Sme> smes, AtomicLong sent)
      implements Call {

    Pitches(String baseUrl, List<UUID> problems, List<Programme.Sme> smes) {
      this(baseUrl, problems, smes, new AtomicLong());
    }

    @Override
    public CompletableFuture<Integer> send(long ignored) {
      long index = sent.getAndIncrement();
      long pairs = (long) problems.size() * smes.size();
      if (index >= pairs) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("all " + pairs + " SME and problem pairs have pitched"));
      }
      Programme.Sme sme = smes.get((int) (index % smes.size()));
      UUID problem = problems.get((int) (index / smes.size()));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl + "/api/submissions"))
              .header("Authorization", "Bearer " + sme.token())
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      Programme.pitchJson(problem, sme.id(), (int) index)))
              .build();
      return HttpCalls.send(request);
    }
  }
}
