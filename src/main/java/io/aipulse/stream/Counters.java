package io.aipulse.stream;

import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/** Named counts of one window (its articles, its subjects): a count of 0 is not kept. */
interface Counters {

    long get(String name);

    void set(String name, long count);

    /** Counters in a map, for a window held in memory. */
    static Counters of(Map<String, Long> counts) {
        return new Counters() {
            @Override
            public long get(String name) {
                return counts.getOrDefault(name, 0L);
            }

            @Override
            public void set(String name, long count) {
                if (count == 0) {
                    counts.remove(name);
                } else {
                    counts.put(name, count);
                }
            }
        };
    }

    /** Counters in a store, one entry per name under the window's key prefix. */
    static Counters inStore(KeyValueStore<String, Long> store, String prefix) {
        return new Counters() {
            @Override
            public long get(String name) {
                Long count = store.get(prefix + name);
                return count == null ? 0 : count;
            }

            @Override
            public void set(String name, long count) {
                if (count == 0) {
                    store.put(prefix + name, null); // deletes, without reading the old value back
                } else {
                    store.put(prefix + name, count);
                }
            }
        };
    }
}
