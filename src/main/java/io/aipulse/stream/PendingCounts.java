package io.aipulse.stream;

import java.util.HashMap;
import java.util.Map;

/**
 * The counters one record changes, written to their store once when the record is done: the events of
 * one article in one window mostly share the article's counter, which would otherwise be read and
 * written once per event. Lives for one record only, never across commits.
 */
final class PendingCounts implements Counters {

    private final Counters target;
    private final Map<String, Long> changed = new HashMap<>();

    PendingCounts(Counters target) {
        this.target = target;
    }

    @Override
    public long get(String name) {
        Long count = changed.get(name);
        return count == null ? target.get(name) : count;
    }

    @Override
    public void set(String name, long count) {
        changed.put(name, count);
    }

    void flush() {
        changed.forEach(target::set);
        changed.clear();
    }
}
