package org.wyp.bench.board;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.wyp.bench.report.Measurement;
import org.wyp.bench.setup.Programme;
import org.wyp.bench.stack.StackProcess;
import org.wyp.events.view.PublicViews;

/**
 * The problem board at the size of a busy programme: how fast the public board (web's in-memory
 * copy of the update topic) and the organisers' search (problem-service over MongoDB) answer a page
 * once they hold {@code problems} problems and the state after {@code submissions} pitches. The
 * data set goes in around the APIs (views onto the topic as the outboxes publish them, copies of a
 * real problem document into the collection), and every page measured is checked against it.
 */
public final class BoardBenchmark {

  private static final String NAME = "board";

  /** The same data set every run, so runs compare. */
  private static final long SEED = 20_260_101L;

  private static final String SEARCH_THEME = "housing";
  private static final Duration TEMPLATE_ON_BOARD = Duration.ofSeconds(60);

  private final StackProcess stack;
  private final int problems;
  private final int submissions;
  private final Duration duration;
  private final PrintStream progress;

  public BoardBenchmark(
      StackProcess stack, int problems, int submissions, Duration duration, PrintStream progress) {
    this.stack = stack;
    this.problems = problems;
    this.submissions = submissions;
    this.duration = duration;
    this.progress = progress;
  }

  public List<Measurement> run() throws Exception {
    progress.printf(
        Locale.ROOT,
        "[bench] board: %,d problems with %,d pitches between them ...%n",
        problems,
        submissions);
    List<BoardProblem> dataSet = BoardProblems.generate(problems, submissions, SEED);
    Programme programme = new Programme(stack);
    UUID round = programme.openRound("Board benchmark");
    UUID template = programme.publishProblems(round, 1).getFirst();

    // The public board first, measured before the search's collection grows: the stack is one
    // process, and once the collection is large problem-service's outbox relay keeps about a core
    // busy scanning it for pending events every half second, which the board's figures would carry.
    WebBoard board = new WebBoard(stack);
    board.awaitNewest(PublicViews.PROBLEM, template, TEMPLATE_ON_BOARD);
    board.awaitNewest(PublicViews.PROBLEM_STATS, template, TEMPLATE_ON_BOARD);
    long problemsBefore = board.total(PublicViews.PROBLEM);
    long statsBefore = board.total(PublicViews.PROBLEM_STATS);
    List<Measurement> figures = new ArrayList<>();
    for (LoadRate rate :
        new PublicBoardLoader(stack, board, progress)
            .load(dataSet, round, problemsBefore, statsBefore)) {
      figures.add(rate.measurement(NAME));
    }
    long onBoard = problemsBefore + problems;
    figures.add(checkBoard(board, round, onBoard, statsBefore + problems));
    figures.addAll(
        new BoardQueries(board, duration, progress)
            .measure(
                NAME,
                onBoard,
                String.format(
                    Locale.ROOT, "%,d problems, counts of %,d pitches", onBoard, submissions)));

    ProblemSearch search = new ProblemSearch(stack);
    long publishedBefore = search.total(Optional.empty());
    long themedBefore = search.total(Optional.of(SEARCH_THEME));
    figures.add(
        new ProblemCollectionLoader(stack, progress).load(template, dataSet).measurement(NAME));
    long published = publishedBefore + problems;
    long themed =
        themedBefore + dataSet.stream().filter(p -> p.theme().equals(SEARCH_THEME)).count();
    figures.addAll(
        new SearchQueries(search, duration, progress)
            .measure(
                NAME,
                published,
                SEARCH_THEME,
                themed,
                String.format(Locale.ROOT, "%,d published", published)));
    // Pitch documents are left out: the board shows pitches only as the counts loaded above and
    // the search never reads them. Tried: bulk inserts into wyp-submissions slowed from 2,200/s to
    // under 300/s by 160,000 documents (a million would take hours), and with 200,000 of them
    // submission-service's outbox relay, scanning them every half second, kept 1.8 cores busy.
    figures.add(
        Measurement.of(
            NAME,
            "pitch documents inserted into wyp-submissions (none: no query measured reads them)",
            0,
            "docs"));
    return figures;
  }

  /**
   * Fails unless the board holds exactly the problems and pitch counts loaded and its counts for
   * the round add up to every pitch; the time it takes to read them all is a figure of its own.
   */
  private Measurement checkBoard(WebBoard board, UUID round, long problemsShown, long statsShown)
      throws IOException, InterruptedException {
    long shownProblems = board.total(PublicViews.PROBLEM);
    long shownStats = board.total(PublicViews.PROBLEM_STATS);
    if (shownProblems != problemsShown || shownStats != statsShown) {
      throw new IllegalStateException(
          String.format(
              "web's board shows %d problems and %d pitch counts, not the %d and %d loaded",
              shownProblems, shownStats, problemsShown, statsShown));
    }
    long begin = System.nanoTime();
    long pitches = board.pitchesShownFor(round, PublicViews.PROBLEM_STATS);
    Duration took = Duration.ofNanos(System.nanoTime() - begin);
    if (pitches != submissions) {
      throw new IllegalStateException(
          "web's board counts " + pitches + " pitches for the round, not the " + submissions);
    }
    progress.printf(
        Locale.ROOT,
        "[bench] board: holds %,d problems, their counts add up to %,d pitches (read in %.1f s)%n",
        shownProblems,
        pitches,
        took.toNanos() / 1e9);
    return Measurement.of(
        NAME,
        "reading every pitch count off web's board, pages of 500",
        took.toNanos() / 1e6,
        "ms");
  }
}
