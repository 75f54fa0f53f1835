package io.aipulse.stream;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One window held in memory: its groups of mentions, totals, article and subject counters. It applies exactly
 * the rules the {@link WindowAggregator} applies to its stores ({@link WindowUpdate}), so the rules
 * can be read and tested in one place.
 */
public final class WindowState {

    private final Map<String, EventGroup> groups = new TreeMap<>();
    private final Map<String, Long> articleCounts = new TreeMap<>();
    private final Map<String, Long> subjectCounts = new TreeMap<>();
    private final WindowSummary summary = new WindowSummary();

    /** Adds a mention; false when it changed nothing (the same article and event seen before). */
    public boolean add(Mention mention) {
        String key = EventGroup.keyOf(mention);
        EventGroup group = groups.computeIfAbsent(key, k -> new EventGroup());
        return WindowUpdate.add(mention, group, summary, Counters.of(articleCounts), Counters.of(subjectCounts));
    }

    /** The distinct events of the window, group by group. */
    public List<EventGroup.Event> events() {
        List<EventGroup.Event> events = new ArrayList<>();
        groups.values().forEach(group -> events.addAll(group.events()));
        return events;
    }

    public AggregateRecord toRecord(WindowKey key, ZoneId zone, boolean isFinal) {
        return summary.toRecord(key, zone, isFinal, subjectCounts.entrySet().iterator());
    }
}
