package io.aipulse.stream;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Aggregates calendar windows from the changes the identity stage sends: a mention counts its article
 * when it is the article's first in the window, and an event's contribution enters or leaves the
 * window's totals; nothing here depends on how many mentions or events the window already has. The
 * changes of one record update a window together, and the window is marked updated. Once per commit interval (a wall-clock punctuation) every
 * updated window emits its current aggregate once (consumers see counts change, at most once per window
 * and commit). When this partition's clock passes a window's end plus its grace period, the window emits
 * one record with {@code final: true} at once and leaves the working stores. A mention for a window that
 * has already closed is late: it is emitted as a {@link LateRecord}, never dropped silently. Every
 * emitted aggregate is also kept in the query store for interactive queries.
 *
 * <p>Which windows await their update is itself a store, changelogged like the others and committed in
 * the same transaction, so under exactly-once a crash neither loses an update nor commits one twice (a
 * field of this processor would be lost: nothing tells a processor that its task committed).
 *
 * <p>The clock is the largest record time this processor has seen (mentions and ticks), kept in a store:
 * closing and lateness depend only on the records that reach this partition, in their order, so a
 * restart or a re-run gives the same results.
 */
final class WindowAggregator implements Processor<String, WindowBatch, String, WindowResult> {

    /** The names of the stores the aggregator works with. */
    record StoreNames(String windows, String subjects, String updated, String results, String clock) {

        String[] all() {
            return new String[] {windows, subjects, updated, results, clock};
        }
    }

    private static final String CLOCK_KEY = "clock";

    private final StoreNames storeNames;
    private final ZoneId zone;
    private final Map<CalendarWindow, Duration> grace;
    private final StreamMetrics metrics;
    private ProcessorContext<String, WindowResult> context;
    private KeyValueStore<String, WindowSummary> windows;
    private KeyValueStore<String, Long> subjects;
    /** Windows updated since they last emitted, with the time of the last record that updated them. */
    private KeyValueStore<String, Long> updated;
    private WindowStore<String, AggregateRecord> results;
    private KeyValueStore<String, Long> clock;

    WindowAggregator(StoreNames storeNames, ZoneId zone, Map<CalendarWindow, Duration> grace, StreamMetrics metrics) {
        this.storeNames = storeNames;
        this.zone = zone;
        this.grace = Map.copyOf(grace);
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, WindowResult> context) {
        this.context = context;
        this.windows = context.getStateStore(storeNames.windows());
        this.subjects = context.getStateStore(storeNames.subjects());
        this.updated = context.getStateStore(storeNames.updated());
        this.results = context.getStateStore(storeNames.results());
        this.clock = context.getStateStore(storeNames.clock());
        context.schedule(commitInterval(context), PunctuationType.WALL_CLOCK_TIME, now -> emitUpdated());
    }

    private static Duration commitInterval(ProcessorContext<?, ?> context) {
        Object configured = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        return Duration.ofMillis(Long.parseLong(String.valueOf(configured)));
    }

    @Override
    public void process(Record<String, WindowBatch> record) {
        long now = advanceClock(record.timestamp());
        for (WindowChange change : record.value().changes()) {
            apply(change, now, record);
        }
    }

    /** Applies one window's changes, or sends its mentions to the late topic when it has closed. */
    private void apply(WindowChange change, long now, Record<String, WindowBatch> record) {
        WindowKey key = change.window();
        change.touches().forEach(touch -> metrics.mentionProcessed());
        long graceEnd = closeTime(key);
        if (graceEnd <= now) {
            // the contributions go with them: a closed window's final record does not change
            for (WindowChange.Touch touch : change.touches()) {
                metrics.lateRecord(key.window().isoPeriod());
                context.forward(record.withKey(GroupKey.of(key.dimension(), key.key()))
                        .withValue(WindowResult.late(lateRecord(key, graceEnd, now, record.timestamp(), touch))));
            }
            return;
        }
        String windowKey = key.encode();
        WindowSummary summary = windows.get(windowKey);
        if (summary == null) {
            summary = new WindowSummary();
            opened(key);
        }
        boolean changed = false;
        for (WindowChange.Touch touch : change.touches()) {
            if (touch.firstOfArticle()) {
                summary.articles++;
                changed = true;
            }
        }
        String prefix = key.entryPrefix();
        for (WindowChange.Delta delta : change.deltas()) {
            summary.apply(delta.contribution(), delta.sign());
            String subject = String.valueOf(delta.contribution().subject());
            String subjectKey = prefix + subject;
            Long count = subjects.get(subjectKey);
            long next = (count == null ? 0 : count) + delta.sign();
            subjects.put(subjectKey, next == 0 ? null : next);
            summary.subjectCounted(subject, next, delta.sign());
            changed = true;
        }
        if (changed) {
            windows.put(windowKey, summary);
            updated.put(windowKey, record.timestamp());
        }
    }

    /** Emits the current aggregate of every window updated since the last punctuation. */
    private void emitUpdated() {
        List<KeyValue<String, Long>> pending = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = updated.all()) {
            it.forEachRemaining(pending::add);
        }
        for (KeyValue<String, Long> window : pending) {
            WindowKey key = WindowKey.decode(window.key);
            WindowSummary summary = windows.get(window.key);
            if (summary != null) {
                emit(key, record(key, summary, false), window.value);
            }
            remove(updated, window.key);
        }
    }

    /** Moves the clock forward to {@code time} if it is later, closing the windows that passes. */
    private long advanceClock(long time) {
        Long current = clock.get(CLOCK_KEY);
        if (current != null && current >= time) {
            return current;
        }
        clock.put(CLOCK_KEY, time);
        for (CalendarWindow window : CalendarWindow.values()) {
            Long nextClose = clock.get(nextCloseKey(window));
            // unknown (state of an earlier version): look
            if (nextClose == null || nextClose <= time) {
                closeWindows(window, time);
            }
        }
        return time;
    }

    /**
     * The clock store also keeps, per window size, when the earliest open window closes: the clock
     * advances with almost every record, and only the rare advance past that time needs to look for
     * windows to close.
     */
    private static String nextCloseKey(CalendarWindow window) {
        return "next-close|" + window.suffix();
    }

    private long closeTime(WindowKey key) {
        return key.endMillis() + grace.get(key.window()).toMillis();
    }

    /** A new window may close before the earliest one known so far. */
    private void opened(WindowKey key) {
        String nextCloseKey = nextCloseKey(key.window());
        Long nextClose = clock.get(nextCloseKey);
        if (nextClose != null && closeTime(key) < nextClose) {
            clock.put(nextCloseKey, closeTime(key));
        }
    }

    private void closeWindows(CalendarWindow window, long now) {
        long closeBefore = now - grace.get(window).toMillis();
        List<KeyValue<String, WindowSummary>> closing = new ArrayList<>();
        try (KeyValueIterator<String, WindowSummary> it =
                     windows.range(WindowKey.lowest(window), WindowKey.above(window, closeBefore))) {
            it.forEachRemaining(closing::add);
        }
        for (KeyValue<String, WindowSummary> entry : closing) {
            WindowKey key = WindowKey.decode(entry.key);
            emit(key, record(key, entry.value, true), now);
            remove(windows, entry.key);
            remove(updated, entry.key);
            deletePrefix(subjects, key.entryPrefix());
        }
        long nextClose = Long.MAX_VALUE;
        try (KeyValueIterator<String, WindowSummary> open =
                     windows.range(WindowKey.lowest(window), WindowKey.highest(window))) {
            if (open.hasNext()) {
                nextClose = closeTime(WindowKey.decode(open.next().key));
            }
        }
        clock.put(nextCloseKey(window), nextClose);
    }

    /**
     * The window's record. Its top subjects are kept as counts grow; only after a count fell are all the
     * window's subject counts read to rank them again (the summary is then stored ranked, unless closing).
     */
    private AggregateRecord record(WindowKey key, WindowSummary summary, boolean isFinal) {
        if (!summary.topKnown) {
            String prefix = key.entryPrefix();
            try (KeyValueIterator<String, Long> counts = subjects.prefixScan(prefix, Serdes.String().serializer())) {
                summary.rankSubjects(new Iterator<Map.Entry<String, Long>>() {
                    @Override
                    public boolean hasNext() {
                        return counts.hasNext();
                    }

                    @Override
                    public Map.Entry<String, Long> next() {
                        KeyValue<String, Long> count = counts.next();
                        return Map.entry(count.key.substring(prefix.length()), count.value);
                    }
                });
            }
            if (!isFinal) {
                windows.put(key.encode(), summary);
            }
        }
        return summary.toRecord(key, zone, isFinal);
    }


    private static <V> void deletePrefix(KeyValueStore<String, V> store, String prefix) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.prefixScan(prefix, Serdes.String().serializer())) {
            it.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(key -> remove(store, key));
    }

    /** Deletes without reading back (and deserialising) the old value, as {@code delete} would. */
    private static <V> void remove(KeyValueStore<String, V> store, String key) {
        store.put(key, null);
    }

    private void emit(WindowKey key, AggregateRecord aggregate, long timestamp) {
        results.put(GroupKey.withWindow(key.dimension(), key.key(), key.window()), aggregate, key.startMillis());
        context.forward(new Record<>(aggregate.outputKey(), WindowResult.of(aggregate), timestamp));
    }

    private LateRecord lateRecord(WindowKey key, long graceEnd, long now, long recordTime, WindowChange.Touch touch) {
        return new LateRecord("window closed: record time is after window end + grace on this partition's clock",
                key.dimension().id(), key.key(), key.window().isoPeriod(),
                time(key.startMillis()), time(key.endMillis()), time(graceEnd), time(now),
                time(recordTime), touch.eventId(), touch.articleId());
    }

    private String time(long millis) {
        return Instant.ofEpochMilli(millis).atZone(zone).toOffsetDateTime().toString();
    }
}
