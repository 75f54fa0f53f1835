package io.aipulse.stream;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/** Sends a batch to the partition it was made for (see {@link Batch}). */
final class BatchPartitioner<V extends Batch> implements StreamPartitioner<String, V> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        if (value.partition() >= numPartitions) {
            // the stages were built for more partitions than the topic has: records would land in the
            // wrong task and aggregates would be split
            throw new IllegalStateException(topic + " has " + numPartitions + " partitions, a batch was made for "
                    + "partition " + value.partition() + ": topic.partitions must match the repartition topics");
        }
        return Optional.of(Set.of(value.partition()));
    }
}
