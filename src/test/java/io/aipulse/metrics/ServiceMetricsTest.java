package io.aipulse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.observability.MetricsText;
import io.micrometer.core.instrument.Gauge;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceMetricsTest {

    @TempDir
    Path stateDir;

    @Test
    void everyMeterCarriesTheApplicationTagAndJvmMetricsAreBound() {
        try (ServiceMetrics metrics = new ServiceMetrics("aipulse-test")) {
            MetricsText text = MetricsText.parse(metrics.registry().scrape());
            assertThat(text.has("jvm_memory_used_bytes")).isTrue();
            assertThat(text.has("process_cpu_usage")).isTrue();
            assertThat(text.samples()).allMatch(s -> "aipulse-test".equals(s.label("application")));
            assertThat(text.sum("aipulse_meter_registration_failures_total")).isZero();
        }
    }

    @Test
    void storeMetricsOfEveryStoreTypeShareOneTagKeySoNoneIsDropped() {
        try (ServiceMetrics metrics = new ServiceMetrics("aipulse-test")) {
            Gauge.builder("kafka.stream.state.estimate.num.keys", () -> 3).tag("rocksdb.window.state.id", "seen-articles")
                    .tag("task.id", "1_0").register(metrics.registry());
            Gauge.builder("kafka.stream.state.estimate.num.keys", () -> 5).tag("rocksdb.state.id", "aggregate-windows")
                    .tag("task.id", "2_0").register(metrics.registry());
            Gauge.builder("kafka.stream.state.estimate.num.keys", () -> 7).tag("in.memory.state.id", "companies")
                    .tag("task.id", "-1_-1").register(metrics.registry());

            MetricsText text = MetricsText.parse(metrics.registry().scrape());
            assertThat(text.sumBy("kafka_stream_state_estimate_num_keys", "state_id"))
                    .containsOnlyKeys("seen-articles", "aggregate-windows", "companies");
            assertThat(text.sum("aipulse_meter_registration_failures_total")).isZero();
        }
    }

    @Test
    void dropsTheRandomProcessIdKafkaStreamsTagsItsStateWith() {
        try (ServiceMetrics metrics = new ServiceMetrics("aipulse-test")) {
            // given Kafka Streams' client state, tagged with its process id (a random UUID per state directory)
            Gauge.builder("kafka.stream.client.state", () -> 2).tag("client.id", "aipulse-host")
                    .tag("process.id", "614febf3-cb75-4626-b9b8-9c2786e1c7cb").register(metrics.registry());

            // then it is exported by its client id only, the same series on every start
            MetricsText text = MetricsText.parse(metrics.registry().scrape());
            assertThat(text.named("kafka_stream_client_state")).singleElement()
                    .satisfies(sample -> assertThat(sample.labels()).containsEntry("client_id", "aipulse-host")
                            .doesNotContainKey("process_id"));
        }
    }

    @Test
    void aMeterTheRegistryRefusesIsCountedInsteadOfVanishing() {
        try (ServiceMetrics metrics = new ServiceMetrics("aipulse-test")) {
            Gauge.builder("aipulse.test.some.metric", () -> 1).tag("client.id", "a").register(metrics.registry());
            Gauge.builder("aipulse.test.some.metric", () -> 2).tag("topic", "b").register(metrics.registry());

            MetricsText text = MetricsText.parse(metrics.registry().scrape());
            assertThat(text.sum("aipulse_meter_registration_failures_total")).isEqualTo(1);
            assertThat(text.named("aipulse_test_some_metric")).hasSize(1);
        }
    }

    @Test
    void streamStateIsOneForTheCurrentStateFromBeforeTheStart() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "service-metrics-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        try (ServiceMetrics metrics = new ServiceMetrics("aipulse-test")) {
            metrics.watchState(streams);
            metrics.watchState(streams);

            MetricsText text = MetricsText.parse(metrics.registry().scrape());
            assertThat(text.named("aipulse_stream_state")).hasSize(KafkaStreams.State.values().length);
            assertThat(text.sumBy("aipulse_stream_state", "state")).containsEntry("CREATED", 1.0)
                    .containsEntry("RUNNING", 0.0);
        } finally {
            streams.close();
        }
    }
}
