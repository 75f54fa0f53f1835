package io.aipulse.stream;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The running totals of one window: what its events add up to. An event that changes takes its old
 * contribution out and puts its new one in, so the totals never depend on arrival order. The counts
 * per subject (for the top subjects) are kept by the caller, one store entry each: they grow with the
 * window, the totals do not, and the totals are read and written for every update.
 */
public final class WindowSummary {

    private static final int TOP_SUBJECTS = 5;
    private static final Comparator<AggregateRecord.SubjectCount> RANK = Comparator
            .comparingLong(AggregateRecord.SubjectCount::events).reversed()
            .thenComparing(AggregateRecord.SubjectCount::subject);

    public long events;
    public long articles;
    public Map<String, Long> byType = new TreeMap<>();
    public long fundingMin;
    public long fundingMaxKnown;
    /** funding events whose upper bound is unknown (no amount, or open-ended): the max is then unknown */
    public long fundingMaxUnknown;

    /** Adds ({@code sign} 1) or removes ({@code sign} -1) one event's contribution. */
    void apply(Contribution event, int sign) {
        events += sign;
        merge(byType, event.type().name(), sign);
        if (event.isFunding()) {
            fundingMin += sign * event.cnyMin();
            if (event.cnyMax() == null) {
                fundingMaxUnknown += sign;
            } else {
                fundingMaxKnown += sign * event.cnyMax();
            }
        }
    }

    private static void merge(Map<String, Long> counts, String key, int sign) {
        long count = counts.getOrDefault(key, 0L) + sign;
        if (count == 0) {
            counts.remove(key);
        } else {
            counts.put(key, count);
        }
    }

    /** The aggregate record, with the top subjects taken from the window's subject counts. */
    public AggregateRecord toRecord(WindowKey key, ZoneId zone, boolean isFinal,
                                    Iterator<? extends Map.Entry<String, Long>> subjectCounts) {
        return new AggregateRecord(key.key(), key.dimension().id(),
                Instant.ofEpochMilli(key.startMillis()).atZone(zone).toOffsetDateTime().toString(),
                Instant.ofEpochMilli(key.endMillis()).atZone(zone).toOffsetDateTime().toString(),
                key.window().isoPeriod(), events, articles, new TreeMap<>(byType), fundingMin,
                fundingMaxUnknown > 0 ? null : fundingMaxKnown, topSubjects(subjectCounts), isFinal);
    }

    /** The subjects with most events, ties broken alphabetically. */
    static List<AggregateRecord.SubjectCount> topSubjects(Iterator<? extends Map.Entry<String, Long>> counts) {
        PriorityQueue<AggregateRecord.SubjectCount> top = new PriorityQueue<>(RANK.reversed());
        while (counts.hasNext()) {
            Map.Entry<String, Long> count = counts.next();
            top.add(new AggregateRecord.SubjectCount(count.getKey(), count.getValue()));
            if (top.size() > TOP_SUBJECTS) {
                top.poll();
            }
        }
        List<AggregateRecord.SubjectCount> ranked = new ArrayList<>(top);
        ranked.sort(RANK);
        return ranked;
    }
}
