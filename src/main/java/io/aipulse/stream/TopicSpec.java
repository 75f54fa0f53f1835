package io.aipulse.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What the service needs of one of its topics: how many partitions, whether it is compacted, how long it
 * keeps records, how large a record it takes, and what it is for. The service creates missing topics from
 * it and compares existing ones with it ({@link TopicCheck}); {@code aipulse topics} prints it for a
 * platform team that creates topics itself.
 *
 * @param input             the topic the stream reads and partitions its work by: its partition count is
 *                          the one the repartition topics are made with ({@code topic.partitions})
 * @param replicationFactor empty: the broker's {@code default.replication.factor}
 * @param retentionMs       {@code retention.ms} of a delete-policy topic (-1 keeps everything); empty for a
 *                          compacted one, where the broker keeps the latest record per key whatever its age
 * @param maxMessageBytes   empty: the broker's default ({@code message.max.bytes}, 1 MiB)
 */
public record TopicSpec(String name, boolean input, int partitions, Optional<Short> replicationFactor, boolean compacted,
                        Optional<Long> retentionMs, Optional<Integer> maxMessageBytes, String purpose) {

    public String cleanupPolicy() {
        return compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE;
    }

    /** The topic settings the service creates it with. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy());
        retentionMs.ifPresent(ms -> configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(ms)));
        maxMessageBytes.ifPresent(bytes -> configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(bytes)));
        return configs;
    }

    public NewTopic newTopic() {
        return new NewTopic(name, Optional.of(partitions), replicationFactor).configs(configs());
    }
}
