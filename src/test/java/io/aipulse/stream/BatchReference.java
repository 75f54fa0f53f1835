package io.aipulse.stream;

import io.aipulse.extract.Event;
import io.aipulse.extract.EventType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The test oracle of the aggregation: the aggregate and late records the contract (docs/EVENTS.md) and
 * docs/DECISIONS.md define, worked out in one plain pass over the extracted events, with lists and maps
 * and no Kafka, no stores and no increments. Nothing here is shared with the stream's aggregation code
 * except the calendar ({@link CalendarWindow}) and the group keys ({@link Dimension}).
 *
 * <p>The articles are taken in the order the stream processed them, each with its record time and
 * events. One clock, the largest record time so far, closes a window when it reaches the window's end
 * plus grace: the window's record is then final, made of what arrived before, and a mention of it
 * arriving later is a late record. Windows still open at the end give their record of everything.
 *
 * <p>Which mentions are one event is decided over every mention received so far, whatever its window
 * (docs/DECISIONS.md, event identity): a window counts the events that have a mention in it.
 */
final class BatchReference {

    static final String LATE_REASON =
            "window closed: record time is after window end + grace on this partition's clock";
    private static final int SAME_EVENT_DAYS = 3;
    private static final int TOP_SUBJECTS = 5;

    /** One accepted article as the stream saw it: its record time and the events extracted from it. */
    record ArticleEvents(long time, List<Event> events) {
    }

    /** What the output topics hold in the end: the latest aggregate of every window, and every late record. */
    record Result(Map<WindowId, AggregateRecord> aggregates, List<LateRecord> late) {
    }

    /** One aggregate window: dimension, group key, size and bounds. */
    record WindowId(Dimension dimension, String key, CalendarWindow window, long start, long end) {
    }

    private record Placed(Event event, WindowId window) {
    }

    private final ZoneId zone;
    private final Map<CalendarWindow, Duration> grace;

    BatchReference(ZoneId zone, Map<CalendarWindow, Duration> grace) {
        this.zone = zone;
        this.grace = Map.copyOf(grace);
    }

    Result compute(List<ArticleEvents> articles) {
        Map<WindowId, List<Event>> arrived = new LinkedHashMap<>();
        List<Event> received = new ArrayList<>();
        Map<WindowId, AggregateRecord> results = new LinkedHashMap<>();
        Set<WindowId> closed = new HashSet<>();
        List<LateRecord> late = new ArrayList<>();
        long clock = Long.MIN_VALUE;
        for (ArticleEvents article : articles) {
            clock = Math.max(clock, article.time());
            for (Map.Entry<WindowId, List<Event>> window : arrived.entrySet()) {
                if (!closed.contains(window.getKey()) && closeTime(window.getKey()) <= clock) {
                    closed.add(window.getKey());
                    results.put(window.getKey(), aggregate(window.getKey(), window.getValue(), received, true));
                }
            }
            received.addAll(article.events());
            for (Placed placed : placements(article)) {
                if (closeTime(placed.window()) <= clock) {
                    late.add(lateRecord(placed, clock, article.time()));
                } else {
                    arrived.computeIfAbsent(placed.window(), w -> new ArrayList<>()).add(placed.event());
                }
            }
        }
        arrived.forEach((window, events) -> {
            if (!closed.contains(window)) {
                results.put(window, aggregate(window, events, received, false));
            }
        });
        return new Result(results, late);
    }

    /** Every event of the article in its six windows (each dimension, day and week) by publication time. */
    private List<Placed> placements(ArticleEvents article) {
        List<Placed> placed = new ArrayList<>();
        Instant time = Instant.ofEpochMilli(article.time());
        for (Event event : article.events()) {
            for (Dimension dimension : Dimension.values()) {
                for (CalendarWindow window : CalendarWindow.values()) {
                    long start = window.start(time, zone).toInstant().toEpochMilli();
                    long end = window.end(window.start(time, zone)).toInstant().toEpochMilli();
                    placed.add(new Placed(event, new WindowId(dimension, dimension.keyOf(event), window, start, end)));
                }
            }
        }
        return placed;
    }

    private long closeTime(WindowId window) {
        return window.end() + grace.get(window.window()).toMillis();
    }

    // ------------------------------------------------------------------------------------------------
    // one window's aggregate, from the events that reached it

    /** One distinct event of a window: its mentions in date, then event id, order. */
    private record DistinctEvent(List<Event> mentions) {

        Event first() {
            return mentions.get(0);
        }

        /** The first mention that states a funding amount, or null. */
        Event withAmount() {
            return mentions.stream().filter(BatchReference::hasAmount).findFirst().orElse(null);
        }
    }

    private AggregateRecord aggregate(WindowId window, List<Event> mentions, List<Event> received, boolean isFinal) {
        List<DistinctEvent> events = distinctEvents(mentions, received);
        Set<String> articles = new HashSet<>();
        mentions.forEach(mention -> articles.add(mention.articleId()));
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> bySubject = new TreeMap<>();
        long fundingMin = 0;
        long fundingMax = 0;
        boolean fundingMaxKnown = true;
        for (DistinctEvent event : events) {
            byType.merge(event.first().type().name(), 1L, Long::sum);
            bySubject.merge(event.first().subject(), 1L, Long::sum);
            if (event.first().type() == EventType.FUNDING) {
                Event amount = event.withAmount();
                fundingMin += amount == null ? 0 : amount.amount().cnyMin();
                if (amount == null || amount.amount().cnyMax() == null) {
                    fundingMaxKnown = false;
                } else {
                    fundingMax += amount.amount().cnyMax();
                }
            }
        }
        List<AggregateRecord.SubjectCount> top = bySubject.entrySet().stream()
                .map(e -> new AggregateRecord.SubjectCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(AggregateRecord.SubjectCount::events).reversed()
                        .thenComparing(AggregateRecord.SubjectCount::subject))
                .limit(TOP_SUBJECTS)
                .toList();
        return new AggregateRecord(window.key(), window.dimension().id(), time(window.start()), time(window.end()),
                window.window().isoPeriod(), events.size(), articles.size(), byType, fundingMin,
                fundingMaxKnown ? fundingMax : null, top, isFinal);
    }

    /**
     * The identity rule of docs/DECISIONS.md: one mention per event id; of all mentions received so far,
     * those of one type and canonical subject are one event when, in date order, they are at most three
     * days after the date that started the event; mentions without a date join the earliest event. The
     * window's events are those with a mention in the window.
     */
    private static List<DistinctEvent> distinctEvents(List<Event> inWindow, List<Event> received) {
        Set<String> identities = new HashSet<>();
        inWindow.forEach(mention -> identities.add(identity(mention)));
        Map<String, Map<String, Event>> byIdentity = new LinkedHashMap<>();
        for (Event mention : received) {
            if (identities.contains(identity(mention))) {
                byIdentity.computeIfAbsent(identity(mention), k -> new LinkedHashMap<>())
                        .putIfAbsent(mention.eventId(), mention);
            }
        }
        Set<String> windowEventIds = new HashSet<>();
        inWindow.forEach(mention -> windowEventIds.add(mention.eventId()));
        List<DistinctEvent> events = new ArrayList<>();
        for (Map<String, Event> sameIdentity : byIdentity.values()) {
            List<Event> sorted = new ArrayList<>(sameIdentity.values());
            sorted.sort(DATE_THEN_ID);
            List<List<Event>> groups = new ArrayList<>();
            List<Event> undated = new ArrayList<>();
            LocalDate groupStart = null;
            for (Event mention : sorted) {
                LocalDate date = date(mention);
                if (date == null) {
                    undated.add(mention);
                } else {
                    if (groupStart == null || ChronoUnit.DAYS.between(groupStart, date) > SAME_EVENT_DAYS) {
                        groups.add(new ArrayList<>());
                        groupStart = date;
                    }
                    groups.get(groups.size() - 1).add(mention);
                }
            }
            if (!undated.isEmpty()) {
                if (groups.isEmpty()) {
                    groups.add(new ArrayList<>());
                }
                groups.get(0).addAll(undated);
                groups.get(0).sort(DATE_THEN_ID);
            }
            groups.stream().filter(group -> group.stream().anyMatch(m -> windowEventIds.contains(m.eventId())))
                    .forEach(group -> events.add(new DistinctEvent(group)));
        }
        return events;
    }

    private static final Comparator<Event> DATE_THEN_ID = Comparator
            .comparing((Event e) -> date(e) == null ? "" : e.date())
            .thenComparing(Event::eventId);

    static String identity(Event event) {
        String subject = event.subject() == null ? "" : event.subject();
        return event.type() + "|" + subject.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static LocalDate date(Event event) {
        try {
            return event.date() == null ? null : LocalDate.parse(event.date());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static boolean hasAmount(Event event) {
        return event.type() == EventType.FUNDING && event.amount() != null && event.amount().cnyMin() != null;
    }

    private LateRecord lateRecord(Placed placed, long clock, long recordTime) {
        WindowId window = placed.window();
        return new LateRecord(LATE_REASON, window.dimension().id(), window.key(), window.window().isoPeriod(),
                time(window.start()), time(window.end()), time(closeTime(window)), time(clock), time(recordTime),
                placed.event().eventId(), placed.event().articleId());
    }

    private String time(long millis) {
        return Instant.ofEpochMilli(millis).atZone(zone).toOffsetDateTime().toString();
    }
}
