package io.aipulse.stream;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.aipulse.extract.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The state of one aggregate window: every distinct mention (by event id), from which the distinct
 * events are worked out when the aggregate is emitted. Working them out from the whole set, never
 * incrementally, makes the aggregate independent of the order mentions arrive in, which with several
 * partitions or after a fail-over is not determined by the input.
 *
 * <p>Identity rule: mentions of the same type and canonical subject (case and spaces ignored) are one
 * event when their dates are close. They are grouped in date order: a group starts at its earliest
 * date and takes every mention dated at most {@value #SAME_EVENT_DAYS} days after that start; mentions
 * without a date join the earliest group. The same event id (the same article republished) is one
 * mention. An event's amount is that of its first mention, in date then event-id order, that has one.
 */
public final class WindowState {

    static final int SAME_EVENT_DAYS = 3;
    private static final int TOP_SUBJECTS = 5;
    private static final Comparator<Mention> BY_DATE_THEN_ID = Comparator
            .comparing((Mention m) -> m.date() == null ? "" : m.date())
            .thenComparing(Mention::eventId);

    /** The stored form: mentions by event id. */
    public Map<String, Mention> mentions = new TreeMap<>();

    /** Adds a mention; false when it changed nothing (the same article and event seen before). */
    public boolean add(Mention mention) {
        return mentions.putIfAbsent(mention.eventId(), mention) == null;
    }

    /** One distinct event: its mentions, in date then event-id order. */
    record Event(List<Mention> mentions) {

        Mention first() {
            return mentions.get(0);
        }

        Set<String> articles() {
            Set<String> articles = new LinkedHashSet<>();
            mentions.forEach(m -> articles.add(m.articleId()));
            return articles;
        }

        Mention withAmount() {
            return mentions.stream().filter(Mention::hasAmount).findFirst().orElse(null);
        }
    }

    /** The distinct events of the window, in a deterministic order. */
    @JsonIgnore
    List<Event> events() {
        Map<String, List<Mention>> bySubject = new TreeMap<>();
        for (Mention mention : mentions.values()) {
            bySubject.computeIfAbsent(mention.type() + "|" + normalise(mention.subject()), k -> new ArrayList<>())
                    .add(mention);
        }
        List<Event> events = new ArrayList<>();
        bySubject.values().forEach(group -> events.addAll(groupByDate(group)));
        return events;
    }

    private static List<Event> groupByDate(List<Mention> sameSubject) {
        List<Mention> dated = new ArrayList<>();
        List<Mention> undated = new ArrayList<>();
        for (Mention mention : sameSubject) {
            (parse(mention.date()) == null ? undated : dated).add(mention);
        }
        dated.sort(BY_DATE_THEN_ID);
        undated.sort(BY_DATE_THEN_ID);
        List<List<Mention>> groups = new ArrayList<>();
        LocalDate groupStart = null;
        for (Mention mention : dated) {
            LocalDate date = parse(mention.date());
            if (groupStart == null || ChronoUnit.DAYS.between(groupStart, date) > SAME_EVENT_DAYS) {
                groups.add(new ArrayList<>());
                groupStart = date;
            }
            groups.get(groups.size() - 1).add(mention);
        }
        if (!undated.isEmpty()) {
            if (groups.isEmpty()) {
                groups.add(new ArrayList<>());
            }
            groups.get(0).addAll(undated);
        }
        return groups.stream().map(Event::new).toList();
    }

    public AggregateRecord toRecord(WindowKey key, ZoneId zone, boolean isFinal) {
        Set<String> articles = new LinkedHashSet<>();
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> bySubject = new TreeMap<>();
        long fundingMin = 0;
        Long fundingMax = 0L;
        List<Event> events = events();
        for (Event event : events) {
            articles.addAll(event.articles());
            byType.merge(event.first().type().name(), 1L, Long::sum);
            bySubject.merge(event.first().subject(), 1L, Long::sum);
            if (event.first().type() == EventType.FUNDING) {
                // min is a lower bound (an unknown amount adds at least 0); max is unknown as soon as
                // one round's amount is unknown or open-ended
                Mention amount = event.withAmount();
                fundingMin += amount == null ? 0 : amount.cnyMin();
                fundingMax = fundingMax == null || amount == null || amount.cnyMax() == null
                        ? null : fundingMax + amount.cnyMax();
            }
        }
        List<AggregateRecord.SubjectCount> top = bySubject.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_SUBJECTS)
                .map(e -> new AggregateRecord.SubjectCount(e.getKey(), e.getValue()))
                .toList();
        return new AggregateRecord(key.key(), key.dimension().id(),
                Instant.ofEpochMilli(key.startMillis()).atZone(zone).toOffsetDateTime().toString(),
                Instant.ofEpochMilli(key.endMillis()).atZone(zone).toOffsetDateTime().toString(),
                key.window().isoPeriod(), events.size(), articles.size(), byType, fundingMin, fundingMax, top, isFinal);
    }

    private static String normalise(String subject) {
        return Objects.requireNonNullElse(subject, "").toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static LocalDate parse(String date) {
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
