package io.aipulse.stream;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The mentions one article brings to one window, on their way to the partition owning the window's
 * group: an article's events mostly share a sector and city, so one record per (group, window) and
 * article carries what would otherwise be several. The window bounds travel with it, because with
 * event-date windows they do not follow from the record timestamp.
 *
 * <p>A tick (no mentions) is sent to every aggregation partition for every article, so each partition's
 * clock follows the input even when articles bring no events for its groups: windows close on time.
 */
public record WindowMentions(Dimension dimension, String key, CalendarWindow window, long startMillis,
                             long endMillis, List<Mention> mentions) {

    public static final WindowMentions TICK = new WindowMentions(null, null, null, 0, 0, null);

    @JsonIgnore
    public boolean isTick() {
        return mentions == null;
    }

    WindowKey windowKey() {
        return new WindowKey(window, endMillis, startMillis, dimension, key);
    }
}
