package org.wyp.kit.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Kafka health by asking the cluster to describe itself within a short timeout, so that readiness
 * turns DOWN soon after the brokers become unreachable. One admin client is kept for the service's
 * life rather than connecting afresh on every probe.
 */
public class KafkaClusterHealth implements HealthIndicator, DisposableBean {

  private final Map<String, Object> adminConfig;
  private final Duration timeout;
  private Admin admin;

  public KafkaClusterHealth(Map<String, Object> adminConfig, Duration timeout) {
    this.adminConfig = adminConfig;
    this.timeout = timeout;
  }

  @Override
  public Health health() {
    try {
      DescribeClusterResult cluster =
          admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
      String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
      return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down(e).build();
    } catch (ExecutionException e) {
      return Health.down(e.getCause() == null ? e : e.getCause()).build();
    } catch (TimeoutException | RuntimeException e) {
      return Health.down(e).build();
    }
  }

  private synchronized Admin admin() {
    if (admin == null) {
      admin = Admin.create(adminConfig);
    }
    return admin;
  }

  @Override
  public synchronized void destroy() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(1));
      admin = null;
    }
  }
}
