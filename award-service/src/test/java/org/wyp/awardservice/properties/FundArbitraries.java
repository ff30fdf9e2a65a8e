package org.wyp.awardservice.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.wyp.awardservice.allocation.Candidate;
import org.wyp.awardservice.allocation.FundTerms;
import org.wyp.awardservice.allocation.TrancheTerm;
import org.wyp.events.award.AllocationPolicy;

/**
 * Fund terms within what {@code PUT /api/funds/{roundId}} accepts, and judging rankings as a
 * JudgingConcluded may carry them: ranks from 1 (ties and gaps included, as the event allows) or
 * null below quorum, requested amounts of zero or more.
 */
final class FundArbitraries {

  /** The API's limits (FundRequest): a budget or cap of at most £1bn, 100 awards, weight 10,000. */
  static final long MAX_BUDGET_PENCE = 100_000_000_000L;

  static final int MAX_AWARDS = 100;
  static final int MAX_WEIGHT = 10_000;

  private FundArbitraries() {}

  /** Budgets of every size, tiny ones (a few pence) included as often as realistic ones. */
  static Arbitrary<Long> budgets() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.longs().between(1, 200)),
        Tuple.of(1, Arbitraries.longs().between(1, 10_000_000)),
        Tuple.of(1, Arbitraries.longs().between(1, MAX_BUDGET_PENCE)));
  }

  static Arbitrary<Integer> maxAwards() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.integers().between(1, 8)),
        Tuple.of(1, Arbitraries.integers().between(1, MAX_AWARDS)));
  }

  /** One to five milestones whose percentages sum to 100. */
  static Arbitrary<List<TrancheTerm>> tranches() {
    return Arbitraries.integers()
        .between(1, 99)
        .set()
        .ofMaxSize(4)
        .map(
            cuts -> {
              List<Integer> bounds = new ArrayList<>(new TreeSet<>(cuts));
              bounds.add(0, 0);
              bounds.add(100);
              List<TrancheTerm> terms = new ArrayList<>();
              for (int i = 1; i < bounds.size(); i++) {
                terms.add(new TrancheTerm("Milestone " + i, bounds.get(i) - bounds.get(i - 1)));
              }
              return List.copyOf(terms);
            });
  }

  static Arbitrary<FundTerms> terms() {
    return Arbitraries.of(AllocationPolicy.class).flatMap(FundArbitraries::terms);
  }

  static Arbitrary<FundTerms> terms(AllocationPolicy policy) {
    return Combinators.combine(budgets(), maxAwards(), tranches())
        .flatAs(
            (budget, maxAwards, tranches) ->
                switch (policy) {
                  case EQUAL_SPLIT ->
                      Arbitraries.just(
                          new FundTerms(budget, maxAwards, policy, List.of(), null, tranches));
                  case RANK_WEIGHTED ->
                      Arbitraries.integers()
                          .between(1, MAX_WEIGHT)
                          .list()
                          .ofSize(maxAwards)
                          .map(
                              weights ->
                                  new FundTerms(
                                      budget, maxAwards, policy, weights, null, tranches));
                  case REQUESTED_CAPPED ->
                      Arbitraries.frequencyOf(
                              Tuple.of(1, Arbitraries.longs().between(1, 200)),
                              Tuple.of(2, Arbitraries.longs().between(1, MAX_BUDGET_PENCE)))
                          .map(
                              cap ->
                                  new FundTerms(
                                      budget, maxAwards, policy, List.of(), cap, tranches));
                });
  }

  /** Up to 30 pitches with distinct ids in no particular order. */
  static Arbitrary<List<Candidate>> rankings() {
    Arbitrary<Integer> rank =
        Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.integers().between(1, 40)),
            Tuple.of(1, Arbitraries.just((Integer) null)));
    Arbitrary<Long> requested =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(0L)),
            Tuple.of(2, Arbitraries.longs().between(1, 200)),
            Tuple.of(4, Arbitraries.longs().between(1, MAX_BUDGET_PENCE)));
    return Combinators.combine(Arbitraries.integers().between(1, 999), rank, requested)
        .as(
            (key, place, asked) ->
                new Candidate(new UUID(0, key), new UUID(1, key), new UUID(2, key), place, asked))
        .list()
        .ofMaxSize(30)
        .uniqueElements(Candidate::pitchId);
  }

  /** A ranking as judging concludes one: ranks 1..k in order, then the pitches below quorum. */
  static Arbitrary<List<Candidate>> concludedRankings() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 3))
        .flatAs(
            (ranked, unranked) ->
                Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.just(0L)),
                        Tuple.of(2, Arbitraries.longs().between(1, 200)),
                        Tuple.of(4, Arbitraries.longs().between(1, MAX_BUDGET_PENCE)))
                    .list()
                    .ofSize(ranked + unranked)
                    .map(
                        asked -> {
                          List<Candidate> ranking = new ArrayList<>();
                          for (int i = 0; i < ranked + unranked; i++) {
                            ranking.add(
                                new Candidate(
                                    new UUID(0, i + 1),
                                    new UUID(1, i + 1),
                                    new UUID(2, i + 1),
                                    i < ranked ? i + 1 : null,
                                    asked.get(i)));
                          }
                          return List.copyOf(ranking);
                        }));
  }
}
