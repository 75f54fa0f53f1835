package io.aipulse.stream;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/**
 * Puts every RocksDB store of the instance on its shared memory budget ({@link RocksDbMemory}, carried in the
 * streams configuration): the shared block cache, with index and filter blocks in it (pinned at the top level,
 * high priority) rather than on the heap of RocksDB outside any bound, and the shared write-buffer manager.
 * Kafka Streams makes one instance per store it opens and calls {@link #close} when that store closes.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

    private RocksDbMemory memory;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object configured = configs.get(RocksDbMemory.CONFIG);
        if (!(configured instanceof RocksDbMemory budget)) {
            throw new ConfigException(RocksDbMemory.CONFIG, configured, "the streams configuration must carry the "
                    + "instance's RocksDbMemory (StreamsSettings.properties puts it there)");
        }
        memory = budget;
        RocksDbMemory.Shared shared = memory.take();
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(shared.writeBuffers());
    }

    @Override
    public void close(String storeName, Options options) {
        if (memory != null) {
            memory.giveBack();
            memory = null;
        }
    }
}
