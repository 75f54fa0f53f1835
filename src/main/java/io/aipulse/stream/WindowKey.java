package io.aipulse.stream;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The key of one aggregate window: window size, end, start, dimension and group key, laid out as
 * {@code 1d|<end millis>|<start millis>|sector|healthcare-biotech} so the store keeps windows ordered
 * by size then end, and closing windows is one range scan.
 */
public record WindowKey(CalendarWindow window, long endMillis, long startMillis, Dimension dimension, String key) {

    private static final String SEP = "|";

    public static WindowKey of(CalendarWindow window, Dimension dimension, String key, Instant time, ZoneId zone) {
        ZonedDateTime start = window.start(time, zone);
        return new WindowKey(window, window.end(start).toInstant().toEpochMilli(), start.toInstant().toEpochMilli(),
                dimension, key);
    }

    public String encode() {
        StringBuilder encoded = new StringBuilder(40 + key.length()).append(window.suffix()).append(SEP);
        padded(encoded, endMillis).append(SEP);
        return padded(encoded, startMillis).append(SEP).append(dimension.id()).append(SEP).append(key).toString();
    }

    /** Thirteen digits, zero-padded like {@code %013d} (which is slow: keys are encoded for every record). */
    private static StringBuilder padded(StringBuilder into, long millis) {
        if (millis < 0) {
            return into.append(String.format("%013d", millis));
        }
        String digits = Long.toString(millis);
        for (int i = digits.length(); i < 13; i++) {
            into.append('0');
        }
        return into.append(digits);
    }

    /**
     * The prefix of this window's entries in the stores that hold many per window (event groups,
     * articles, subjects): size, end in base 36, dimension and key, {@code 1dlkf3x9c0|0|healthcare-biotech#}
     * (the start follows from size and end; group keys are slugs, without {@code #}). Those stores
     * compare keys byte by byte and a window's entries all share this prefix, so it is kept short.
     */
    public String entryPrefix() {
        return window.suffix() + Long.toString(endMillis, Character.MAX_RADIX) + SEP + dimension.ordinal() + SEP + key
                + "#";
    }

    public static WindowKey decode(String encoded) {
        String[] parts = encoded.split("\\|", 5);
        return new WindowKey(CalendarWindow.fromIsoPeriod(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                Dimension.fromId(parts[3]), parts[4]);
    }

    /** The smallest encoded key of a window size (range scan start). */
    public static String lowest(CalendarWindow window) {
        return window.suffix() + SEP;
    }

    /** An encoded key above every window of this size (range scan end). */
    public static String highest(CalendarWindow window) {
        return window.suffix() + SEP + "~";
    }

    /** An encoded key above every window of this size that ends at or before {@code endMillis}. */
    public static String above(CalendarWindow window, long endMillis) {
        return padded(new StringBuilder().append(window.suffix()).append(SEP), endMillis).append(SEP).append('~')
                .toString();
    }
}
