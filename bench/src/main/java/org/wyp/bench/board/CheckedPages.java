package org.wyp.bench.board;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.wyp.bench.load.Call;
import org.wyp.bench.load.LoadResult;
import tools.jackson.databind.JsonNode;

/**
 * Requests random pages of a list and checks each answer against the data loaded: the total must be
 * what was loaded, the page as full as that total allows, and every item of the kind asked for. A
 * wrong answer stops the benchmark, so a server that answers fast with the wrong data (an empty
 * board, a filter ignored, an error page) cannot produce a good figure.
 */
final class CheckedPages implements Call {

  private static final Duration SETTLE_POLL = Duration.ofMillis(50);

  private final IntFunction<URI> uriOfPage;
  private final long expectedTotal;
  private final int size;
  private final Predicate<JsonNode> item;
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicLong wrongAnswers = new AtomicLong();
  private final AtomicReference<IllegalStateException> firstWrongAnswer = new AtomicReference<>();

  /**
   * @param uriOfPage the request for a page number
   * @param expectedTotal how many items the list must hold
   * @param size the page size the requests ask for
   * @param item what every item must satisfy
   */
  CheckedPages(IntFunction<URI> uriOfPage, long expectedTotal, int size, Predicate<JsonNode> item) {
    this.uriOfPage = uriOfPage;
    this.expectedTotal = expectedTotal;
    this.size = size;
    this.item = item;
  }

  @Override
  public CompletableFuture<Integer> send(long index) {
    int pages = (int) Math.max(1, (expectedTotal + size - 1) / size);
    int page = ThreadLocalRandom.current().nextInt(pages);
    URI uri = uriOfPage.apply(page);
    inFlight.incrementAndGet();
    return JsonPages.getAsync(uri)
        .thenApply(
            body -> {
              check(uri, page, body);
              return 200;
            })
        .whenComplete(
            (status, failure) -> {
              inFlight.decrementAndGet();
              if (failure instanceof CompletionException wrapped
                  && wrapped.getCause() instanceof IllegalStateException wrong) {
                wrongAnswers.incrementAndGet();
                firstWrongAnswer.compareAndSet(null, wrong);
              }
            });
  }

  /**
   * The load's result, if every page that was answered was right. Pages not answered at all (the
   * server too slow to answer before the load gave up on them) are the result's failures: a figure
   * to report, not a broken benchmark.
   *
   * @throws IllegalStateException naming the first wrong answer, when there was one, or when no
   *     page was answered at all
   */
  LoadResult passed(LoadResult result) {
    if (wrongAnswers.get() > 0) {
      throw new IllegalStateException(
          wrongAnswers.get() + " wrong answers, the first: " + firstWrongAnswer.get().getMessage());
    }
    if (result.succeeded() == 0) {
      throw new IllegalStateException("no page answered: " + result);
    }
    return result;
  }

  /**
   * Fails unless a warm-up and the load after it were answered right: with {@code checked}, every
   * page answered must have passed its check (pages left unanswered are the result's failures);
   * without, every request must have been answered 200.
   */
  static void requireAnswered(CheckedPages checked, LoadResult warmUp, LoadResult measured)
      throws InterruptedException {
    if (checked != null) {
      checked.awaitSettled();
      checked.passed(warmUp);
      checked.passed(measured);
    } else if (warmUp.failed() + measured.failed() > 0) {
      throw new IllegalStateException(measured + " after " + warmUp);
    }
  }

  /**
   * Waits until the pages a load gave up on are answered or time out: until then the server is
   * still working through them, and the next load would measure that backlog as well.
   */
  void awaitSettled() throws InterruptedException {
    while (inFlight.get() > 0) {
      Thread.sleep(SETTLE_POLL);
    }
  }

  private void check(URI uri, int page, JsonNode body) {
    long total = body.path("totalElements").asLong(-1);
    if (total != expectedTotal) {
      throw new IllegalStateException(
          "GET " + uri + " reports " + total + " items, not the " + expectedTotal + " loaded");
    }
    JsonNode content = body.path("content");
    long expectedItems = Math.min(size, expectedTotal - (long) page * size);
    if (content.size() != expectedItems) {
      throw new IllegalStateException(
          "GET " + uri + " holds " + content.size() + " items, not " + expectedItems);
    }
    for (JsonNode each : content) {
      if (!item.test(each)) {
        throw new IllegalStateException("GET " + uri + " holds an unexpected item: " + each);
      }
    }
  }
}
