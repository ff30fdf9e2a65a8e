package org.wyp.bench.board;

import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wyp.bench.load.Call;
import org.wyp.bench.load.ClosedLoad;
import org.wyp.bench.load.HttpCalls;
import org.wyp.bench.load.LoadResult;
import org.wyp.bench.load.OpenLoad;
import org.wyp.bench.report.Measurement;
import org.wyp.events.view.PublicViews;

/**
 * The public board's pages under an open load, as visitors' browsers request them: random pages of
 * problems and of their pitch counts at a fixed rate, beside web's liveness probe at the same rate
 * (the same server and filters, no work), each after a short warm-up at the same rate.
 */
final class BoardQueries {

  static final double RATE = 100;
  static final int PAGE_SIZE = 20;
  private static final int CLIENTS = 4;
  private static final Duration WARM_UP = Duration.ofSeconds(3);

  private final WebBoard board;
  private final Duration duration;
  private final PrintStream progress;

  BoardQueries(WebBoard board, Duration duration, PrintStream progress) {
    this.board = board;
    this.duration = duration;
    this.progress = progress;
  }

  /**
   * @param problems how many problems the board holds, and so how many pitch counts
   * @param dataSet what the board holds, for the figures' labels
   */
  List<Measurement> measure(String benchmark, long problems, String dataSet)
      throws InterruptedException {
    Call liveness = index -> HttpCalls.send(HttpRequest.newBuilder(board.liveness()).build());
    LoadResult probe = run("web liveness", liveness, null);

    List<Measurement> figures = new ArrayList<>();
    for (String kind : List.of(PublicViews.PROBLEM, PublicViews.PROBLEM_STATS)) {
      CheckedPages pages =
          new CheckedPages(
              page -> board.page(kind, page, PAGE_SIZE),
              problems,
              PAGE_SIZE,
              item -> kind.equals(item.path("kind").asString()));
      LoadResult result = run("kind=" + kind + " random pages", pages, pages);
      String query = "GET /api/views?kind=" + kind + "&size=" + PAGE_SIZE;
      figures.addAll(
          LatencyFigures.of(
              benchmark,
              query,
              String.format(Locale.ROOT, "random pages at %.0f/s, %s", RATE, dataSet),
              result,
              probe));
      // What the board can serve at most: says how far the fixed rate is from saturating it.
      LoadResult saturated =
          pages.passed(
              ClosedLoad.run(
                  "kind=" + kind + " random pages, saturated",
                  CLIENTS,
                  WARM_UP,
                  duration,
                  200,
                  pages));
      progress.println("[bench] board: " + saturated);
      figures.add(
          Measurement.of(
              benchmark,
              query + " sustained (" + CLIENTS + " clients, " + dataSet + ")",
              saturated.throughput(),
              "req/s"));
    }
    return figures;
  }

  /** Warms up, then measures; see {@link CheckedPages#requireAnswered}. */
  private LoadResult run(String name, Call call, CheckedPages checked) throws InterruptedException {
    String at = String.format(Locale.ROOT, " at %.0f/s", RATE);
    LoadResult warmUp = OpenLoad.run(name + " warm-up" + at, RATE, WARM_UP, 200, call);
    if (checked != null) {
      checked.awaitSettled();
    }
    LoadResult measured = OpenLoad.run(name + at, RATE, duration, 200, call);
    CheckedPages.requireAnswered(checked, warmUp, measured);
    progress.println("[bench] board: " + measured);
    return measured;
  }
}
