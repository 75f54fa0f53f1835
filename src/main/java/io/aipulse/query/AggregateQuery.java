package io.aipulse.query;

import io.aipulse.stream.CalendarWindow;
import io.aipulse.stream.Dimension;
import java.time.Instant;

/** A validated request for the aggregates of one group and window size, windows starting in [from, to]. */
public record AggregateQuery(Dimension dimension, String key, CalendarWindow window, Instant from, Instant to,
                             boolean forwarded) {
}
