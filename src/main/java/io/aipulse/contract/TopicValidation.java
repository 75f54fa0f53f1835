package io.aipulse.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics from their beginning to the end they have when it starts ({@code read_committed}: what a
 * consumer of the service sees) and checks every record value against its schema. No consumer group is
 * joined and no offset committed.
 */
public final class TopicValidation {

    /** What one topic held: how many records were read and which failed their schema. */
    public record TopicReport(String topic, RecordSchema schema, long records, List<String> invalid) {
    }

    private final RecordValidator validator = RecordValidator.load();
    private final Properties clientProps;
    private final Duration timeout;

    /**
     * {@code clientProps}: the Kafka client settings (bootstrap servers, security); {@code timeout}: how long
     * to wait for a topic that stops delivering before its end.
     */
    public TopicValidation(Properties clientProps, Duration timeout) {
        this.clientProps = clientProps;
        this.timeout = timeout;
    }

    /** Checks each topic against its schema; {@code onInvalid} hears each invalid record as it is found. */
    public List<TopicReport> check(Map<String, RecordSchema> topics, Consumer<String> onInvalid) {
        Properties props = new Properties();
        props.putAll(clientProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        // a check must not create the topic it was asked about (brokers auto-create by default)
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        List<TopicReport> reports = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            topics.forEach((topic, schema) -> reports.add(check(consumer, topic, schema, onInvalid)));
        }
        return reports;
    }

    private TopicReport check(KafkaConsumer<byte[], byte[]> consumer, String topic, RecordSchema schema,
                              Consumer<String> onInvalid) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = new LinkedHashMap<>(consumer.endOffsets(partitions, timeout));
        long records = 0;
        List<String> invalid = new ArrayList<>();
        Instant lastProgress = Instant.now();
        while (!reachedEnd(consumer, end)) {
            if (Instant.now().isAfter(lastProgress.plus(timeout))) {
                throw new IllegalStateException("topic " + topic + " stopped before its end " + end + " within " + timeout);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                lastProgress = Instant.now();
                if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue; // written after the check started
                }
                records++;
                List<String> problems = validator.problems(schema, record.value());
                if (!problems.isEmpty()) {
                    String line = record.topic() + "-" + record.partition() + "@" + record.offset() + ": "
                            + String.join("; ", problems.subList(0, Math.min(3, problems.size())))
                            + (problems.size() > 3 ? "; ... (" + problems.size() + " problems)" : "");
                    invalid.add(line);
                    onInvalid.accept(line);
                }
            }
        }
        consumer.unsubscribe();
        return new TopicReport(topic, schema, records, List.copyOf(invalid));
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }
}
