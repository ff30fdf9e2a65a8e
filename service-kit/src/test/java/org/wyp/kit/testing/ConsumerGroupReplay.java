package org.wyp.kit.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Replays topics into a running service: its listeners stop, its consumer group is reset to the
 * start of every partition, and the listeners start again, reading everything a second time.
 */
public final class ConsumerGroupReplay {

  private ConsumerGroupReplay() {}

  /**
   * Stops the service's listeners, runs {@code whileStopped} (e.g. dropping projections), rewinds
   * the group to offset 0 on the topics and starts the listeners again.
   */
  public static void replay(
      KafkaListenerEndpointRegistry listeners,
      String bootstrapServers,
      String groupId,
      List<String> topics,
      Runnable whileStopped) {
    listeners.stop();
    Awaitility.await().until(() -> !listeners.isRunning());
    whileStopped.run();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
      TopicOffsets.partitions(admin, topics)
          .forEach(partition -> start.put(partition, new OffsetAndMetadata(0)));
      // The group's members may take a moment to leave after the listeners stop.
      Awaitility.await()
          .ignoreExceptionsInstanceOf(ExecutionException.class)
          .until(
              () -> {
                admin.alterConsumerGroupOffsets(groupId, start).all().get();
                return true;
              });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
    listeners.start();
  }
}
