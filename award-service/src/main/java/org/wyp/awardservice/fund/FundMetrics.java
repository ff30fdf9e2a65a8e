package org.wyp.awardservice.fund;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;
import org.wyp.kit.metrics.RefreshedGauges;

/**
 * Awards granted per round, and each round's fund from its ledger: budget, allocated, paid and
 * remaining, in pence. The fund gauges read the funds (one per round) in the background.
 */
@Component
class FundMetrics {

  private final MeterRegistry registry;

  FundMetrics(MeterRegistry registry, RefreshedGauges gauges, Funds funds) {
    this.registry = registry;
    gauge(gauges, funds, "wyp.fund.budget.pence", "The fund's budget", Fund::budgetPence);
    gauge(
        gauges,
        funds,
        "wyp.fund.allocated.pence",
        "Granted to awards and not returned, paid or not",
        Fund::allocatedPence);
    gauge(gauges, funds, "wyp.fund.paid.pence", "Paid out in tranches", Fund::paidPence);
    gauge(
        gauges,
        funds,
        "wyp.fund.remaining.pence",
        "Still available to allocate",
        Fund::remainingPence);
  }

  void granted(Fund fund, int awards) {
    if (awards > 0) {
      Counter.builder("wyp.awards.granted")
          .description("Awards granted")
          .tag("round", fund.roundId().toString())
          .register(registry)
          .increment(awards);
    }
  }

  private static void gauge(
      RefreshedGauges gauges,
      Funds funds,
      String name,
      String description,
      ToLongFunction<Fund> value) {
    gauges.add(
        name,
        description,
        () -> {
          Map<Tags, Long> perRound = new HashMap<>();
          for (Fund fund : funds.all()) {
            if (fund.isConfigured()) {
              perRound.put(Tags.of("round", fund.roundId().toString()), value.applyAsLong(fund));
            }
          }
          return perRound;
        });
  }
}
