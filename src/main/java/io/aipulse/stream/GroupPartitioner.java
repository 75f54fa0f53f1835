package io.aipulse.stream;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * The aggregation partition of a group key, worked out as Kafka's default partitioner would: the
 * identity stage sends a window's changes there ({@link WindowChanges}), and interactive queries find
 * the group's owner with it.
 */
public final class GroupPartitioner implements StreamPartitioner<String, Object> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Object value, int numPartitions) {
        return Optional.of(Set.of(partitionOf(key, numPartitions)));
    }

    static int partitionOf(String key, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
