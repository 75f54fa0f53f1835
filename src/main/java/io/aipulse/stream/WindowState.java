package io.aipulse.stream;

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
 * The state of one aggregate window: its distinct events, each with the articles that mention it.
 *
 * <p>Identity rule: a mention is the same event as one already counted when it has the same event id
 * (the same article republished), or the same type and canonical subject with event dates at most
 * {@value #SAME_EVENT_DAYS} days apart (a missing date matches any date). So one event reported by two
 * articles counts as one event with two articles.
 */
public final class WindowState {

    static final int SAME_EVENT_DAYS = 3;
    private static final int TOP_SUBJECTS = 5;

    /** One distinct event of the window. Public fields: this is the stored JSON form. */
    public static final class Entry {
        public EventType type;
        public String subject;
        public String date;
        public Long cnyMin;
        public Long cnyMax;
        public boolean hasAmount;
        public Set<String> eventIds = new LinkedHashSet<>();
        public Set<String> articles = new LinkedHashSet<>();

        boolean sameEventAs(Mention mention) {
            if (eventIds.contains(mention.eventId())) {
                return true;
            }
            return type == mention.type() && normalise(subject).equals(normalise(mention.subject()))
                    && datesClose(date, mention.date());
        }
    }

    public List<Entry> events = new ArrayList<>();

    /** Adds a mention; false when it changed nothing (the same article and event seen before). */
    public boolean add(Mention mention) {
        for (Entry entry : events) {
            if (entry.sameEventAs(mention)) {
                boolean changed = entry.eventIds.add(mention.eventId()) | entry.articles.add(mention.articleId());
                if (!entry.hasAmount && mention.hasAmount()) {
                    entry.cnyMin = mention.cnyMin();
                    entry.cnyMax = mention.cnyMax();
                    entry.hasAmount = true;
                    changed = true;
                }
                return changed;
            }
        }
        Entry entry = new Entry();
        entry.type = mention.type();
        entry.subject = mention.subject();
        entry.date = mention.date();
        entry.cnyMin = mention.cnyMin();
        entry.cnyMax = mention.cnyMax();
        entry.hasAmount = mention.hasAmount();
        entry.eventIds.add(mention.eventId());
        entry.articles.add(mention.articleId());
        events.add(entry);
        return true;
    }

    public AggregateRecord toRecord(WindowKey key, ZoneId zone, boolean isFinal) {
        Set<String> articles = new LinkedHashSet<>();
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> bySubject = new TreeMap<>();
        long fundingMin = 0;
        Long fundingMax = 0L;
        for (Entry entry : events) {
            articles.addAll(entry.articles);
            byType.merge(entry.type.name(), 1L, Long::sum);
            bySubject.merge(entry.subject, 1L, Long::sum);
            if (entry.type == EventType.FUNDING) {
                // min is a lower bound (an unknown amount adds at least 0); max is unknown as soon as
                // one round's amount is unknown or open-ended
                fundingMin += entry.hasAmount ? entry.cnyMin : 0;
                fundingMax = fundingMax == null || !entry.hasAmount || entry.cnyMax == null
                        ? null : fundingMax + entry.cnyMax;
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

    private static boolean datesClose(String a, String b) {
        if (a == null || b == null) {
            return true;
        }
        try {
            return Math.abs(ChronoUnit.DAYS.between(LocalDate.parse(a), LocalDate.parse(b))) <= SAME_EVENT_DAYS;
        } catch (DateTimeParseException e) {
            return a.equals(b);
        }
    }
}
