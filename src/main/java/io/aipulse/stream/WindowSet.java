package io.aipulse.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * The windows the mentions of one identity on one date count in. It grows with the distinct windows
 * (publication days and weeks, sectors, cities), not with the mentions: a hundred reports of one event
 * from one city on one day share six windows.
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
