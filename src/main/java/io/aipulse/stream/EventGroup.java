package io.aipulse.stream;

import io.aipulse.extract.EventType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The mentions of one type and canonical subject in one window, and the distinct events they make.
 *
 * <p>Identity rule: the same event id (the same article republished) is one mention. Mentions are one
 * event when their dates are close: in date order, an event starts at its earliest date and takes every
 * mention dated at most {@value #SAME_EVENT_DAYS} days after that start; mentions without a date join
 * the earliest event. An event's amount is that of its first mention, in date then event-id order, that
 * has one. All of it is worked out from the whole set, so it does not depend on arrival order.
 */
public final class EventGroup {

    static final int SAME_EVENT_DAYS = 3;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Comparator<Mention> BY_DATE_THEN_ID = Comparator
            .comparing((Mention m) -> m.date() == null ? "" : m.date())
            .thenComparing(Mention::eventId);

    /** The stored form: the mentions, in date then event-id order. */
    public List<Mention> mentions = new ArrayList<>();

    /** The key of a group within its window: type and canonical subject (case and spaces ignored). */
    public static String keyOf(Mention mention) {
        // compiled once: String.replaceAll would compile the pattern for every mention aggregated
        return mention.type() + "|" + SPACES.matcher(Objects.requireNonNullElse(mention.subject(), "")
                .toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** Adds a mention; false when its event id is already here. */
    public boolean add(Mention mention) {
        for (Mention known : mentions) {
            if (known.eventId().equals(mention.eventId())) {
                return false;
            }
        }
        mentions.add(mention);
        mentions.sort(BY_DATE_THEN_ID);
        return true;
    }

    /** One distinct event: its mentions, in date then event-id order. */
    public record Event(List<Mention> mentions) {

        public Mention first() {
            return mentions.get(0);
        }

        /** The mention whose amount the event takes, or null. */
        public Mention withAmount() {
            return mentions.stream().filter(Mention::hasAmount).findFirst().orElse(null);
        }

        public EventType type() {
            return first().type();
        }
    }

    public List<Event> events() {
        List<List<Mention>> groups = new ArrayList<>();
        List<Mention> undated = new ArrayList<>();
        LocalDate groupStart = null;
        for (Mention mention : mentions) {
            LocalDate date = parse(mention.date());
            if (date == null) {
                undated.add(mention);
                continue;
            }
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
            groups.get(0).sort(BY_DATE_THEN_ID);
        }
        return groups.stream().map(Event::new).toList();
    }

    /**
     * The date of a mention, or null. Groups are worked out again for every mention they take, so the
     * usual {@code yyyy-MM-dd} is read by hand (as strictly as {@link LocalDate#parse}, which is slow).
     */
    static LocalDate parse(String date) {
        if (date == null) {
            return null;
        }
        if (date.length() == 10 && date.charAt(4) == '-' && date.charAt(7) == '-') {
            int year = digits(date, 0, 4);
            int month = digits(date, 5, 7);
            int day = digits(date, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException invalid) {
                    return null;
                }
            }
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The number written by the ASCII digits in {@code [from, to)}, or -1. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
