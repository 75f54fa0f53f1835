package io.aipulse.page;

import io.aipulse.stream.AggregateRecord;
import io.aipulse.stream.CalendarWindow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one window, from its sector, city and sector x city aggregates. Every event has one
 * sector, so sums over the sectors (events, events by type, a subject's events) count each event once;
 * articles are not summed (one article may report events of several sectors).
 */
record WindowReport(CalendarWindow window, LocalDate start, List<AggregateRecord> sectors,
                    List<AggregateRecord> cities, List<AggregateRecord> sectorCities) {

    private static final Comparator<AggregateRecord> MOST_EVENTS =
            Comparator.comparingLong(AggregateRecord::events).reversed().thenComparing(AggregateRecord::key);

    /** The last day of the window. */
    LocalDate lastDay() {
        return window == CalendarWindow.DAY ? start : start.plusDays(6);
    }

    long events() {
        return sectors.stream().mapToLong(AggregateRecord::events).sum();
    }

    List<AggregateRecord> sectorsByEvents() {
        return sectors.stream().sorted(MOST_EVENTS).toList();
    }

    List<AggregateRecord> citiesByEvents() {
        return cities.stream().sorted(MOST_EVENTS).toList();
    }

    /** Sectors with an amount of funding, the largest (by upper bound) first. */
    List<AggregateRecord> fundedSectors() {
        return sectors.stream().filter(r -> maxFunding(r) > 0)
                .sorted(Comparator.comparingLong(WindowReport::maxFunding).reversed()
                        .thenComparing(AggregateRecord::key))
                .toList();
    }

    static long maxFunding(AggregateRecord record) {
        Long max = record.fundingCnyMax() != null ? record.fundingCnyMax() : record.fundingCnyMin();
        return max == null ? 0 : max;
    }

    /** Events of each sector x city pair: sector key -> city key -> events. */
    Map<String, Map<String, Long>> sectorCityEvents() {
        Map<String, Map<String, Long>> cells = new TreeMap<>();
        for (AggregateRecord record : sectorCities) {
            int bar = record.key().indexOf('|');
            cells.computeIfAbsent(record.key().substring(0, bar), s -> new TreeMap<>())
                    .put(record.key().substring(bar + 1), record.events());
        }
        return cells;
    }

    /** Event types by events, most first. */
    Map<String, Long> eventTypes() {
        Map<String, Long> types = new TreeMap<>();
        sectors.forEach(r -> r.byType().forEach((type, n) -> types.merge(type, n, Long::sum)));
        return mostFirst(types);
    }

    /**
     * The subjects with most events, from each sector's top subjects: a subject's events in different
     * sectors are different events, so they add up; a subject outside a sector's top list is not counted
     * there, so a count is at least what is shown.
     */
    List<AggregateRecord.SubjectCount> topSubjects(int limit) {
        Map<String, Long> subjects = new TreeMap<>();
        sectors.forEach(r -> r.topSubjects().forEach(s -> subjects.merge(s.subject(), s.events(), Long::sum)));
        List<AggregateRecord.SubjectCount> top = new ArrayList<>();
        mostFirst(subjects).forEach((subject, n) -> top.add(new AggregateRecord.SubjectCount(subject, n)));
        return top.subList(0, Math.min(limit, top.size()));
    }

    private static Map<String, Long> mostFirst(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
