package io.aipulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.broker.BrokerOptions;
import io.aipulse.broker.EmbeddedKafkaBroker;
import io.aipulse.config.Settings;
import io.aipulse.config.SettingsLoader;
import io.aipulse.testsupport.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 3: {@code /health/ready} and {@code aipulse_stream_stalled} tell a stream that makes no
 * progress while its input has lag from one that is merely idle. The service is started as {@code run}
 * starts it ({@link ServiceRuntime}, in this JVM, against the in-process broker) with a stall window of 5 s.
 * The stall is real, made without any hook in the service: Kafka Streams' own {@link KafkaStreams#pause()}
 * stops processing (the instance stays RUNNING, as it did while a thread failed on one record again and
 * again) and articles are then produced behind it.
 *
 * <p>What this does not show: a stall by repeated thread failures (the topology has no record left that
 * fails a thread repeatedly; the rule is covered by {@code StallDetectorTest}).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StalledStreamIT {

    private static final Duration WINDOW = Duration.ofSeconds(5);

    @TempDir
    static Path stateDir;

    private static EmbeddedKafkaBroker broker;
    private static Settings settings;
    private static ServiceRuntime runtime;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static int article;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral());
        Map<String, String> options = new LinkedHashMap<>();
        options.put("bootstrap.servers", broker.bootstrapServers());
        options.put("application.id", "aipulse-stall-it");
        options.put("http.bind", "127.0.0.1");
        options.put("http.port", "0");
        options.put("state.dir", stateDir.toString());
        options.put("health.stall.window", WINDOW.toString());
        settings = SettingsLoader.load(Path.of("config"), Map.of(), options);
        runtime = ServiceRuntime.start(settings);
        Await.until("the stream RUNNING", Duration.ofSeconds(60),
                () -> runtime.service().state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aRunningStreamThatMakesNoProgressWhileItsInputHasLagIsNotReadyAndAnIdleOneIs() throws Exception {
        // given articles processed, then nothing more to do for three stall windows
        produce(3);
        Await.until("the three articles consumed", Duration.ofSeconds(60), () -> metric("aipulse_articles_consumed_total") >= 3);
        Thread.sleep(3 * WINDOW.toMillis());

        // then the idle stream is ready and not stalled (caught up, whatever transaction markers follow its records)
        assertThat(get("/health/ready").statusCode()).as(get("/health/ready").body()).isEqualTo(200);
        assertThat(metric("aipulse_stream_stalled")).isZero();

        // when processing stops (Kafka Streams stays RUNNING) and two more articles arrive behind it
        runtime.service().streams().pause();
        produce(2);

        // then within the window (plus a sample) readiness is 503 naming the input partition, and the gauge is 1
        Duration toStalled = Await.until("/health/ready 503", Duration.ofSeconds(60),
                () -> get("/health/ready").statusCode() == 503);
        HttpResponse<String> stalled = get("/health/ready");
        System.out.printf("[stall] stalled seen %d ms after the articles were produced (window %s): %s%n",
                toStalled.toMillis(), WINDOW, stalled.body());
        assertThat(runtime.service().state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(stalled.body()).contains("\"status\":\"DOWN\"", "\"state\":\"RUNNING\"", "stalled: ",
                settings.get("topic.articles") + "-0 has made no progress");
        assertThat(metric("aipulse_stream_stalled")).isEqualTo(1);
        // and liveness stays 200: a restart would not move a record that stops the stream
        assertThat(get("/health/live").statusCode()).isEqualTo(200);

        // when processing resumes
        runtime.service().streams().resume();

        // then the stream is ready again once it has committed past the lag
        Duration toReady = Await.until("/health/ready 200 again", Duration.ofSeconds(60),
                () -> get("/health/ready").statusCode() == 200);
        System.out.printf("[stall] ready again %d ms after resume%n", toReady.toMillis());
        assertThat(metric("aipulse_stream_stalled")).isZero();
        assertThat(metric("aipulse_articles_consumed_total")).isGreaterThanOrEqualTo(5);
    }

    private static void produce(int count) throws Exception {
        Properties props = settings.kafkaClientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                article++;
                String json = "{\"url\":\"https://news.example.com/stall/" + article + "\",\"publishedAt\":"
                        + "\"2023-07-26T10:00:00+08:00\",\"text\":\"百度完成数千万元A轮融资，第" + article + "篇。\"}";
                producer.send(new ProducerRecord<>(settings.get("topic.articles"), json)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.httpPort() + path))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of a metric's series on /metrics. */
    private static double metric(String name) throws Exception {
        return get("/metrics").body().lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
