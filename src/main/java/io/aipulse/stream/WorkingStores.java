package io.aipulse.stream;

import io.aipulse.config.Settings;
import java.util.Locale;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Where the aggregation keeps the state of its open windows ({@code aggregation.stores}). In memory is
 * the fastest and is restored from the changelogs when a task starts; RocksDB keeps it on disk, for
 * volumes or grace periods (window.time=event) whose open windows would not fit in the heap.
 */
public enum WorkingStores {
    IN_MEMORY("in-memory"),
    ROCKSDB("rocksdb");

    static final String SETTING = "aggregation.stores";

    private final String id;

    WorkingStores(String id) {
        this.id = id;
    }

    public static WorkingStores from(Settings settings) {
        String value = settings.get(SETTING, IN_MEMORY.id).trim().toLowerCase(Locale.ROOT);
        for (WorkingStores stores : values()) {
            if (stores.id.equals(value)) {
                return stores;
            }
        }
        throw new IllegalArgumentException(SETTING + " must be in-memory or rocksdb, not '" + value + "'");
    }

    KeyValueBytesStoreSupplier supplier(String name) {
        return this == IN_MEMORY ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    }
}
