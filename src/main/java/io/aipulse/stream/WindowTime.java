package io.aipulse.stream;

import io.aipulse.extract.Event;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Which time places an event in a window. By default the article's publication time (the record
 * timestamp: when the news was reported, as GDELT's update windows do); optionally the event's own date,
 * which needs a longer grace period because news reports events days after they happen.
 */
public enum WindowTime {
    PUBLICATION,
    EVENT;

    /** The instant that selects the window of {@code event} carried by a record stamped {@code recordTime}. */
    public Instant of(Event event, long recordTime, ZoneId zone) {
        if (this == EVENT && event.date() != null) {
            try {
                return LocalDate.parse(event.date()).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException unparsable) {
                return Instant.ofEpochMilli(recordTime);
            }
        }
        return Instant.ofEpochMilli(recordTime);
    }

    public static WindowTime fromConfig(String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "publication", "article" -> PUBLICATION;
            case "event", "event-date" -> EVENT;
            default -> throw new IllegalArgumentException(
                    "window.time must be 'publication' or 'event', got '" + value + "'");
        };
    }
}
