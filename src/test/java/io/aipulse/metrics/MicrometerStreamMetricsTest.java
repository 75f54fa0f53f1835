package io.aipulse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.extract.Event;
import io.aipulse.extract.EventType;
import io.aipulse.json.Json;
import io.aipulse.observability.MetricsText;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicrometerStreamMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MicrometerStreamMetrics metrics = new MicrometerStreamMetrics(registry);

    @Test
    void everyCounterExistsAtZeroForEveryValueOfItsClosedList() {
        MetricsText text = MetricsText.parse(registry.scrape());

        assertThat(text.named("aipulse_events_extracted_total"))
                .hasSize(EventType.values().length * (MetricTags.SECTORS.size() + 1))
                .allMatch(s -> s.value() == 0);
        assertThat(text.sumBy("aipulse_events_extracted_by_city_total", "city").keySet())
                .containsAll(MetricTags.CITIES).contains(MetricTags.OTHER);
        assertThat(text.sumBy("aipulse_deadletters_total", "reason").keySet())
                .containsAll(MetricTags.DEAD_LETTER_REASONS).contains(MetricTags.OTHER);
        assertThat(text.sumBy("aipulse_late_records_total", "window")).containsOnlyKeys("P1D", "P7D");
        assertThat(text.sum("aipulse_articles_consumed_total")).isZero();
        assertThat(text.sum("aipulse_articles_duplicates_total")).isZero();
        assertThat(text.has("aipulse_stream_thread_replacements_total")).isTrue();
        assertThat(text.sum("aipulse_stream_thread_replacements_total")).isZero();
        assertThat(text.has("aipulse_extraction_time_seconds_bucket")).isTrue();
        assertThat(text.has("aipulse_publication_lag_seconds_bucket")).isTrue();
    }

    @Test
    void eventsAreCountedByTypeSectorAndCity() {
        metrics.eventsExtracted(List.of(
                event("FUNDING", "healthcare-biotech", "hangzhou"),
                event("FUNDING", "healthcare-biotech", "beijing"),
                event("MODEL_RELEASE", "foundation-models", "beijing")));

        MetricsText text = MetricsText.parse(registry.scrape());
        assertThat(nonZero(text.sumBy("aipulse_events_extracted_total", "type")))
                .isEqualTo(Map.of("FUNDING", 2.0, "MODEL_RELEASE", 1.0));
        assertThat(nonZero(text.sumBy("aipulse_events_extracted_total", "sector")))
                .isEqualTo(Map.of("healthcare-biotech", 2.0, "foundation-models", 1.0));
        assertThat(nonZero(text.sumBy("aipulse_events_extracted_by_city_total", "city")))
                .isEqualTo(Map.of("beijing", 2.0, "hangzhou", 1.0));
    }

    @Test
    void valuesOutsideTheClosedListsBecomeOtherSoInputCannotCreateSeries() {
        int before = registry.getMeters().size();

        metrics.eventsExtracted(List.of(
                event("FUNDING", "<script>", "atlantis-" + System.nanoTime()),
                event("FUNDING", null, null)));
        metrics.deadLetter("reason-from-a-hostile-header");
        metrics.deadLetter(null);
        metrics.lateRecord("P3D");

        MetricsText text = MetricsText.parse(registry.scrape());
        assertThat(nonZero(text.sumBy("aipulse_events_extracted_total", "sector"))).isEqualTo(Map.of("other", 2.0));
        assertThat(nonZero(text.sumBy("aipulse_events_extracted_by_city_total", "city")))
                .isEqualTo(Map.of("other", 1.0, "unknown", 1.0));
        assertThat(nonZero(text.sumBy("aipulse_deadletters_total", "reason"))).isEqualTo(Map.of("other", 2.0));
        assertThat(nonZero(text.sumBy("aipulse_late_records_total", "window"))).isEqualTo(Map.of("other", 1.0));
        assertThat(registry.getMeters().size()).as("only the late-record window 'other' is new").isEqualTo(before + 1);
    }

    @Test
    void articlesDeadLettersLateRecordsAndTimesAreRecorded() {
        metrics.articleConsumed();
        metrics.articleConsumed();
        metrics.duplicateArticle();
        metrics.deadLetter("not-json");
        metrics.lateRecord("P1D");
        metrics.extractionTime(Duration.ofMillis(3));
        metrics.publicationLag(Duration.ofMinutes(2));
        metrics.publicationLag(Duration.ofSeconds(-5));

        MetricsText text = MetricsText.parse(registry.scrape());
        assertThat(text.sum("aipulse_articles_consumed_total")).isEqualTo(2);
        assertThat(text.sum("aipulse_articles_duplicates_total")).isEqualTo(1);
        assertThat(text.sum("aipulse_deadletters_total", s -> "not-json".equals(s.label("reason")))).isEqualTo(1);
        assertThat(text.sum("aipulse_late_records_total", s -> "P1D".equals(s.label("window")))).isEqualTo(1);
        assertThat(text.sum("aipulse_extraction_time_seconds_count")).isEqualTo(1);
        assertThat(text.sum("aipulse_extraction_time_seconds_bucket", s -> "0.005".equals(s.label("le")))).isEqualTo(1);
        assertThat(text.sum("aipulse_publication_lag_seconds_count")).isEqualTo(2);
        assertThat(text.sum("aipulse_publication_lag_seconds_sum")).as("a lag below zero counts as 0").isEqualTo(120);
        assertThat(text.sum("aipulse_publication_lag_seconds_bucket", s -> "300.0".equals(s.label("le")))).isEqualTo(2);
    }

    @Test
    void eachFailedStreamThreadIsCountedAsAReplacement() {
        // given a fresh set of meters
        // when two stream threads fail
        metrics.streamThreadFailed();
        metrics.streamThreadFailed();

        // then two replacements are exported and readable by the stall detector's sampler
        assertThat(MetricsText.parse(registry.scrape()).sum("aipulse_stream_thread_replacements_total")).isEqualTo(2);
        assertThat(metrics.threadReplacements()).isEqualTo(2);
    }

    @Test
    void histogramsHaveBoundedBuckets() {
        MetricsText text = MetricsText.parse(registry.scrape());
        assertThat(text.named("aipulse_extraction_time_seconds_bucket")).hasSizeLessThan(20);
        assertThat(text.named("aipulse_publication_lag_seconds_bucket")).hasSizeLessThan(20);
    }

    /** Built from JSON so the test does not depend on the record's constructor (other fields: null). */
    private static Event event(String type, String sector, String city) {
        return Json.read("{\"eventId\":\"e-" + System.nanoTime() + "\",\"articleId\":\"a\",\"type\":\"" + type + "\","
                + "\"sector\":" + quoted(sector) + ",\"city\":" + quoted(city) + "}", Event.class);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value.replace("\"", "\\\"") + "\"";
    }

    private static Map<String, Double> nonZero(Map<String, Double> sums) {
        Map<String, Double> result = new java.util.TreeMap<>();
        sums.forEach((key, value) -> {
            if (value != 0) {
                result.put(key, value);
            }
        });
        return result;
    }
}
