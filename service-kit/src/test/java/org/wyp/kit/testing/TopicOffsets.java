package org.wyp.kit.testing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Topics' partitions and end offsets, as the broker has them now. */
public final class TopicOffsets {

  private TopicOffsets() {}

  /** Every partition of the topics. */
  public static List<TopicPartition> partitions(Admin admin, Collection<String> topics)
      throws InterruptedException, ExecutionException {
    return admin.describeTopics(topics).allTopicNames().get().entrySet().stream()
        .flatMap(
            topic ->
                topic.getValue().partitions().stream()
                    .map(p -> new TopicPartition(topic.getKey(), p.partition())))
        .toList();
  }

  /** The end offset of every partition of the topics, ordered by topic and partition. */
  public static Map<TopicPartition, Long> ends(Admin admin, Collection<String> topics)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions(admin, topics).forEach(partition -> latest.put(partition, OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
    admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }
}
