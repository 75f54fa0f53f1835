package io.aipulse.stream;

import io.aipulse.extract.EventType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running totals of one window: what its groups of events add up to. A group that changes takes
 * its old contribution out and puts its new one in, so the totals never depend on arrival order. The
 * distinct article count is kept by the caller (it needs one counter per article).
 */
public final class WindowSummary {

    private static final int TOP_SUBJECTS = 5;

    public long events;
    public long articles;
    public Map<String, Long> byType = new TreeMap<>();
    public Map<String, Long> bySubject = new TreeMap<>();
    public long fundingMin;
    public long fundingMaxKnown;
    /** funding events whose upper bound is unknown (no amount, or open-ended): the max is then unknown */
    public long fundingMaxUnknown;

    /** Adds ({@code sign} 1) or removes ({@code sign} -1) the contribution of a group's events. */
    public void apply(List<EventGroup.Event> groupEvents, int sign) {
        for (EventGroup.Event event : groupEvents) {
            events += sign;
            merge(byType, event.type().name(), sign);
            merge(bySubject, event.first().subject(), sign);
            if (event.type() == EventType.FUNDING) {
                Mention amount = event.withAmount();
                fundingMin += sign * (amount == null ? 0 : amount.cnyMin());
                if (amount == null || amount.cnyMax() == null) {
                    fundingMaxUnknown += sign;
                } else {
                    fundingMaxKnown += sign * amount.cnyMax();
                }
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

    public AggregateRecord toRecord(WindowKey key, ZoneId zone, boolean isFinal) {
        List<AggregateRecord.SubjectCount> top = bySubject.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_SUBJECTS)
                .map(e -> new AggregateRecord.SubjectCount(e.getKey(), e.getValue()))
                .toList();
        return new AggregateRecord(key.key(), key.dimension().id(),
                Instant.ofEpochMilli(key.startMillis()).atZone(zone).toOffsetDateTime().toString(),
                Instant.ofEpochMilli(key.endMillis()).atZone(zone).toOffsetDateTime().toString(),
                key.window().isoPeriod(), events, articles, new TreeMap<>(byType), fundingMin,
                fundingMaxUnknown > 0 ? null : fundingMaxKnown, top, isFinal);
    }
}
