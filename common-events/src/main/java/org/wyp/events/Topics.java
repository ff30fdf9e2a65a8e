package org.wyp.events;

/** Kafka topic names. A new major version of a topic is a new name, never an edit of one here. */
public final class Topics {

  /** Round lifecycle; key roundId. */
  public static final String ROUNDS = "wyp.rounds.v1";

  /** Problem statements and endorsements; key problemId. */
  public static final String PROBLEMS = "wyp.problems.v1";

  /** SME registrations (key smeId) and submissions (key submissionId). */
  public static final String SUBMISSIONS = "wyp.submissions.v1";

  /** Shortlisting, scoring and conclusions; key roundId so a round's judging stays in order. */
  public static final String JUDGING = "wyp.judging.v1";

  /** Awards (key awardId) and funds (key roundId). */
  public static final String AWARDS = "wyp.awards.v1";

  /** Public views for web front ends, compacted; key {@code <kind>:<id>}. */
  public static final String UPDATES = "wyp.updates.v1";

  public static final String DEAD_LETTER_SUFFIX = "-dlt";

  private Topics() {}

  public static String deadLetterOf(String topic) {
    return topic + DEAD_LETTER_SUFFIX;
  }
}
