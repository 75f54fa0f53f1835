package io.aipulse.metrics;

import io.aipulse.stream.AggregateRecord;
import io.aipulse.stream.AipulseTopology;
import io.aipulse.stream.CalendarWindow;
import io.aipulse.stream.Dimension;
import io.aipulse.stream.GroupKey;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregates themselves as gauges, read at scrape time from the store the query API answers from:
 * for the two newest days and the two newest weeks with events this instance holds (for a live feed: today
 * and yesterday, this week and last week), the events by sector and type, by city, and the funding by sector. Unlike the processing counters ({@code aipulse_events_extracted_total}), which
 * count again what an aborted exactly-once batch re-processes and restart from 0, these are the product's
 * output: each event once, in its calendar window (Asia/Shanghai by default), surviving restarts.
 *
 * <p>Labels come from closed lists (15 sectors + {@code other}, the city list of {@link MetricTags} +
 * {@code other}, 12 types, 2 windows) plus {@code start}, the window's first day: at most a few hundred
 * series, two {@code start} values per window size at a time. Each instance exports the groups of its own
 * partitions (active tasks only, no standbys), so {@code sum} over instances is the whole. The sector x city
 * dimension is not exported (15 x 55 series per window); the page at {@code /} and the API have it.
 *
 * <p>"Newest" is per instance: the latest window starts among its sector and city groups. With several
 * instances they agree as soon as each has one event of the new day or week; the {@code start} label keeps
 * the windows apart meanwhile, and the dashboard sums one {@code start} at a time.
 */
final class WindowGauges implements MultiCollector {

    static final String EVENTS = "aipulse_window_events";
    static final String EVENTS_BY_CITY = "aipulse_window_events_by_city";
    static final String FUNDING_MIN = "aipulse_window_funding_min_cny";
    /** The newest window with events and the one before it (complete, or nearly: its grace may still run). */
    static final int WINDOWS_KEPT = 2;
    private static final List<Dimension> DIMENSIONS = List.of(Dimension.SECTOR, Dimension.CITY);
    /** Far enough: the store refuses epoch milliseconds past a long, and no window starts later. */
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
    private static final Logger LOG = LoggerFactory.getLogger(WindowGauges.class);

    private final KafkaStreams streams;
    private final String application;
    /** Per window size, the oldest start exported: later scrapes read from there on, not the whole retention. */
    private final Map<CalendarWindow, Instant> oldestKept = new EnumMap<>(CalendarWindow.class);

    WindowGauges(KafkaStreams streams, String application) {
        this.streams = streams;
        this.application = application;
    }

    @Override
    public synchronized MetricSnapshots collect() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return MetricSnapshots.of();
        }
        try {
            ReadOnlyWindowStore<String, AggregateRecord> store = streams.store(StoreQueryParameters.fromNameAndType(
                    AipulseTopology.RESULT_STORE, QueryableStoreTypes.windowStore()));
            List<AggregateRecord> newest = new ArrayList<>();
            for (CalendarWindow window : CalendarWindow.values()) {
                newest.addAll(newestWindows(store, window));
            }
            return snapshots(newest, application);
        } catch (InvalidStateStoreException e) {
            return MetricSnapshots.of(); // rebalancing or restoring: no answer rather than a partial one
        } catch (RuntimeException e) {
            // a store that cannot be read must not cost the scrape of every other meter
            LOG.warn("the window aggregates are not exported in this scrape: {}", e.toString());
            return MetricSnapshots.of();
        }
    }

    /** The aggregates of the newest windows of this size, over the sector and city groups of the store. */
    private List<AggregateRecord> newestWindows(ReadOnlyWindowStore<String, AggregateRecord> store,
                                                CalendarWindow window) {
        Instant from = oldestKept.getOrDefault(window, Instant.EPOCH);
        List<KeyValue<Windowed<String>, AggregateRecord>> found = read(store, window, from);
        if (distinctStarts(found) < WINDOWS_KEPT && !from.equals(Instant.EPOCH)) {
            // the groups of those windows left this instance (rebalance): look through everything again
            found = read(store, window, Instant.EPOCH);
        }
        List<KeyValue<Windowed<String>, AggregateRecord>> newest = newest(found, WINDOWS_KEPT);
        oldestKept.put(window, newest.stream().map(kv -> kv.key.window().startTime()).min(Instant::compareTo)
                .orElse(Instant.EPOCH));
        return newest.stream().map(kv -> kv.value).toList();
    }

    private static long distinctStarts(List<KeyValue<Windowed<String>, AggregateRecord>> records) {
        return records.stream().map(kv -> kv.key.window().start()).distinct().count();
    }

    private static List<KeyValue<Windowed<String>, AggregateRecord>> read(
            ReadOnlyWindowStore<String, AggregateRecord> store, CalendarWindow window, Instant from) {
        List<KeyValue<Windowed<String>, AggregateRecord>> found = new ArrayList<>();
        String suffix = "|" + window.suffix();
        for (Dimension dimension : DIMENSIONS) {
            // the group keys of one dimension, both window sizes: "sector|" ... "sector|\uffff"
            String lowest = GroupKey.of(dimension, "");
            try (KeyValueIterator<Windowed<String>, AggregateRecord> it =
                         store.fetch(lowest, lowest + '\uffff', from, LATEST)) {
                it.forEachRemaining(kv -> {
                    if (kv.key.key().endsWith(suffix)) {
                        found.add(kv);
                    }
                });
            }
        }
        return found;
    }

    /** The records of the {@code windows} latest window starts. */
    static List<KeyValue<Windowed<String>, AggregateRecord>> newest(
            List<KeyValue<Windowed<String>, AggregateRecord>> records, int windows) {
        java.util.SortedSet<Long> starts = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        records.forEach(kv -> starts.add(kv.key.window().start()));
        java.util.Set<Long> kept = starts.stream().limit(windows).collect(java.util.stream.Collectors.toSet());
        return records.stream().filter(kv -> kept.contains(kv.key.window().start())).toList();
    }

    /**
     * The gauges of these aggregates (sector and city records; others are ignored), tag values from the
     * closed lists: groups outside a list are added up under {@code other}.
     */
    static MetricSnapshots snapshots(List<AggregateRecord> records, String application) {
        Map<List<String>, Double> events = new TreeMap<>(LABELS_ORDER);
        Map<List<String>, Double> byCity = new TreeMap<>(LABELS_ORDER);
        Map<List<String>, Double> funding = new TreeMap<>(LABELS_ORDER);
        for (AggregateRecord record : records) {
            String window = MetricTags.window(record.window());
            String start = record.windowStart().substring(0, 10);
            if (record.dimension().equals(Dimension.SECTOR.id())) {
                String sector = MetricTags.sector(record.key());
                record.byType().forEach((type, count) ->
                        events.merge(List.of(window, start, sector, type), count.doubleValue(), Double::sum));
                long fundingMin = record.fundingCnyMin() == null ? 0 : record.fundingCnyMin();
                funding.merge(List.of(window, start, sector), (double) fundingMin, Double::sum);
            } else if (record.dimension().equals(Dimension.CITY.id())) {
                byCity.merge(List.of(window, start, MetricTags.city(record.key())), (double) record.events(),
                        Double::sum);
            }
        }
        List<MetricSnapshot> snapshots = new ArrayList<>();
        snapshots.add(gauge(EVENTS, "Events in the two newest calendar windows of each size this instance holds, "
                + "by sector and type: the committed aggregates, each event once (not the processing counters)", application,
                events, "window", "start", "sector", "type"));
        snapshots.add(gauge(EVENTS_BY_CITY, "Events in the two newest calendar windows of each size this instance "
                + "holds, by the city of their main actor", application, byCity, "window", "start", "city"));
        snapshots.add(gauge(FUNDING_MIN, "Funding announced in the two newest calendar windows of each size, by sector, CNY: the "
                + "lower bound (open amounts such as 数亿元 count at their least)", application, funding,
                "window", "start", "sector"));
        return new MetricSnapshots(snapshots);
    }

    private static final java.util.Comparator<List<String>> LABELS_ORDER = (a, b) -> String.join("\u0000", a)
            .compareTo(String.join("\u0000", b));

    private static GaugeSnapshot gauge(String name, String help, String application, Map<List<String>, Double> values,
                                       String... labelNames) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
        values.forEach((labelValues, value) -> {
            Labels.Builder labels = Labels.builder().label("application", application);
            for (int i = 0; i < labelNames.length; i++) {
                labels.label(labelNames[i], labelValues.get(i));
            }
            gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels.build()).value(value)
                    .build());
        });
        return gauge.build();
    }
}
