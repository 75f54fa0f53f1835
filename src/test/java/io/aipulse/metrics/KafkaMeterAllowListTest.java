package io.aipulse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.observability.MetricsText;
import io.aipulse.observability.ObservabilityFiles;
import io.micrometer.core.instrument.Gauge;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The allow-list of Kafka meters is what the dashboard, the alerts and the docs use, no more and no less. */
class KafkaMeterAllowListTest {

    private static final Pattern KAFKA_NAME = Pattern.compile("\\bkafka_[a-z0-9_]+");

    @Test
    void everyKafkaMetricTheDashboardAndAlertsQueryIsAllowed() {
        Set<String> queried = new TreeSet<>();
        ObservabilityFiles.dashboardQueries().forEach(q -> queried.addAll(kafkaNames(q.expr())));
        ObservabilityFiles.alertRules().forEach(rule -> queried.addAll(kafkaNames(rule.expr())));

        assertThat(queried).isNotEmpty();
        assertThat(KafkaMeterAllowList.USED).containsAll(queried);
    }

    @Test
    void everyAllowedKafkaMetricIsUsedByAPanelAnAlertOrTheDocs() throws IOException {
        String files = Files.readString(ObservabilityFiles.DASHBOARD) + Files.readString(ObservabilityFiles.ALERTS)
                + Files.readString(ObservabilityFiles.OBSERVABILITY_DOC);
        Set<String> used = kafkaNames(files);

        assertThat(used).containsAll(KafkaMeterAllowList.USED);
    }

    @Test
    void kafkaMetersOffTheListAreNotExportedAndOthersPassUntouched() {
        try (ServiceMetrics metrics = new ServiceMetrics("aipulse-test")) {
            // given meters as Micrometer's Kafka binder names them, and one of the service's own
            Gauge.builder("kafka.stream.thread.process.rate", () -> 4).tag("thread.id", "t-1").register(metrics.registry());
            Gauge.builder("kafka.consumer.fetch.manager.records.lag", () -> 9).tag("topic", "aipulse.articles")
                    .register(metrics.registry());
            Gauge.builder("kafka.producer.record.send.rate", () -> 2).tag("client.id", "p").register(metrics.registry());
            Gauge.builder("kafka.consumer.fetch.manager.records.lag.avg", () -> 8).tag("topic", "aipulse.articles")
                    .register(metrics.registry());
            Gauge.builder("kafka.stream.state.put.rate", () -> 1).tag("rocksdb.state.id", "companies")
                    .register(metrics.registry());
            Gauge.builder("aipulse.test.gauge", () -> 1).register(metrics.registry());

            // when scraped
            MetricsText text = MetricsText.parse(metrics.registry().scrape());

            // then only the listed Kafka meters are there, with everything else
            assertThat(text.sum("kafka_stream_thread_process_rate")).isEqualTo(4);
            assertThat(text.sum("kafka_consumer_fetch_manager_records_lag")).isEqualTo(9);
            assertThat(text.has("kafka_producer_record_send_rate")).isFalse();
            assertThat(text.has("kafka_consumer_fetch_manager_records_lag_avg")).isFalse();
            assertThat(text.has("kafka_stream_state_put_rate")).isFalse();
            assertThat(text.has("aipulse_test_gauge")).isTrue();
            assertThat(text.has("jvm_memory_used_bytes")).isTrue();
            assertThat(text.sum("aipulse_meter_registration_failures_total")).isZero();
        }
    }

    @Test
    void prometheusNamesDropTheCounterSuffix() {
        assertThat(KafkaMeterAllowList.prometheusName("kafka.stream.task.dropped.records.total"))
                .isEqualTo("kafka_stream_task_dropped_records");
        assertThat(KafkaMeterAllowList.prometheusName("kafka.stream.alive.stream.threads"))
                .isEqualTo("kafka_stream_alive_stream_threads");
    }

    private static Set<String> kafkaNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = KAFKA_NAME.matcher(text);
        while (m.find()) {
            String name = m.group();
            names.add(name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name);
        }
        return names;
    }
}
