package io.aipulse.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/** Every RocksDB store of an instance on one bounded budget of off-heap memory. */
class BoundedRocksDbConfigTest {

    private static final long MIB = 1024 * 1024;

    static {
        RocksDB.loadLibrary();
    }

    @TempDir
    Path dir;

    @Test
    void putsEveryStoreOnTheSharedCacheAndWriteBufferManagerAndClosesThemAfterTheLastStore() {
        // given one budget in the streams configuration and two stores' options as Kafka Streams makes them
        RocksDbMemory memory = new RocksDbMemory(8 * MIB, 2 * MIB);
        Map<String, Object> configs = Map.of(RocksDbMemory.CONFIG, memory);
        Options first = streamsOptions();
        Options second = streamsOptions();
        BoundedRocksDbConfig firstSetter = new BoundedRocksDbConfig();
        BoundedRocksDbConfig secondSetter = new BoundedRocksDbConfig();

        // when both stores open
        firstSetter.setConfig("article-ids-seen", first, configs);
        secondSetter.setConfig("aggregate-results.1690300800000", second, configs);

        // then they share one block cache, with index and filter blocks in it, and one write-buffer manager
        BlockBasedTableConfigWithAccessibleCache firstTable = table(first);
        BlockBasedTableConfigWithAccessibleCache secondTable = table(second);
        assertThat(firstTable.blockCache()).isNotNull().isSameAs(secondTable.blockCache());
        assertThat(first.writeBufferManager()).isNotNull().isSameAs(second.writeBufferManager());
        for (BlockBasedTableConfigWithAccessibleCache table : List.of(firstTable, secondTable)) {
            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
            assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
        }
        assertThat(memory.users()).isEqualTo(2);

        // and the cache lives until the last store closes
        var cache = firstTable.blockCache();
        firstSetter.close("article-ids-seen", first);
        assertThat(cache.isOwningHandle()).isTrue();
        secondSetter.close("aggregate-results.1690300800000", second);
        assertThat(memory.users()).isZero();
        assertThat(cache.isOwningHandle()).as("closed with the last store").isFalse();
        assertThat(first.writeBufferManager().isOwningHandle()).isFalse();
        first.close();
        second.close();
    }

    @Test
    void flushesTheMemtablesOfStoresOverTheirShareWhereAnUnboundStoreKeepsThemInMemory() throws Exception {
        // given two stores on a budget of 2 MiB of memtables, and one store with RocksDB's defaults (64 MiB)
        RocksDbMemory memory = new RocksDbMemory(8 * MIB, 2 * MIB);
        Map<String, Object> configs = new HashMap<>(Map.of(RocksDbMemory.CONFIG, memory));

        // when 16 MiB are written into each, as fast as RocksDB takes them
        Written bounded = write(configs, "a", "b");
        Written unbounded = write(null, "c");
        System.out.printf("two bounded stores: largest memtables %.1f MiB, %.1f MiB flushed to files; "
                        + "one unbounded store: %.1f MiB, %.1f MiB flushed%n",
                bounded.largestMemtables() / (double) MIB, bounded.flushedBytes() / (double) MIB,
                unbounded.largestMemtables() / (double) MIB, unbounded.flushedBytes() / (double) MIB);

        // then the budget made the bounded stores flush; the unbound one kept everything in its memtable
        assertThat(bounded.flushedBytes()).isPositive();
        assertThat(unbounded.flushedBytes()).isZero();
        assertThat(unbounded.largestMemtables()).isGreaterThan(12 * MIB);
        assertThat(memory.users()).isZero();
    }

    @Test
    void refusesAConfigurationWithoutItsBudget() {
        Options options = streamsOptions();
        assertThatThrownBy(() -> new BoundedRocksDbConfig().setConfig("store", options, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(RocksDbMemory.CONFIG);
        options.close();
    }

    @Test
    void refusesMoreMemtableMemoryThanTheWholeBudget() {
        assertThatThrownBy(() -> new RocksDbMemory(32 * MIB, 64 * MIB)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rocksdb.memtable.bytes");
    }

    // ---------------------------------------------------------------------------------------------------

    /** Options as Kafka Streams hands them to the setter: a block-based table with an accessible cache. */
    private static Options streamsOptions() {
        Options options = new Options().setCreateIfMissing(true);
        options.setTableFormatConfig(new BlockBasedTableConfigWithAccessibleCache());
        return options;
    }

    private static BlockBasedTableConfigWithAccessibleCache table(Options options) {
        return (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
    }

    /** The largest total size of the stores' memtables seen after each MiB, and what they flushed to files. */
    private record Written(long largestMemtables, long flushedBytes) {
    }

    /**
     * Opens the stores (through the setter when {@code configs} is given), writes 16 MiB of 1 KiB values into
     * each without a write-ahead log (as Kafka Streams does), and waits for the flushes that were started.
     */
    private Written write(Map<String, Object> configs, String... names) throws RocksDBException, InterruptedException {
        byte[] value = new byte[1024];
        Arrays.fill(value, (byte) 'x');
        long largest = 0;
        long flushed = 0;
        Options[] options = new Options[names.length];
        RocksDB[] dbs = new RocksDB[names.length];
        BoundedRocksDbConfig[] setters = new BoundedRocksDbConfig[names.length];
        try (WriteOptions write = new WriteOptions().setDisableWAL(true)) {
            for (int i = 0; i < names.length; i++) {
                options[i] = streamsOptions();
                if (configs != null) {
                    setters[i] = new BoundedRocksDbConfig();
                    setters[i].setConfig(names[i], options[i], configs);
                }
                dbs[i] = RocksDB.open(options[i], dir.resolve(names[i]).toString());
            }
            for (int key = 0; key < 16 * 1024; key++) {
                for (RocksDB db : dbs) {
                    db.put(write, ("key-" + key).getBytes(), value);
                }
                if (key % 1024 == 1023) {
                    long total = 0;
                    for (RocksDB db : dbs) {
                        total += db.getLongProperty("rocksdb.cur-size-all-mem-tables");
                    }
                    largest = Math.max(largest, total);
                }
            }
            for (RocksDB db : dbs) {
                for (int wait = 0; wait < 100 && (db.getLongProperty("rocksdb.num-running-flushes") > 0
                        || db.getLongProperty("rocksdb.mem-table-flush-pending") > 0); wait++) {
                    Thread.sleep(100);
                }
                flushed += db.getLongProperty("rocksdb.total-sst-files-size");
            }
        } finally {
            for (int i = 0; i < names.length; i++) {
                if (setters[i] != null) {
                    setters[i].close(names[i], options[i]); // before the store, as Kafka Streams does
                }
                if (dbs[i] != null) {
                    dbs[i].close();
                }
                options[i].close();
            }
        }
        return new Written(largest, flushed);
    }
}
