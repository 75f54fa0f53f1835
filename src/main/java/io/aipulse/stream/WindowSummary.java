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
    /**
     * The subjects ranked first, kept as their counts grow, so that emitting a window does not read all
     * its subject counts (thousands in a busy day); unknown after a count fell (an event left), when only
     * all the counts tell which subject moved up.
     */
    public List<AggregateRecord.SubjectCount> top = new ArrayList<>();
    public boolean topKnown = true;

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

    /** A subject's count of events in the window went from {@code count - sign} to {@code count}. */
    void subjectCounted(String subject, long count, int sign) {
        if (!topKnown) {
            return;
        }
        int at = -1;
        for (int i = 0; i < top.size(); i++) {
            if (top.get(i).subject().equals(subject)) {
                at = i;
            }
        }
        if (sign < 0) {
            // a subject outside the top cannot pass one that fell without reading every count
            topKnown = at < 0;
            return;
        }
        AggregateRecord.SubjectCount counted = new AggregateRecord.SubjectCount(subject, count);
        if (at >= 0) {
            top.set(at, counted);
        } else if (top.size() < TOP_SUBJECTS || RANK.compare(counted, top.get(top.size() - 1)) < 0) {
            top.add(counted);
        } else {
            return;
        }
        top.sort(RANK);
        if (top.size() > TOP_SUBJECTS) {
            top.remove(top.size() - 1);
        }
    }

    /** Ranks the top subjects again from all the window's subject counts (after a count fell). */
    void rankSubjects(Iterator<? extends Map.Entry<String, Long>> subjectCounts) {
        top = new ArrayList<>(topSubjects(subjectCounts));
        topKnown = true;
    }

    /** The aggregate record; the top subjects must be known ({@link #rankSubjects}). */
    public AggregateRecord toRecord(WindowKey key, ZoneId zone, boolean isFinal) {
        if (!topKnown) {
            throw new IllegalStateException("top subjects of " + key + " not ranked");
        }
        return new AggregateRecord(key.key(), key.dimension().id(),
                Instant.ofEpochMilli(key.startMillis()).atZone(zone).toOffsetDateTime().toString(),
                Instant.ofEpochMilli(key.endMillis()).atZone(zone).toOffsetDateTime().toString(),
                key.window().isoPeriod(), events, articles, new TreeMap<>(byType), fundingMin,
                fundingMaxUnknown > 0 ? null : fundingMaxKnown, List.copyOf(top), isFinal);
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
