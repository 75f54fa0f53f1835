package io.aipulse.fuzz;

import io.aipulse.article.Article;
import io.aipulse.extract.Amount;
import io.aipulse.extract.DateSource;
import io.aipulse.extract.Event;
import io.aipulse.extract.EventType;
import io.aipulse.metrics.MetricTags;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The event record contract of docs/EVENTS.md as checks on every event the extractor returns. A
 * violation throws an {@link AssertionError} whose first line names the rule (the fuzz harness shrinks
 * an input while the same rule fails).
 */
final class EventContract {

    static final Set<String> SECTORS = Set.copyOf(MetricTags.SECTORS);
    static final Set<String> CURRENCIES = Set.of("CNY", "USD", "EUR", "GBP", "CAD", "HKD", "JPY");
    private static final Pattern CITY = Pattern.compile("[a-z][a-z-]*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private EventContract() {
    }

    /** Checks every event of {@code article}; {@code cleanedText} is the article's full text after cleaning. */
    static void check(Article article, String cleanedText, List<Event> events) {
        if (events == null) {
            throw new AssertionError("events: null list");
        }
        Set<String> ids = new HashSet<>();
        for (Event e : events) {
            check(article, cleanedText, e);
            rule(ids.add(e.eventId()), "eventId: unique within an article", e);
        }
    }

    static void check(Article article, String cleanedText, Event e) {
        rule(e != null, "event: not null", e);
        rule(e.eventId() != null && !e.eventId().isBlank(), "eventId: not null", e);
        rule(article.id().equals(e.articleId()), "articleId: the article's id", e);
        rule(e.type() != null, "type: not null", e);
        rule(e.subject() != null && !e.subject().isBlank(), "subject: not null or blank", e);
        rule(e.counterparties() != null && e.counterparties().stream().allMatch(c -> c != null && !c.isBlank()),
                "counterparties: a list of names", e);
        rule(e.sector() != null && SECTORS.contains(e.sector()), "sector: one of the 15 ids", e);
        rule(e.date() == null || isIsoDate(e.date()), "date: ISO yyyy-MM-dd or null", e);
        rule(e.dateSource() != null, "dateSource: not null", e);
        rule(e.date() != null || e.dateSource() == DateSource.UNKNOWN, "dateSource: UNKNOWN when date is null", e);
        rule(e.date() == null || e.dateSource() != DateSource.UNKNOWN, "dateSource: not UNKNOWN with a date", e);
        rule(e.city() == null || CITY.matcher(e.city()).matches(), "city: a lower-case slug or null", e);
        rule(e.country() == null || COUNTRY.matcher(e.country()).matches(), "country: ISO alpha-2 or null", e);
        rule(e.type() == EventType.FUNDING ? e.round() != null : e.round() == null,
                "round: set for FUNDING (UNDISCLOSED when unknown), null otherwise", e);
        rule(e.type() == EventType.IPO || e.stage() == null, "stage: only for IPO", e);
        Amount a = e.amount();
        if (a != null) {
            rule(a.currency() != null && CURRENCIES.contains(a.currency()), "amount.currency: one of the seven", e);
            rule(a.min() == null || a.min() >= 0, "amount.min: not negative", e);
            rule(a.min() == null || a.max() == null || a.min() <= a.max(), "amount: min <= max", e);
            rule(a.cnyMin() == null || a.cnyMax() == null || a.cnyMin() <= a.cnyMax(), "amount: cnyMin <= cnyMax", e);
            rule(a.text() != null && !a.text().isBlank(), "amount.text: the amount as written", e);
        }
        rule(e.evidence() != null && !e.evidence().isBlank(), "evidence: not empty", e);
        rule(cleanedText.contains(e.evidence()), "evidence: a substring of the cleaned text", e);
    }

    private static boolean isIsoDate(String date) {
        try {
            return LocalDate.parse(date).toString().equals(date);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void rule(boolean holds, String rule, Event event) {
        if (!holds) {
            throw new AssertionError(rule + "\n  event: " + event);
        }
    }
}
