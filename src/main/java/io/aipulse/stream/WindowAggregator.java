package io.aipulse.stream;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Aggregates mentions in calendar windows. Each accepted mention updates its window and emits the new
 * aggregate (consumers see counts change). When stream time passes a window's end plus its grace
 * period, the window emits one record with {@code final: true} and leaves the store. A mention for a
 * window that has already closed is late: it is emitted as a {@link LateRecord}, never dropped silently.
 */
final class WindowAggregator implements Processor<String, Mention, String, WindowResult> {

    static final Duration CLOSE_CHECK_INTERVAL = Duration.ofMinutes(1);

    private final String storeName;
    private final ZoneId zone;
    private final Map<CalendarWindow, Duration> grace;
    private final StreamMetrics metrics;
    private ProcessorContext<String, WindowResult> context;
    private KeyValueStore<String, WindowState> store;

    WindowAggregator(String storeName, ZoneId zone, Map<CalendarWindow, Duration> grace, StreamMetrics metrics) {
        this.storeName = storeName;
        this.zone = zone;
        this.grace = Map.copyOf(grace);
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, WindowResult> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        context.schedule(CLOSE_CHECK_INTERVAL, PunctuationType.STREAM_TIME, this::closeWindows);
    }

    @Override
    public void process(Record<String, Mention> record) {
        WindowKey key = WindowKey.decode(record.key());
        long streamTime = Math.max(context.currentStreamTimeMs(), record.timestamp());
        long graceEnd = key.endMillis() + grace.get(key.window()).toMillis();
        if (graceEnd <= streamTime) {
            metrics.lateRecord(key.window().isoPeriod());
            context.forward(record.withKey(record.key()).withValue(WindowResult.late(
                    lateRecord(key, graceEnd, streamTime, record))));
            return;
        }
        String storeKey = key.encode();
        WindowState state = store.get(storeKey);
        if (state == null) {
            state = new WindowState();
        }
        if (state.add(record.value())) {
            store.put(storeKey, state);
            AggregateRecord aggregate = state.toRecord(key, zone, false);
            context.forward(record.withKey(aggregate.outputKey()).withValue(WindowResult.of(aggregate)));
        }
    }

    private void closeWindows(long streamTime) {
        for (CalendarWindow window : CalendarWindow.values()) {
            long closeBefore = streamTime - grace.get(window).toMillis();
            List<KeyValue<String, WindowState>> closing = new ArrayList<>();
            try (KeyValueIterator<String, WindowState> it =
                         store.range(WindowKey.lowest(window), WindowKey.above(window, closeBefore))) {
                it.forEachRemaining(closing::add);
            }
            for (KeyValue<String, WindowState> entry : closing) {
                WindowKey key = WindowKey.decode(entry.key);
                AggregateRecord aggregate = entry.value.toRecord(key, zone, true);
                context.forward(new Record<>(aggregate.outputKey(), WindowResult.of(aggregate), streamTime));
                store.delete(entry.key);
            }
        }
    }

    private LateRecord lateRecord(WindowKey key, long graceEnd, long streamTime, Record<String, Mention> record) {
        return new LateRecord("window closed: record time is after window end + grace in stream time",
                key.dimension().id(), key.key(), key.window().isoPeriod(),
                time(key.startMillis()), time(key.endMillis()), time(graceEnd), time(streamTime),
                time(record.timestamp()), record.value().eventId(), record.value().articleId());
    }

    private String time(long millis) {
        return Instant.ofEpochMilli(millis).atZone(zone).toOffsetDateTime().toString();
    }
}
