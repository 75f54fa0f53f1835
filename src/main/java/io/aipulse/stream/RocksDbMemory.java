package io.aipulse.stream;

import io.aipulse.config.Settings;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.WriteBufferManager;

/**
 * One budget of off-heap memory for every RocksDB store of one Kafka Streams instance: a block cache of
 * {@code rocksdb.memory.bytes} that also holds the index and filter blocks and is charged for the memtables,
 * which a write-buffer manager keeps under {@code rocksdb.memtable.bytes}. The cache's limit is not strict: blocks
 * in use (pinned index and filter blocks, iterators) may take it past its size rather than fail a read. Without it each store (and each
 * segment of a window store, per partition) takes its own 50 MB cache and up to 3 x 16 MB of memtables, so
 * RocksDB's memory grows with partitions and stores, outside the heap and any {@code -Xmx}.
 *
 * <p>The cache and the manager exist while a store uses them: {@link BoundedRocksDbConfig} takes them when a
 * store opens and gives them back when it closes; the last one gives them back closes them. Closing only drops
 * Java's reference: RocksDB counts references natively, so a store still closing keeps them until it is done.
 */
public final class RocksDbMemory {

    /** The key under which the streams configuration carries the instance's budget (an object, not a string). */
    public static final String CONFIG = "aipulse.rocksdb.memory";
    /** Share of the cache kept for index and filter blocks (high priority: evicted last). */
    static final double INDEX_AND_FILTER_SHARE = 0.1;

    /**
     * The manager flushes memtables once they pass the budget; it does not make writes wait for the flushes (RocksDB's
     * allow_stall). So the budget is a soft one for a writer faster than the flushes: two stores written as fast as
     * RocksDB takes (Kafka Streams writes without a write-ahead log) held up to 18.6 MiB of memtables on a 2 MiB
     * budget (BoundedRocksDbConfigTest). Stalling kept one store under it, but two stores sharing the manager then took
     * 127 s instead of about a second for the same writes: a stream thread must not wait like that.
     */
    static final boolean STALL_WRITES = false;

    private final long totalBytes;
    private final long memtableBytes;
    private Cache cache;
    private WriteBufferManager writeBuffers;
    private int users;

    public RocksDbMemory(long totalBytes, long memtableBytes) {
        if (totalBytes <= 0 || memtableBytes <= 0 || memtableBytes > totalBytes) {
            throw new IllegalArgumentException("rocksdb.memtable.bytes (" + memtableBytes
                    + ") must be positive and at most rocksdb.memory.bytes (" + totalBytes + ")");
        }
        this.totalBytes = totalBytes;
        this.memtableBytes = memtableBytes;
    }

    public static RocksDbMemory from(Settings settings) {
        return new RocksDbMemory(settings.getLong("rocksdb.memory.bytes"), settings.getLong("rocksdb.memtable.bytes"));
    }

    public long totalBytes() {
        return totalBytes;
    }

    public long memtableBytes() {
        return memtableBytes;
    }

    /** The shared cache and write-buffer manager, created for the first store that takes them. */
    synchronized Shared take() {
        if (users++ == 0) {
            cache = new LRUCache(totalBytes, -1, false, INDEX_AND_FILTER_SHARE);
            writeBuffers = new WriteBufferManager(memtableBytes, cache, STALL_WRITES);
        }
        return new Shared(cache, writeBuffers);
    }

    /** A store closed; the last one closes the cache and the manager. */
    synchronized void giveBack() {
        if (users == 0) {
            throw new IllegalStateException("RocksDB memory given back more often than taken");
        }
        if (--users == 0) {
            writeBuffers.close();
            cache.close();
            writeBuffers = null;
            cache = null;
        }
    }

    /** How many stores use the budget now. */
    synchronized int users() {
        return users;
    }

    record Shared(Cache cache, WriteBufferManager writeBuffers) {
    }
}
