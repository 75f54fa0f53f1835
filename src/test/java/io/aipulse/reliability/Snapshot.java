package io.aipulse.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Everything one run committed to its output topics, read with {@code isolation.level=read_committed}
 * from the beginning up to the last stable offset of every partition.
 */
final class Snapshot {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One committed record. {@code reason} is the dead-letter reason header, when there is one. */
    record Rec(int partition, long offset, String key, String value, String reason) {
        JsonNode json() {
            try {
                return JSON.readTree(value);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + value, e);
            }
        }
    }

    private final Map<String, List<Rec>> byRole;

    private Snapshot(Map<String, List<Rec>> byRole) {
        this.byRole = byRole;
    }

    static Snapshot read(String bootstrap, RunTopics topics) {
        Map<String, List<Rec>> byTopic = readTopics(bootstrap, topics.outputs().values());
        Map<String, List<Rec>> byRole = new LinkedHashMap<>();
        topics.outputs().forEach((role, topic) -> byRole.put(role, byTopic.get(topic)));
        return new Snapshot(byRole);
    }

    List<Rec> records(String role) {
        return byRole.getOrDefault(role, List.of());
    }

    int totalRecords() {
        return byRole.values().stream().mapToInt(List::size).sum();
    }

    /** The latest value of every key (partitions read one after the other: keys never span partitions). */
    Map<String, JsonNode> latest(String role) {
        Map<String, JsonNode> latest = new TreeMap<>();
        for (Rec rec : records(role)) {
            latest.put(rec.key(), rec.json());
        }
        return latest;
    }

    /** How often each (key, value) pair was committed. */
    Map<String, Integer> multiset(String role) {
        Map<String, Integer> counts = new HashMap<>();
        for (Rec rec : records(role)) {
            counts.merge(rec.key() + "\t" + rec.value(), 1, Integer::sum);
        }
        return counts;
    }

    static List<Rec> readTopic(String bootstrap, String topic) {
        return readTopics(bootstrap, List.of(topic)).get(topic);
    }

    /** Every committed record of the topics, by topic, in partition then offset order. */
    static Map<String, List<Rec>> readTopics(String bootstrap, java.util.Collection<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reliability-verifier");
        Map<TopicPartition, List<Rec>> byPartition = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            // read_committed: endOffsets is the last stable offset
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.forEach(tp -> byPartition.put(tp, new ArrayList<>()));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(30)) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topics + " up to " + ends);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(tp)) {
                        continue;
                    }
                    Header reason = record.headers().lastHeader("aipulse.error.reason");
                    byPartition.get(tp).add(new Rec(record.partition(), record.offset(), string(record.key()),
                            string(record.value()), reason == null ? null : string(reason.value())));
                }
            }
        }
        Map<String, List<Rec>> byTopic = new LinkedHashMap<>();
        topics.forEach(topic -> byTopic.put(topic, new ArrayList<>()));
        byPartition.entrySet().stream()
                .sorted(java.util.Comparator.comparing((Map.Entry<TopicPartition, List<Rec>> e) -> e.getKey().topic())
                        .thenComparingInt(e -> e.getKey().partition()))
                .forEach(e -> byTopic.get(e.getKey().topic()).addAll(e.getValue()));
        return byTopic;
    }

    private static String string(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
