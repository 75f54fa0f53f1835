package io.aipulse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.config.SettingsLoader;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.aipulse.observability.MetricsText;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HttpEndpointsTest {

    /** The limits of the bundled configuration. */
    static final HttpLimits DEFAULT_LIMITS = HttpLimits.from(SettingsLoader.load(null, Map.of(), Map.of()));

    private final HttpClient client = HttpClient.newHttpClient();

    @ParameterizedTest
    @EnumSource(KafkaStreams.State.class)
    void readyOnlyWhenRunningAliveUnlessStoppedOrFailed(KafkaStreams.State state) {
        HttpEndpoints.Health health = HttpEndpoints.Health.of(state);

        assertThat(health.state()).isEqualTo(state.name());
        assertThat(health.ready()).isEqualTo(state == KafkaStreams.State.RUNNING);
        assertThat(health.live()).isEqualTo(state != KafkaStreams.State.NOT_RUNNING
                && state != KafkaStreams.State.PENDING_ERROR && state != KafkaStreams.State.ERROR);
        assertThat(new HttpEndpoints.Health(state.name(), state == KafkaStreams.State.RUNNING))
                .as("the constructor ServiceRuntime uses").isEqualTo(health);
    }

    @Test
    void healthEndpointsAnswerFromTheCurrentStateAndMetricsServesTheRegistry() throws Exception {
        AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.REBALANCING);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("aipulse.test.counter").increment();
        try (HttpEndpoints http = new HttpEndpoints("127.0.0.1", 0, registry, () -> HttpEndpoints.Health.of(state.get()),
                DEFAULT_LIMITS)) {
            http.start();

            assertThat(get(http, "/health").statusCode()).isEqualTo(503);
            assertThat(get(http, "/health/ready").statusCode()).isEqualTo(503);
            assertThat(get(http, "/health/live").statusCode()).isEqualTo(200);
            assertThat(get(http, "/health/ready").body()).contains("\"status\":\"DOWN\"", "\"state\":\"REBALANCING\"");

            state.set(KafkaStreams.State.RUNNING);
            assertThat(get(http, "/health").statusCode()).isEqualTo(200);
            assertThat(get(http, "/health/ready").body()).contains("\"status\":\"UP\"", "\"state\":\"RUNNING\"");

            state.set(KafkaStreams.State.ERROR);
            assertThat(get(http, "/health/live").statusCode()).isEqualTo(503);
            assertThat(get(http, "/health").statusCode()).isEqualTo(503);

            assertThat(get(http, "/health/other").statusCode()).isEqualTo(404);
            HttpResponse<String> metrics = get(http, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("aipulse_test_counter_total 1.0");
        }
    }

    @Test
    void readinessAnswers503WithTheReasonWhileARunningStreamIsStalledAndLivenessStays200() throws Exception {
        // given a RUNNING stream whose progress is stalled
        StallDetector.Verdict stalled = new StallDetector.Verdict(true,
                "aipulse.articles-0 has made no progress for PT2M (committed offset 10, end offset 12)");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (HttpEndpoints http = new HttpEndpoints("127.0.0.1", 0, registry,
                () -> HttpEndpoints.Health.of(KafkaStreams.State.RUNNING, stalled), DEFAULT_LIMITS)) {
            http.start();

            // when the probes ask
            HttpResponse<String> ready = get(http, "/health/ready");
            HttpResponse<String> live = get(http, "/health/live");

            // then readiness is 503 with the reason, as JSON, and liveness 200
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(ready.body()).contains("\"status\":\"DOWN\"", "\"state\":\"RUNNING\"",
                    "\"reason\":\"stalled: aipulse.articles-0 has made no progress for PT2M (committed offset 10, "
                            + "end offset 12)\"");
            assertThat(get(http, "/health").statusCode()).isEqualTo(503);
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void aRequestWithABodyIsAnsweredWithoutWaitingForTheBodyAndItsConnectionClosed() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (HttpEndpoints http = new HttpEndpoints("127.0.0.1", 0, registry,
                () -> HttpEndpoints.Health.of(KafkaStreams.State.RUNNING), DEFAULT_LIMITS)) {
            http.start();
            try (Socket socket = new Socket("127.0.0.1", http.port())) {
                // given a POST that announces a body it never sends
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(
                        "POST /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 7\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));

                // when the server answers
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

                // then it refuses the method at once, tells the client the connection ends, and ends it
                assertThat(answer).startsWith("HTTP/1.1 405").containsIgnoringCase("Connection: close");
            }
        }
    }

    @Test
    void metricsAreGzipCompressedWhenTheScraperAsksAndTheBodyDecompressesToTheSameExposition() throws Exception {
        // given a registry with a scrape of some size
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (String sector : MetricTags.SECTORS) {
            registry.counter("aipulse.test.events", "sector", sector).increment(sector.length());
        }
        try (HttpEndpoints http = new HttpEndpoints("127.0.0.1", 0, registry,
                () -> HttpEndpoints.Health.of(KafkaStreams.State.RUNNING), DEFAULT_LIMITS)) {
            http.start();

            // when Prometheus scrapes (it sends Accept-Encoding: gzip), and when a client does not ask
            HttpResponse<byte[]> gzipped = getBytes(http, "/metrics", "gzip");
            HttpResponse<byte[]> plain = getBytes(http, "/metrics", null);
            HttpResponse<byte[]> refused = getBytes(http, "/metrics", "gzip;q=0, identity");

            // then the first is gzip, smaller, and decompresses to a valid exposition with the same samples
            assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(gzipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
            String inflated;
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
                inflated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
            MetricsText scraped = MetricsText.parse(inflated);
            assertThat(scraped.sumBy("aipulse_test_events_total", "sector")).hasSize(MetricTags.SECTORS.size());
            assertThat(scraped.sum("aipulse_test_events_total"))
                    .isEqualTo(MetricTags.SECTORS.stream().mapToInt(String::length).sum());
            assertThat(inflated.lines().filter(line -> line.startsWith("# TYPE ")).count()).isPositive();
            // the others are plain text
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(new String(plain.body(), StandardCharsets.UTF_8)).contains("aipulse_test_events_total{");
            assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
            // a small answer is never worth compressing
            HttpResponse<byte[]> health = getBytes(http, "/health", "gzip");
            assertThat(health.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(new String(health.body(), StandardCharsets.UTF_8)).contains("\"status\":\"UP\"");
        }
    }

    private HttpResponse<byte[]> getBytes(HttpEndpoints http, String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> get(HttpEndpoints http, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
