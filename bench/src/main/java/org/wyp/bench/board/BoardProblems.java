package org.wyp.bench.board;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Makes the benchmark's problems: titles, themes, boroughs and owners drawn from what a city
 * region's programme publishes, so that filters select realistic shares and pages hold realistic
 * text. Seeded, so every run loads the same mix.
 */
final class BoardProblems {

  /** A kind of problem: its theme and how its title and summary read. */
  private record Issue(String theme, String title, String summary) {}

  private static final List<Issue> ISSUES =
      List.of(
          new Issue(
              "health",
              "Repeat asthma admissions from damp homes",
              "Damp and mould in rented homes drive repeat asthma admissions among children"),
          new Issue(
              "housing",
              "Slow adaptations for disabled tenants",
              "Tenants wait months for grab rails and ramps, and some go into care meanwhile"),
          new Issue(
              "transport",
              "Unreliable buses on orbital routes",
              "Cross-town buses miss a third of their timetabled stops at peak times"),
          new Issue(
              "environment",
              "Fly-tipping hotspots on back alleys",
              "Clearing the same alleys every week costs more than preventing the dumping"),
          new Issue(
              "education",
              "Persistent absence after the move to secondary",
              "One pupil in five misses a tenth of their first secondary year"),
          new Issue(
              "social-care",
              "Loneliness among unpaid carers",
              "Carers of working age lose touch with work and friends within two years"),
          new Issue(
              "economy",
              "Empty shops on district high streets",
              "Vacancy on district parades doubled and landlords cannot find tenants"),
          new Issue(
              "community-safety",
              "Anti-social driving on residential streets",
              "Residents report speeding and street racing that cameras do not deter"),
          new Issue(
              "digital-inclusion",
              "Older residents shut out of online services",
              "Appointments and benefits moved online and a fifth of over-75s cannot follow"),
          new Issue(
              "net-zero",
              "Energy debt in social housing",
              "Tenants in the least efficient homes ration heating and still fall into arrears"),
          new Issue(
              "family-support",
              "Food insecurity in the school holidays",
              "Families who rely on free school meals run short every summer"),
          new Issue(
              "employment",
              "Young people out of work after college",
              "Leavers of vocational courses take a year to find work in their trade"));

  private static final List<String> BOROUGHS =
      List.of(
          "Liverpool",
          "Knowsley",
          "Sefton",
          "Wirral",
          "St Helens",
          "Halton",
          "Manchester",
          "Salford",
          "Trafford",
          "Stockport",
          "Wigan",
          "Bolton",
          "Oldham",
          "Rochdale",
          "Bury",
          "Tameside");

  private static final List<String> REGIONAL_OWNERS =
      List.of(
          "NHS Cheshire and Merseyside",
          "Merseytravel",
          "Transport for Greater Manchester",
          "Liverpool City Region Combined Authority",
          "Greater Manchester Combined Authority");

  /** Problems are published over the months before the benchmark, as on a board in use. */
  private static final Duration PUBLISHED_OVER = Duration.ofDays(180);

  private BoardProblems() {}

  /**
   * @param pitches how many pitches to spread over the problems; their counts add up to it
   */
  static List<BoardProblem> generate(int count, long pitches, long seed) {
    Random random = new Random(seed);
    long[] pitchCounts = PitchCounts.split(pitches, count, random);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    List<BoardProblem> problems = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Issue issue = ISSUES.get(random.nextInt(ISSUES.size()));
      String borough = BOROUGHS.get(random.nextInt(BOROUGHS.size()));
      List<String> boroughs =
          random.nextInt(4) == 0
              ? List.of(borough, BOROUGHS.get((BOROUGHS.indexOf(borough) + 1) % BOROUGHS.size()))
              : List.of(borough);
      String owner =
          random.nextInt(3) == 0
              ? REGIONAL_OWNERS.get(random.nextInt(REGIONAL_OWNERS.size()))
              : borough + " Council";
      Instant publishedAt =
          now.minusMillis((long) (random.nextDouble() * PUBLISHED_OVER.toMillis()));
      Instant updatedAt =
          random.nextInt(5) == 0
              ? min(now, publishedAt.plus(random.nextInt(1, 240), ChronoUnit.HOURS))
              : publishedAt;
      problems.add(
          new BoardProblem(
              randomUuid(random),
              issue.title() + " in " + borough + " (" + (i + 1) + ")",
              issue.summary(),
              issue.theme(),
              owner,
              boroughs,
              publishedAt,
              updatedAt,
              pitchCounts[i]));
    }
    return problems;
  }

  static List<String> themes() {
    return ISSUES.stream().map(Issue::theme).toList();
  }

  /** A version 4 UUID, as the services make, but from the seeded generator. */
  private static UUID randomUuid(Random random) {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
