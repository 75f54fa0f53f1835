package io.aipulse.stream;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions aggregation records by group key exactly as Kafka's default partitioner would (so
 * interactive queries find a group's owner), and sends ticks to every partition.
 */
public final class GroupPartitioner implements StreamPartitioner<String, WindowMentions> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, WindowMentions value, int numPartitions) {
        if (value != null && value.isTick()) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
        }
        return Optional.of(Set.of(partitionOf(key, numPartitions)));
    }

    static int partitionOf(String key, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
