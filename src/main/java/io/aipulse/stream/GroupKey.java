package io.aipulse.stream;

/**
 * The partitioning key of aggregates, and the key of the query store: dimension and group key,
 * {@code sector|healthcare-biotech} or {@code sector-city|healthcare-biotech|hangzhou}.
 */
public final class GroupKey {

    private GroupKey() {
    }

    public static String of(Dimension dimension, String key) {
        return dimension.id() + "|" + key;
    }

    /** The key of the query store: group key and window size. */
    public static String withWindow(Dimension dimension, String key, CalendarWindow window) {
        return of(dimension, key) + "|" + window.suffix();
    }
}
