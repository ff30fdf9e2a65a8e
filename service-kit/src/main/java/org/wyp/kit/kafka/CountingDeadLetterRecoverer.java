package org.wyp.kit.kafka;

import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.wyp.kit.metrics.EventMetrics;

/** Publishes a failed record to its dead-letter topic and counts it once the send succeeded. */
class CountingDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

  private final EventMetrics metrics;

  CountingDeadLetterRecoverer(
      KafkaOperations<?, ?> template,
      BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination,
      EventMetrics metrics) {
    super(template, destination);
    this.metrics = metrics;
  }

  @Override
  protected void publish(
      ProducerRecord<Object, Object> outRecord,
      KafkaOperations<Object, Object> kafkaTemplate,
      ConsumerRecord<?, ?> inRecord) {
    super.publish(outRecord, kafkaTemplate, inRecord);
    metrics.deadLettered(inRecord.topic());
  }
}
