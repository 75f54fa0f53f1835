package io.aipulse.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what one record of the identity stage does to windows, and hands it on as one
 * {@link WindowBatch} per aggregation partition. An event's contribution that leaves a window and
 * enters it again within the record cancels out here, so the aggregation only sees net changes.
 */
final class WindowChanges {

    private static final class Pending {
        final List<WindowChange.Touch> touches = new ArrayList<>();
        final Map<Contribution, Integer> net = new LinkedHashMap<>();
    }

    private final Map<WindowKey, Pending> byWindow = new LinkedHashMap<>();

    void touch(WindowKey window, String eventId, String articleId, boolean firstOfArticle) {
        pending(window).touches.add(new WindowChange.Touch(eventId, articleId, firstOfArticle));
    }

    void delta(WindowKey window, Contribution contribution, int sign) {
        pending(window).net.merge(contribution, sign, Integer::sum);
    }

    private Pending pending(WindowKey window) {
        return byWindow.computeIfAbsent(window, w -> new Pending());
    }

    /**
     * One batch per aggregation partition with changes; with {@code tick}, an empty batch for every
     * other partition too (the record moved the clock, and every partition's clock must follow).
     */
    List<WindowBatch> batches(int partitions, boolean tick) {
        List<List<WindowChange>> byPartition = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            byPartition.add(new ArrayList<>());
        }
        byWindow.forEach((window, pending) -> {
            List<WindowChange.Delta> deltas = new ArrayList<>();
            pending.net.forEach((contribution, sign) -> {
                for (int i = 0; i < Math.abs(sign); i++) {
                    deltas.add(new WindowChange.Delta(contribution, Integer.signum(sign)));
                }
            });
            if (!pending.touches.isEmpty() || !deltas.isEmpty()) {
                int partition = GroupPartitioner.partitionOf(GroupKey.of(window.dimension(), window.key()), partitions);
                byPartition.get(partition).add(new WindowChange(window, pending.touches, deltas));
            }
        });
        List<WindowBatch> batches = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            if (tick || !byPartition.get(p).isEmpty()) {
                batches.add(new WindowBatch(p, byPartition.get(p)));
            }
        }
        return batches;
    }
}
