package io.aipulse.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.broker.BrokerOptions;
import io.aipulse.broker.EmbeddedKafkaBroker;
import io.aipulse.testsupport.Await;
import io.aipulse.testsupport.Project;
import io.aipulse.testsupport.ServiceJar;
import io.aipulse.testsupport.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two starts of {@code run} one after the other (the same instance and settings; each with a state directory
 * of its own, as a new container or a pod without a volume has) export the same series on {@code /metrics}:
 * every metric name with the same label sets. The Kafka clients' metrics carry their client id in
 * {@code client_id} and {@code thread_id}; with Kafka Streams' default id (a random one per process, kept
 * only in the state directory) every such restart started new series. No warning about the global thread's
 * processing handler at either start.
 */
class MetricSeriesAcrossRestartsIT {

    /** Longer than the service's rescan of Kafka metrics (10 s): a set unchanged this long is complete. */
    private static final Duration STABLE = Duration.ofSeconds(12);
    private static final Duration WAIT = Duration.ofMinutes(3);
    /**
     * Series whose labels say what a run happens to be doing, not who exports them: a GC pause's cause and
     * action, and the changelog partitions the restore consumer is reading at that moment (they come and go
     * as the stores restore, in whatever order).
     */
    private static final Set<String> GC_SERIES = Set.of("jvm_gc_pause_seconds", "jvm_gc_pause_seconds_count",
            "jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_max", "jvm_gc_concurrent_phase_time_seconds",
            "jvm_gc_concurrent_phase_time_seconds_count", "jvm_gc_concurrent_phase_time_seconds_sum",
            "jvm_gc_concurrent_phase_time_seconds_max");

    private static boolean runDependent(MetricsText.Sample sample) {
        String client = sample.label("client_id");
        return GC_SERIES.contains(sample.name())
                || client != null && client.endsWith("-restore-consumer") && sample.label("topic") != null;
    }

    private static final Map<String, String> LOGS = new TreeMap<>();
    private static EmbeddedKafkaBroker broker;
    private static Path work;

    @BeforeAll
    static void start() {
        work = Project.freshDirUnderTarget("metric-series-it");
        broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral());
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void twoStartsOfTheSameInstanceExportTheSameSeries() throws Exception {
        // when the same instance is started, scraped once its series are complete, stopped, and started again
        // as a new container or a pod without a volume starts: without the state directory of the first
        Set<String> first = seriesOfOneStart("first");
        Set<String> second = seriesOfOneStart("second");

        // then both starts export exactly the same metric names and label sets
        Set<String> onlyFirst = new TreeSet<>(first);
        onlyFirst.removeAll(second);
        Set<String> onlySecond = new TreeSet<>(second);
        onlySecond.removeAll(first);
        System.out.printf("[metrics] %d and %d series, %d and %d of them kafka_*; client ids %s and %s;"
                        + " first only %s; second only %s%n", first.size(), second.size(),
                first.stream().filter(s -> s.startsWith("kafka_")).count(),
                second.stream().filter(s -> s.startsWith("kafka_")).count(), clientIds(first), clientIds(second),
                onlyFirst, onlySecond);
        assertThat(onlyFirst).as("series of the first start only").isEmpty();
        assertThat(onlySecond).as("series of the second start only").isEmpty();
        assertThat(first.stream().filter(s -> s.startsWith("kafka_"))).as("the Kafka clients' series").isNotEmpty();
        assertThat(clientIds(first)).isNotEmpty().allMatch(id -> id.startsWith("aipulse-"));
        // and neither start warned that the global thread's processing handler is off
        LOGS.forEach((name, log) -> assertThat(log).as(name).doesNotContain("Processing exception handler is not enabled"));
    }

    private static ServiceProcess start(String name) {
        return ServiceJar.run(broker.bootstrapServers()).stateDir(work.resolve("state-" + name))
                .set("http.bind", "127.0.0.1").set("instance.id", "it-instance").start(name, work);
    }

    /** The series of one start (names with their sorted labels), once the set stops changing. */
    private static Set<String> seriesOfOneStart(String name) throws Exception {
        ServiceProcess service = start(name);
        try {
            service.awaitRunning(WAIT);
            AtomicReference<Set<String>> last = new AtomicReference<>(Set.of());
            long[] changedAt = {System.nanoTime()};
            service.await(name + ": the series on /metrics unchanged for " + STABLE.toSeconds() + " s", WAIT, () -> {
                Set<String> now = series(service.metrics());
                if (!now.equals(last.get())) {
                    last.set(now);
                    changedAt[0] = System.nanoTime();
                }
                Await.sleep(1_000);
                return now.stream().anyMatch(s -> s.startsWith("kafka_stream_"))
                        && System.nanoTime() - changedAt[0] > STABLE.toNanos();
            });
            LOGS.put(name, service.process().stderr());
            return last.get();
        } finally {
            service.close();
        }
    }

    private static Set<String> series(MetricsText metrics) {
        Set<String> series = new TreeSet<>();
        for (MetricsText.Sample sample : metrics.samples()) {
            if (!runDependent(sample)) {
                series.add(sample.name() + new TreeMap<>(sample.labels()));
            }
        }
        return series;
    }

    private static Set<String> clientIds(Set<String> series) {
        return series.stream().map(s -> label(s, "client_id")).filter(id -> id != null).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String label(String series, String key) {
        int at = series.indexOf(key + "=");
        if (at < 0) {
            return null;
        }
        int end = series.indexOf(',', at);
        int close = series.indexOf('}', at);
        return series.substring(at + key.length() + 1, end < 0 || close < end ? close : end);
    }
}
