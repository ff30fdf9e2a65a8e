package org.wyp.bench.board;

import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wyp.bench.load.Call;
import org.wyp.bench.load.HttpCalls;
import org.wyp.bench.load.LoadResult;
import org.wyp.bench.report.Measurement;

/**
 * The organisers' problem search, one query at a time: on the local stack's MongoDB server every
 * such query reads and sorts the whole collection (it has no secondary indexes), which takes far
 * too long to put under a fixed arrival rate. Beside it, problem-service's liveness probe asked the
 * same way.
 */
final class SearchQueries {

  static final int PAGE_SIZE = 20;
  private static final int QUERIES = 20;
  private static final int WARM_UP_QUERIES = 2;

  private final ProblemSearch search;
  private final Duration duration;
  private final PrintStream progress;

  SearchQueries(ProblemSearch search, Duration duration, PrintStream progress) {
    this.search = search;
    this.duration = duration;
    this.progress = progress;
  }

  /**
   * @param published how many published problems the search must report
   * @param theme a theme to filter on, and how many published problems have it
   * @param dataSet what the collection holds, for the figures' labels
   */
  List<Measurement> measure(
      String benchmark, long published, String theme, long withTheme, String dataSet)
      throws InterruptedException {
    Call liveness = index -> HttpCalls.send(HttpRequest.newBuilder(search.liveness()).build());
    LoadResult probe = run("problem-service liveness", liveness, null);

    List<Measurement> figures = new ArrayList<>();
    for (Optional<String> filter : List.of(Optional.<String>empty(), Optional.of(theme))) {
      CheckedPages pages =
          new CheckedPages(
              page -> search.page(filter, page, PAGE_SIZE),
              filter.isEmpty() ? published : withTheme,
              PAGE_SIZE,
              item ->
                  BoardProblem.PUBLISHED.equals(item.path("status").asString())
                      && filter.map(t -> t.equals(item.path("theme").asString())).orElse(true));
      String query =
          "GET /api/problems?status=PUBLISHED"
              + filter.map(t -> "&theme=" + t).orElse("")
              + "&size="
              + PAGE_SIZE;
      LoadResult result = run(query + " random pages", pages, pages);
      figures.addAll(
          LatencyFigures.of(
              benchmark,
              query,
              "one client, " + result.latencyMicros().getTotalCount() + " queries, " + dataSet,
              result,
              probe));
    }
    return figures;
  }

  /** Warms up, then measures; see {@link CheckedPages#requireAnswered}. */
  private LoadResult run(String name, Call call, CheckedPages checked) throws InterruptedException {
    LoadResult warmUp = OneClient.run(name + " warm-up", WARM_UP_QUERIES, Duration.ZERO, 200, call);
    progress.println("[bench] board: " + warmUp);
    LoadResult measured = OneClient.run(name + ", one client", QUERIES, duration, 200, call);
    CheckedPages.requireAnswered(checked, warmUp, measured);
    progress.println("[bench] board: " + measured);
    return measured;
  }
}
