package io.aipulse.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides from samples whether the stream is stalled although Kafka Streams may say RUNNING (issue 14: a
 * record the thread failed on again and again stopped its partition while {@code /health} said 200).
 * Stalled when either holds:
 * <ul>
 *   <li><b>no progress with lag:</b> an input partition of this instance has had records beyond its
 *       committed offset, and that committed offset has not moved, for at least {@code progressWindow};</li>
 *   <li><b>repeated thread failures:</b> at least {@code maxThreadFailures} stream threads failed (and were
 *       replaced) within {@code failureWindow}.</li>
 * </ul>
 * A partition that leaves this instance (its thread failed, or a rebalance moved it) keeps its clock while
 * away and is judged again when it is back with the same committed offset: a thread failing on the same
 * record every two minutes does not restart the clock each time. Pure: time comes with each sample, so
 * tests use their own. Thread-safe (one sampler writes, health checks read).
 */
public final class StallDetector {

    private final Duration progressWindow;
    private final int maxThreadFailures;
    private final Duration failureWindow;
    private final Map<TopicPartition, Waiting> waiting = new HashMap<>();
    private final Deque<Instant> failures = new ArrayDeque<>();
    private long failuresSeen;
    private Verdict verdict = Verdict.PROGRESSING;

    public StallDetector(Duration progressWindow, int maxThreadFailures, Duration failureWindow) {
        if (progressWindow.isNegative() || progressWindow.isZero() || failureWindow.isNegative()
                || failureWindow.isZero() || maxThreadFailures < 1) {
            throw new IllegalArgumentException("stall windows must be positive and the failure count at least 1");
        }
        this.progressWindow = progressWindow;
        this.maxThreadFailures = maxThreadFailures;
        this.failureWindow = failureWindow;
    }

    /**
     * Takes one sample, made at {@code now}: the stream threads that have failed since start, and the
     * committed and end offsets of the input partitions this instance processes now. Returns the verdict,
     * which {@link #verdict()} gives until the next sample.
     */
    public synchronized Verdict observe(Instant now, long threadFailuresSinceStart, Map<TopicPartition, Offsets> partitions) {
        for (long i = failuresSeen; i < threadFailuresSinceStart; i++) {
            failures.addLast(now);
        }
        failuresSeen = Math.max(failuresSeen, threadFailuresSinceStart);
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(now.minus(failureWindow))) {
            failures.removeFirst();
        }

        partitions.forEach((partition, offsets) -> {
            Waiting before = waiting.get(partition);
            if (offsets.end() <= offsets.committed()) {
                waiting.remove(partition); // caught up
            } else if (before == null || before.committed() != offsets.committed()) {
                waiting.put(partition, new Waiting(offsets.committed(), offsets.end(), now)); // lag, clock starts
            } else {
                waiting.put(partition, new Waiting(before.committed(), offsets.end(), before.since()));
            }
        });

        List<String> reasons = new ArrayList<>();
        if (failures.size() >= maxThreadFailures) {
            reasons.add(failures.size() + " stream-thread failures in the last " + failureWindow);
        }
        waiting.forEach((partition, w) -> {
            Duration stuck = Duration.between(w.since(), now);
            if (partitions.containsKey(partition) && stuck.compareTo(progressWindow) >= 0) {
                reasons.add(partition + " has made no progress for " + stuck.withNanos(0) + " (committed offset "
                        + w.committed() + ", end offset " + w.end() + ")");
            }
        });
        reasons.sort(null);
        verdict = reasons.isEmpty() ? Verdict.PROGRESSING : new Verdict(true, String.join("; ", reasons));
        return verdict;
    }

    /** The verdict of the last sample (progressing before the first). */
    public synchronized Verdict verdict() {
        return verdict;
    }

    /** A partition's committed offset (the next record to process) and end offset (the next to be written). */
    public record Offsets(long committed, long end) {
    }

    /** Stalled or not, and why. */
    public record Verdict(boolean stalled, String reason) {

        static final Verdict PROGRESSING = new Verdict(false, "");

        public Verdict {
            Objects.requireNonNull(reason);
        }
    }

    private record Waiting(long committed, long end, Instant since) {
    }
}
