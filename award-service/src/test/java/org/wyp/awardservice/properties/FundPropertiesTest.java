package org.wyp.awardservice.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;
import org.wyp.awardservice.allocation.FundTerms;
import org.wyp.awardservice.fund.AwardStatus;
import org.wyp.awardservice.properties.FundMachine.AwardModel;

/**
 * A round's fund under any sequence of commands, valid and invalid: terms set and changed,
 * judging's conclusion delivered early, late or again, awards accepted (by their SME or another),
 * tranches released in and out of order, awards revoked. After every step the ledger balances, no
 * account is overdrawn, paid ≤ allocated ≤ budget, and the awards are what the rules say.
 */
class FundPropertiesTest {

  @Property(tries = 200)
  void theLedgerBalancesAndTheAwardsFollowTheRulesAfterEveryCommand(
      @ForAll("funds") ActionChain<FundMachine> chain) {
    chain
        .withInvariant("ledger balances", FundMachine::ledgerBalances)
        .withInvariant("awards follow the rules", FundMachine::awardsAgreeWithTheModelAndTheLedger)
        .run();
    FundMachine end = chain.finalState().orElseThrow();
    int awards = end.awards().size();
    Statistics.label("awards granted").collect(awards == 0 ? "0" : awards < 4 ? "1-3" : "4+");
    for (AwardStatus status : AwardStatus.values()) {
      Statistics.label("an award ends " + status)
          .collect(end.awards().stream().anyMatch(a -> a.status == status));
    }
  }

  @Provide
  Arbitrary<ActionChain<FundMachine>> funds() {
    return ActionChain.startWith(FundMachine::new)
        .withAction(1, new Configure())
        .withAction(1, new Conclude())
        .withAction(3, new Accept())
        .withAction(6, new Release())
        .withAction(1, new Revoke())
        .withMaxTransformations(30);
  }

  /** New terms, or the current ones again. */
  static class Configure implements Action.Dependent<FundMachine> {
    @Override
    public Arbitrary<Transformer<FundMachine>> transformer(FundMachine state) {
      Arbitrary<FundTerms> terms =
          state.terms() == null
              ? FundArbitraries.terms()
              : Arbitraries.frequencyOf(
                  Tuple.of(1, Arbitraries.just(state.terms())),
                  Tuple.of(3, FundArbitraries.terms()));
      return terms.map(t -> Transformer.mutate("configure " + t, m -> m.configure(t)));
    }
  }

  /** Judging's conclusion, possibly again or out of order (judging versions 1 to 3). */
  static class Conclude implements Action.Independent<FundMachine> {
    @Override
    public Arbitrary<Transformer<FundMachine>> transformer() {
      return Combinators.combine(
              FundArbitraries.concludedRankings(), Arbitraries.longs().between(1, 3))
          .as(
              (ranking, version) ->
                  Transformer.mutate(
                      "conclude v" + version + " " + ranking, m -> m.conclude(ranking, version)));
    }
  }

  static class Accept implements Action.Dependent<FundMachine> {
    @Override
    public boolean precondition(FundMachine state) {
      return state.exists();
    }

    @Override
    public Arbitrary<Transformer<FundMachine>> transformer(FundMachine state) {
      return Combinators.combine(
              awardIds(state), Arbitraries.frequency(Tuple.of(5, true), Tuple.of(1, false)))
          .as(
              (id, bySme) ->
                  Transformer.mutate(
                      "accept " + id + (bySme ? "" : " as another SME"), m -> m.accept(id, bySme)));
    }
  }

  static class Release implements Action.Dependent<FundMachine> {
    @Override
    public boolean precondition(FundMachine state) {
      return state.exists();
    }

    @Override
    public Arbitrary<Transformer<FundMachine>> transformer(FundMachine state) {
      return awardIds(state)
          .flatMap(
              id -> {
                AwardModel award =
                    state.awards().stream()
                        .filter(a -> a.awardId.equals(id))
                        .findFirst()
                        .orElse(null);
                int tranches = award == null ? 1 : award.tranches.size();
                int next = award == null ? 1 : award.released + 1;
                return Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.just(next)),
                        Tuple.of(1, Arbitraries.integers().between(0, tranches + 1)))
                    .map(
                        n ->
                            Transformer.mutate(
                                "release " + id + " tranche " + n, m -> m.release(id, n)));
              });
    }
  }

  static class Revoke implements Action.Dependent<FundMachine> {
    @Override
    public boolean precondition(FundMachine state) {
      return state.exists();
    }

    @Override
    public Arbitrary<Transformer<FundMachine>> transformer(FundMachine state) {
      return awardIds(state).map(id -> Transformer.mutate("revoke " + id, m -> m.revoke(id)));
    }
  }

  /** One of the fund's awards, mostly a live one, or now and then an id it never granted. */
  private static Arbitrary<UUID> awardIds(FundMachine state) {
    List<UUID> live = new ArrayList<>();
    List<UUID> all = new ArrayList<>();
    for (AwardModel award : state.awards()) {
      all.add(award.awardId);
      if (award.status == AwardStatus.GRANTED || award.status == AwardStatus.ACCEPTED) {
        live.add(award.awardId);
      }
    }
    List<Tuple.Tuple2<Integer, Arbitrary<UUID>>> choices = new ArrayList<>();
    choices.add(Tuple.of(1, Arbitraries.just(FundMachine.NO_SUCH_AWARD)));
    if (!all.isEmpty()) {
      choices.add(Tuple.of(2, Arbitraries.of(all)));
    }
    if (!live.isEmpty()) {
      choices.add(Tuple.of(8, Arbitraries.of(live)));
    }
    return Arbitraries.frequencyOf(choices);
  }
}
