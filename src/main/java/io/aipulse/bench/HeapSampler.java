package io.aipulse.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Samples the heap every 50 ms and keeps two peaks: used heap (which a collector lets grow towards the
 * maximum before it collects) and the heap still used right after a collection (the live data).
 */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null).toList();
    private volatile long peakBytes;
    private volatile long peakAfterGcBytes;
    private volatile boolean running = true;

    HeapSampler() {
        thread = new Thread(this::sample, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running) {
            peakBytes = Math.max(peakBytes, memory.getHeapMemoryUsage().getUsed());
            peakAfterGcBytes = Math.max(peakAfterGcBytes,
                    heapPools.stream().mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    double peakMb() {
        return peakBytes / (1024.0 * 1024.0);
    }

    double peakAfterGcMb() {
        return peakAfterGcBytes / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
