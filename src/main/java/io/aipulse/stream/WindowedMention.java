package io.aipulse.stream;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A mention on its way to one window: which group and window it counts in. The window bounds travel
 * with it, because with event-date windows they do not follow from the record timestamp.
 *
 * <p>A tick (no mention) is sent to every aggregation partition for every article, so each partition's
 * clock follows the input even when articles bring no events for its groups: windows close on time.
 */
public record WindowedMention(Dimension dimension, String key, CalendarWindow window, long startMillis,
                              long endMillis, Mention mention) {

    public static final WindowedMention TICK = new WindowedMention(null, null, null, 0, 0, null);

    @JsonIgnore
    public boolean isTick() {
        return mention == null;
    }

    WindowKey windowKey() {
        return new WindowKey(window, endMillis, startMillis, dimension, key);
    }
}
