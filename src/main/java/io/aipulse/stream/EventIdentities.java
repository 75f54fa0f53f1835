package io.aipulse.stream;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The identity stage: partitioned by event identity, it decides once per mention which distinct event
 * the mention belongs to ({@link IdentityLedger}) and sends the aggregation only what changes in each
 * window: mentions (for article counts and late records) and events entering, leaving or changing.
 *
 * <p>Its clock is the largest record time it has seen, kept in a store like all its state, so what it
 * forgets and when depends only on the records of its partition, in order: a restart or a re-run
 * decides the same. When the clock moves, every aggregation partition is told (a tick), so their
 * clocks follow the input even where no event goes.
 */
final class EventIdentities implements Processor<String, IdentityBatch, String, WindowBatch> {

    /** The names of the stage's stores. */
    record StoreNames(String identities, String slotWindows, String expiries, String clock) {

        String[] all() {
            return new String[] {identities, slotWindows, expiries, clock};
        }
    }

    private static final String CLOCK_KEY = "clock";

    private final StoreNames storeNames;
    private final ZoneId zone;
    private final Map<CalendarWindow, Duration> grace;
    private final long retentionDays;
    private final int partitions;
    private ProcessorContext<String, WindowBatch> context;
    private KeyValueStore<String, Long> expiries;
    private KeyValueStore<String, Long> clock;
    private IdentityLedger ledger;

    EventIdentities(StoreNames storeNames, ZoneId zone, Map<CalendarWindow, Duration> grace, Duration retention,
                    int partitions) {
        this.storeNames = storeNames;
        this.zone = zone;
        this.grace = Map.copyOf(grace);
        this.retentionDays = retention.toDays();
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, WindowBatch> context) {
        this.context = context;
        this.expiries = context.getStateStore(storeNames.expiries());
        this.clock = context.getStateStore(storeNames.clock());
        this.ledger = new IdentityLedger(table(context.getStateStore(storeNames.identities())),
                table(context.getStateStore(storeNames.slotWindows())), table(expiries), zone, grace, retentionDays);
    }

    private static <V> IdentityLedger.Table<V> table(KeyValueStore<String, V> store) {
        return new IdentityLedger.Table<>() {
            @Override
            public V get(String key) {
                return store.get(key);
            }

            @Override
            public void put(String key, V value) {
                store.put(key, value); // null deletes, without reading the old value back
            }
        };
    }

    @Override
    public void process(Record<String, IdentityBatch> record) {
        boolean moved = advanceClock(record.timestamp());
        long now = clock.get(CLOCK_KEY);
        WindowChanges changes = new WindowChanges();
        for (RoutedMention mention : record.value().mentions()) {
            ledger.add(mention, closesAt(mention), now, changes);
        }
        for (WindowBatch batch : changes.batches(partitions, moved)) {
            context.forward(record.withKey(String.valueOf(batch.partition())).withValue(batch));
        }
    }

    private long closesAt(RoutedMention mention) {
        long closes = Long.MIN_VALUE;
        for (WindowKey window : mention.windows()) {
            closes = Math.max(closes, window.endMillis() + grace.get(window.window()).toMillis());
        }
        return closes;
    }

    /** Moves the clock to {@code time} if it is later, forgetting the identities that expired; true if it moved. */
    private boolean advanceClock(long time) {
        Long current = clock.get(CLOCK_KEY);
        if (current != null && current >= time) {
            return false;
        }
        clock.put(CLOCK_KEY, time);
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = expiries.range("",
                IdentityLedger.expiryKey(time, "\uffff"))) {
            it.forEachRemaining(entry -> expired.add(IdentityLedger.identityOfExpiryKey(entry.key)));
        }
        expired.forEach(ledger::forget);
        return true;
    }
}
