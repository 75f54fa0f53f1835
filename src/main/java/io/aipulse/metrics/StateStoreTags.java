package io.aipulse.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every Kafka Streams state-store metric the same tag key for its store.
 *
 * <p>Kafka Streams tags a store metric by the store's type: {@code rocksdb-state-id} for a key-value
 * store, {@code rocksdb-window-state-id} for a window store, {@code in-memory-state-id}, ... The
 * Prometheus registry refuses a second meter of the same name with other tag keys (it logs one WARN and
 * drops the meter), so without this filter a store family such as
 * {@code kafka_stream_state_estimate_num_keys} shows only the stores of whichever type registered
 * first. Store names are unique within a topology, so the type adds nothing: every
 * {@code *.state.id} tag becomes {@code state.id} (Prometheus: {@code state_id}).
 */
final class StateStoreTags implements MeterFilter {

    static final String STORE_METRIC_PREFIX = "kafka.stream.state.";
    static final String STATE_ID = "state.id";
    private static final String STATE_ID_SUFFIX = ".state.id";

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith(STORE_METRIC_PREFIX)) {
            return id;
        }
        List<Tag> tags = new ArrayList<>();
        boolean changed = false;
        for (Tag tag : id.getTagsAsIterable()) {
            if (tag.getKey().endsWith(STATE_ID_SUFFIX)) {
                tags.add(Tag.of(STATE_ID, tag.getValue()));
                changed = true;
            } else {
                tags.add(tag);
            }
        }
        return changed ? id.replaceTags(tags) : id;
    }
}
