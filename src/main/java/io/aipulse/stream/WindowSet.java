package io.aipulse.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * The windows the mentions of one identity on one date count in that are still open. It grows with the
 * distinct open windows (publication days and weeks, sectors, cities), not with the mentions: a hundred
 * reports of one event from one city on one day share six windows.
 */
record WindowSet(List<WindowKey> windows) {

    static final WindowSet EMPTY = new WindowSet(List.of());

    boolean contains(WindowKey window) {
        return windows.contains(window);
    }

    /** The windows of {@code candidates} not in this set. */
    List<WindowKey> missing(List<WindowKey> candidates) {
        List<WindowKey> missing = new ArrayList<>();
        for (WindowKey window : candidates) {
            if (!windows.contains(window) && !missing.contains(window)) {
                missing.add(window);
            }
        }
        return missing;
    }

    /**
     * Without the windows closed at {@code now}: the aggregation ignores any change to them, so a date
     * reported for months keeps only the windows still open, not every one it was ever reported in.
     */
    WindowSet openAt(long now, java.util.Map<CalendarWindow, java.time.Duration> grace) {
        List<WindowKey> open = new ArrayList<>(windows.size());
        for (WindowKey window : windows) {
            if (window.endMillis() + grace.get(window.window()).toMillis() > now) {
                open.add(window);
            }
        }
        return open.size() == windows.size() ? this : new WindowSet(List.copyOf(open));
    }

    WindowSet with(List<WindowKey> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<WindowKey> all = new ArrayList<>(windows.size() + more.size());
        all.addAll(windows);
        all.addAll(more);
        return new WindowSet(List.copyOf(all));
    }
}
