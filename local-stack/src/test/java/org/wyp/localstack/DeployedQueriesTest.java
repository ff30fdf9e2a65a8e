package org.wyp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How PrometheusQueriesTest reads queries: Grafana's variables replaced as Grafana would, and the
 * value an alert compares with its threshold.
 */
class DeployedQueriesTest {

  @TempDir Path dashboards;

  @Test
  void anAlertsComparedValueIsTheLeftHandSideOfItsOutermostComparison() {
    assertThat(DeployedQueries.comparedValue("up == 0")).isEqualTo("up");
    assertThat(
            DeployedQueries.comparedValue("max by (service) (wyp_outbox_oldest_age_seconds) > 60"))
        .isEqualTo("max by (service) (wyp_outbox_oldest_age_seconds)");
    assertThat(DeployedQueries.comparedValue("sum(rate(x{status=~\"5..\", a!=\"b>c\"}[5m])) >= 1"))
        .isEqualTo("sum(rate(x{status=~\"5..\", a!=\"b>c\"}[5m]))");
    assertThat(DeployedQueries.comparedValue("absent(up{job=\"x\"})"))
        .isEqualTo("absent(up{job=\"x\"})");
  }

  @Test
  void grafanaAndDashboardVariablesAreReplacedInEveryForm() throws IOException {
    Files.writeString(
        dashboards.resolve("programme.json"),
        """
        {"templating": {"list": [
          {"name": "round", "type": "query", "query": {"query": "label_values(wyp_submissions, round)"}},
          {"name": "stage", "type": "custom", "current": {"value": "FINALS"},
           "options": [{"value": "SCREENING"}, {"value": "FINALS"}]}]},
         "panels": [
          {"title": "Rate", "targets": [{"refId": "A",
            "expr": "sum(rate(x_total{round=\\"$round\\"}[$__rate_interval]))"}]},
          {"title": "Row", "type": "row", "panels": [
            {"title": "Stage", "targets": [{"refId": "B",
              "expr": "y{round=\\"${round}\\", stage=\\"[[stage]]\\"}"}]}]}]}
        """);

    List<DeployedQueries.Query> queries =
        DeployedQueries.dashboardQueries(
            dashboards,
            (metric, label) ->
                Map.of("wyp_submissions/round", List.of("r1", "r2"))
                    .getOrDefault(metric + "/" + label, List.of()));

    assertThat(queries)
        .extracting(DeployedQueries.Query::expression)
        .containsExactly(
            "sum(rate(x_total{round=\"r1\"}[1m]))", "y{round=\"r1\", stage=\"FINALS\"}");
    assertThat(queries.getLast().source()).isEqualTo("programme.json panel \"Stage\" B");
  }
}
