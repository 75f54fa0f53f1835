package io.aipulse.stream;

/**
 * A mention on its way to one window: which group and window it counts in. The window bounds travel
 * with it, because with event-date windows they do not follow from the record timestamp.
 */
public record WindowedMention(Dimension dimension, String key, CalendarWindow window, long startMillis,
                              long endMillis, Mention mention) {

    WindowKey windowKey() {
        return new WindowKey(window, endMillis, startMillis, dimension, key);
    }
}
