package io.aipulse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.observability.MetricsText;
import io.aipulse.stream.AggregateRecord;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.TimeWindow;
import org.junit.jupiter.api.Test;

class WindowGaugesTest {

    private static final String WEEK_START = "2023-08-28T00:00+08:00";
    private static final String WEEK_END = "2023-09-04T00:00+08:00";

    @Test
    void sectorAggregatesBecomeEventsByTypeAndFundingCityAggregatesEventsByCityOutsideTheListsAsOther() {
        // given the newest week's aggregates of some sector and city groups
        List<AggregateRecord> records = List.of(
                week("finance", "sector", 5, Map.of("FUNDING", 3L, "PARTNERSHIP", 2L), 300_000_000L),
                week("unknown", "sector", 2, Map.of("FUNDING", 2L), 10_000_000L),
                week("hangzhou", "city", 4, Map.of("FUNDING", 4L), 0L),
                week("lhasa", "city", 1, Map.of("FUNDING", 1L), 0L),
                week("atlantis", "city", 2, Map.of("FUNDING", 2L), 0L),
                week("finance|hangzhou", "sector-city", 4, Map.of("FUNDING", 4L), 0L));

        // when exported
        MetricsText text = scrape(records);

        // then events by sector and type, with the sector outside the list as other
        assertThat(text.named("aipulse_window_events")).extracting(s -> s.label("sector"), s -> s.label("type"),
                        MetricsText.Sample::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("finance", "FUNDING", 3.0),
                        org.assertj.core.groups.Tuple.tuple("finance", "PARTNERSHIP", 2.0),
                        org.assertj.core.groups.Tuple.tuple("other", "FUNDING", 2.0));
        assertThat(text.named("aipulse_window_events")).allMatch(s -> "P7D".equals(s.label("window"))
                && "2023-08-28".equals(s.label("start")) && "aipulse-test".equals(s.label("application")));
        // cities outside the list add up under other; the sector x city groups are not exported
        assertThat(text.sumBy("aipulse_window_events_by_city", "city"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("hangzhou", 4.0, "other", 3.0));
        assertThat(text.sumBy("aipulse_window_funding_min_cny", "sector"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("finance", 3.0e8, "other", 1.0e7));
    }

    @Test
    void onlyTheWindowsThatStartLastAreKept() {
        AggregateRecord oldest = week("finance", "sector", 1, Map.of("FUNDING", 1L), 0L);
        AggregateRecord before = week("finance", "sector", 3, Map.of("FUNDING", 3L), 0L);
        AggregateRecord newer = week("robotics", "sector", 2, Map.of("FUNDING", 2L), 0L);
        AggregateRecord newerCity = week("beijing", "city", 2, Map.of("FUNDING", 2L), 0L);
        List<KeyValue<Windowed<String>, AggregateRecord>> entries = List.of(entry("sector|finance|1w", 1_000L, oldest),
                entry("sector|finance|1w", 2_000L, before), entry("sector|robotics|1w", 3_000L, newer),
                entry("city|beijing|1w", 3_000L, newerCity));

        assertThat(WindowGauges.newest(entries, 1)).extracting(kv -> kv.value).containsExactly(newer, newerCity);
        assertThat(WindowGauges.newest(entries, 2)).extracting(kv -> kv.value)
                .containsExactly(before, newer, newerCity);
        assertThat(WindowGauges.newest(List.of(), 2)).isEmpty();
    }

    @Test
    void noAggregatesNoSeries() {
        MetricsText text = scrape(List.of());

        assertThat(text.has("aipulse_window_events")).isFalse();
        assertThat(text.has("aipulse_window_events_by_city")).isFalse();
    }

    private static MetricsText scrape(List<AggregateRecord> records) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.getPrometheusRegistry().register(() -> WindowGauges.snapshots(records, "aipulse-test"));
        return MetricsText.parse(registry.scrape());
    }

    private static KeyValue<Windowed<String>, AggregateRecord> entry(String key, long start, AggregateRecord record) {
        return KeyValue.pair(new Windowed<>(key, new TimeWindow(start, start + 1)), record);
    }

    private static AggregateRecord week(String key, String dimension, long events, Map<String, Long> byType,
                                        long fundingMin) {
        return new AggregateRecord(key, dimension, WEEK_START, WEEK_END, "P7D", events, events, byType, fundingMin,
                null, List.of(), false);
    }
}
