package io.aipulse.query;

import io.aipulse.stream.CalendarWindow;
import io.aipulse.stream.Dimension;
import java.time.Instant;

/**
 * A validated request for the aggregates of every group of one dimension and window size, windows starting
 * in [from, to]; {@code forwarded}: asked by another instance, which wants this instance's groups only.
 */
public record AggregateListQuery(Dimension dimension, CalendarWindow window, Instant from, Instant to,
                                 boolean forwarded) {

    /** The same question as another instance is asked it: this instance's groups only. */
    public AggregateListQuery asForwarded() {
        return new AggregateListQuery(dimension, window, from, to, true);
    }
}
