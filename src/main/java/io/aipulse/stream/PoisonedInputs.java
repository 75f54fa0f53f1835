package io.aipulse.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Input records an output of which the broker refused, by position ({@code topic-partition@offset}), with
 * the broker's error. Under exactly-once a refused write aborts the transaction, so the input is read again:
 * {@link ArticleParser} then sends it to the dead-letter topic instead of processing it, in a transaction
 * the broker accepts. One per running service (the production handler and the topology share it); bounded,
 * oldest forgotten first.
 */
public final class PoisonedInputs {

    private static final int CAPACITY = 10_000;

    private final Map<String, String> errors = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Position as written in the {@code aipulse.source} header. */
    static String position(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }

    /** Called on the producer's thread. */
    synchronized void mark(String position, String error) {
        errors.put(position, error);
    }

    synchronized Optional<String> errorAt(String position) {
        return Optional.ofNullable(errors.get(position));
    }
}
