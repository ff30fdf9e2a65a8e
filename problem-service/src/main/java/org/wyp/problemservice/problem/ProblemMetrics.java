package org.wyp.problemservice.problem;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.wyp.kit.metrics.RefreshedGauges;

/**
 * The programme's view of problems: how many are published, and how many stand in each status by
 * theme. Themes are the programme's own slugs, so the label set stays small.
 */
@Component
class ProblemMetrics {

  private final MeterRegistry registry;

  ProblemMetrics(MeterRegistry registry, RefreshedGauges gauges, Problems problems) {
    this.registry = registry;
    gauges.add("wyp.problems", "Problems by status and theme", problems::countByStatusAndTheme);
  }

  void published(Problem problem) {
    Counter.builder("wyp.problems.published")
        .description("Problems published")
        .tag("theme", problem.content().theme())
        .register(registry)
        .increment();
  }
}
