package org.wyp.bench.board;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.wyp.bench.stack.StackProcess;

/**
 * Fills problem-service's collection with the data set for the organisers' search: copies of one
 * problem published through the API, so that every copy has exactly the stored shape the service
 * reads, with the data set's id, title, theme, boroughs, owner and dates. Bulk inserts, because
 * 100,000 drafts and publications through the API would take hours.
 */
final class ProblemCollectionLoader {

  /** problem-service's database ({@code problem-service.properties}) and collection. */
  private static final String DATABASE = "wyp-problems";

  private static final String COLLECTION = "problems";
  private static final int BATCH = 1_000;

  /** The aggregate store's outbox array ({@code AggregateStore.OUTBOX_FIELD}). */
  private static final String OUTBOX = "outbox";

  private final StackProcess stack;
  private final PrintStream progress;

  ProblemCollectionLoader(StackProcess stack, PrintStream progress) {
    this.stack = stack;
    this.progress = progress;
  }

  /** Inserts a copy of the template for every problem of the data set. */
  LoadRate load(UUID template, List<BoardProblem> problems) {
    try (MongoClient client = MongoClients.create(stack.mongoUri())) {
      MongoCollection<Document> collection = client.getDatabase(DATABASE).getCollection(COLLECTION);
      Document stored = collection.find(eq("_id", template.toString())).first();
      if (stored == null) {
        throw new IllegalStateException(
            "problem " + template + " is not in " + DATABASE + "." + COLLECTION);
      }
      long begin = System.nanoTime();
      long reported = 0;
      List<Document> batch = new ArrayList<>(BATCH);
      for (int i = 0; i < problems.size(); i++) {
        batch.add(copy(stored, problems.get(i)));
        if (batch.size() < BATCH && i < problems.size() - 1) {
          continue;
        }
        collection.insertMany(batch, new InsertManyOptions().ordered(false));
        batch.clear();
        long percent = (i + 1) * 100L / problems.size();
        if (percent >= reported + 10) {
          reported = percent / 10 * 10;
          progress.printf(
              "[bench] board: %3d%% of %,d problem documents inserted (%,.0f/s)%n",
              percent, problems.size(), (i + 1) / ((System.nanoTime() - begin) / 1e9));
        }
      }
      LoadRate rate =
          new LoadRate(
              "problem documents bulk-inserted, batches of " + BATCH,
              problems.size(),
              "docs",
              Duration.ofNanos(System.nanoTime() - begin));
      progress.println("[bench] board: " + rate);
      return rate;
    }
  }

  /**
   * The template with the problem's own fields. Its outbox is emptied: the template's pending
   * events are its own, and a copy carrying them would have the relay publish them once per copy.
   */
  private static Document copy(Document template, BoardProblem problem) {
    Document copy = new Document(template);
    copy.put("_id", problem.id().toString());
    copy.put("status", BoardProblem.PUBLISHED);
    Document content = new Document(template.get("content", Document.class));
    content.put("title", problem.title());
    content.put("summary", problem.summary());
    content.put("theme", problem.theme());
    content.put("ownerOrganisation", problem.ownerOrganisation());
    content.put("boroughs", problem.boroughs());
    copy.put("content", content);
    copy.put("createdAt", sameTypeAs(template.get("createdAt"), problem.publishedAt()));
    copy.put("publishedAt", sameTypeAs(template.get("publishedAt"), problem.publishedAt()));
    copy.put("updatedAt", sameTypeAs(template.get("updatedAt"), problem.updatedAt()));
    copy.put(OUTBOX, List.of());
    return copy;
  }

  /** An instant stored the way the template stores its dates. */
  private static Object sameTypeAs(Object stored, Instant instant) {
    if (stored instanceof Date) {
      return Date.from(instant);
    }
    if (stored instanceof String) {
      return instant.toString();
    }
    throw new IllegalStateException("the template stores a date as " + stored);
  }
}
