package io.aipulse.stream;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Aggregates mentions in calendar windows. The mentions an article brings to a window update it together
 * and emit the new aggregate once (consumers see counts change). When this partition's clock passes a window's end plus its
 * grace period, the window emits one record with {@code final: true} and leaves the working store. A
 * mention for a window that has already closed is late: it is emitted as a {@link LateRecord}, never
 * dropped silently. Every emitted aggregate is also kept in the query store for interactive queries.
 *
 * <p>The clock is the largest record time this processor has seen (mentions and ticks), kept in a store:
 * closing and lateness depend only on the records that reach this partition, in their order, so a
 * restart or a re-run gives the same results.
 */
final class WindowAggregator implements Processor<String, WindowMentions, String, WindowResult> {

    private static final String CLOCK_KEY = "clock";

    private static final String GROUP_SEPARATOR = "#";

    private final String windowStoreName;
    private final String groupStoreName;
    private final String articleStoreName;
    private final String resultStoreName;
    private final String clockStoreName;
    private final ZoneId zone;
    private final Map<CalendarWindow, Duration> grace;
    private final StreamMetrics metrics;
    private ProcessorContext<String, WindowResult> context;
    private KeyValueStore<String, WindowSummary> windows;
    private KeyValueStore<String, EventGroup> groups;
    private KeyValueStore<String, Long> articles;
    private WindowStore<String, AggregateRecord> results;
    private KeyValueStore<String, Long> clock;

    WindowAggregator(String windowStoreName, String groupStoreName, String articleStoreName, String resultStoreName,
                     String clockStoreName, ZoneId zone, Map<CalendarWindow, Duration> grace, StreamMetrics metrics) {
        this.windowStoreName = windowStoreName;
        this.groupStoreName = groupStoreName;
        this.articleStoreName = articleStoreName;
        this.resultStoreName = resultStoreName;
        this.clockStoreName = clockStoreName;
        this.zone = zone;
        this.grace = Map.copyOf(grace);
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, WindowResult> context) {
        this.context = context;
        this.windows = context.getStateStore(windowStoreName);
        this.groups = context.getStateStore(groupStoreName);
        this.articles = context.getStateStore(articleStoreName);
        this.results = context.getStateStore(resultStoreName);
        this.clock = context.getStateStore(clockStoreName);
    }

    @Override
    public void process(Record<String, WindowMentions> record) {
        long now = advanceClock(record.timestamp());
        if (record.value().isTick()) {
            return;
        }
        WindowKey key = record.value().windowKey();
        List<Mention> mentions = record.value().mentions();
        mentions.forEach(mention -> metrics.mentionProcessed());
        long graceEnd = key.endMillis() + grace.get(key.window()).toMillis();
        if (graceEnd <= now) {
            for (Mention mention : mentions) {
                metrics.lateRecord(key.window().isoPeriod());
                context.forward(record.withValue(WindowResult.late(lateRecord(key, graceEnd, now, record, mention))));
            }
            return;
        }
        String windowKey = key.encode();
        WindowSummary summary = orNew(windows.get(windowKey));
        boolean changed = false;
        for (Mention mention : mentions) {
            changed |= add(windowKey, mention, summary);
        }
        if (changed) {
            windows.put(windowKey, summary);
            emit(key, summary.toRecord(key, zone, false), record.timestamp());
        }
    }

    /** Applies one mention to its group, the window's totals and article counters; false if nothing changed. */
    private boolean add(String windowKey, Mention mention, WindowSummary summary) {
        String groupKey = windowKey + GROUP_SEPARATOR + EventGroup.keyOf(mention);
        EventGroup group = groups.get(groupKey);
        if (group == null) {
            group = new EventGroup();
        }
        String articlePrefix = windowKey + GROUP_SEPARATOR;
        boolean changed = WindowUpdate.add(mention, group, summary,
                article -> articles.get(articlePrefix + article),
                (article, count) -> articles.put(articlePrefix + article, count),
                article -> articles.delete(articlePrefix + article));
        if (changed) {
            groups.put(groupKey, group);
        }
        return changed;
    }

    private static WindowSummary orNew(WindowSummary summary) {
        return summary == null ? new WindowSummary() : summary;
    }

    /** Moves the clock forward to {@code time} if it is later, closing the windows that passes. */
    private long advanceClock(long time) {
        Long current = clock.get(CLOCK_KEY);
        if (current != null && current >= time) {
            return current;
        }
        clock.put(CLOCK_KEY, time);
        closeWindows(time);
        return time;
    }

    private void closeWindows(long now) {
        for (CalendarWindow window : CalendarWindow.values()) {
            long closeBefore = now - grace.get(window).toMillis();
            List<KeyValue<String, WindowSummary>> closing = new ArrayList<>();
            try (KeyValueIterator<String, WindowSummary> it =
                         windows.range(WindowKey.lowest(window), WindowKey.above(window, closeBefore))) {
                it.forEachRemaining(closing::add);
            }
            for (KeyValue<String, WindowSummary> entry : closing) {
                WindowKey key = WindowKey.decode(entry.key);
                emit(key, entry.value.toRecord(key, zone, true), now);
                windows.delete(entry.key);
                deletePrefix(groups, entry.key + GROUP_SEPARATOR);
                deletePrefix(articles, entry.key + GROUP_SEPARATOR);
            }
        }
    }

    private static <V> void deletePrefix(KeyValueStore<String, V> store, String prefix) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.prefixScan(prefix, Serdes.String().serializer())) {
            it.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(store::delete);
    }

    private void emit(WindowKey key, AggregateRecord aggregate, long timestamp) {
        results.put(GroupKey.withWindow(key.dimension(), key.key(), key.window()), aggregate, key.startMillis());
        context.forward(new Record<>(aggregate.outputKey(), WindowResult.of(aggregate), timestamp));
    }

    private LateRecord lateRecord(WindowKey key, long graceEnd, long now, Record<String, WindowMentions> record,
                                  Mention mention) {
        return new LateRecord("window closed: record time is after window end + grace on this partition's clock",
                key.dimension().id(), key.key(), key.window().isoPeriod(),
                time(key.startMillis()), time(key.endMillis()), time(graceEnd), time(now),
                time(record.timestamp()), mention.eventId(), mention.articleId());
    }

    private String time(long millis) {
        return Instant.ofEpochMilli(millis).atZone(zone).toOffsetDateTime().toString();
    }
}
