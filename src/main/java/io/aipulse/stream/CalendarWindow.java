package io.aipulse.stream;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * Calendar windows in a time zone: days from local midnight and ISO weeks from Monday 00:00. Unlike
 * Kafka's epoch-aligned windows these follow the calendar, so a week is 167 or 169 hours across a
 * daylight-saving change and a Beijing day starts at 00:00 Beijing time, not 08:00.
 */
public enum CalendarWindow {
    DAY("1d", "P1D"),
    WEEK("1w", "P7D");

    private final String suffix;
    private final String isoPeriod;

    CalendarWindow(String suffix, String isoPeriod) {
        this.suffix = suffix;
        this.isoPeriod = isoPeriod;
    }

    /** Topic-name suffix: {@code 1d}, {@code 1w}. */
    public String suffix() {
        return suffix;
    }

    /** The ISO-8601 period shown in aggregate records: {@code P1D}, {@code P7D}. */
    public String isoPeriod() {
        return isoPeriod;
    }

    public ZonedDateTime start(Instant time, ZoneId zone) {
        LocalDate day = time.atZone(zone).toLocalDate();
        LocalDate first = this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return first.atStartOfDay(zone);
    }

    public ZonedDateTime end(ZonedDateTime start) {
        return this == DAY ? start.toLocalDate().plusDays(1).atStartOfDay(start.getZone())
                : start.toLocalDate().plusWeeks(1).atStartOfDay(start.getZone());
    }

    public Duration length(ZonedDateTime start) {
        return Duration.between(start, end(start));
    }

    public static CalendarWindow fromIsoPeriod(String period) {
        for (CalendarWindow window : values()) {
            if (window.isoPeriod.equalsIgnoreCase(period) || window.suffix.equalsIgnoreCase(period)) {
                return window;
            }
        }
        throw new IllegalArgumentException("unknown window '" + period + "': use P1D or P7D");
    }
}
