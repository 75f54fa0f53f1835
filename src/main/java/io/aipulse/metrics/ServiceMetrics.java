package io.aipulse.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus registry with its binders: JVM, process, and Kafka Streams (plus its embedded clients),
 * all tagged {@code application}, Kafka's limited to those a panel, an alert or the docs use
 * ({@link KafkaMeterAllowList}). Kafka Streams metrics bind when the instance becomes RUNNING, when its
 * tasks and stores exist; the binder rescans every {@link #KAFKA_METRICS_REFRESH} for metrics that appear
 * later (a partition's consumer lag exists only after its first fetch). Everything bound is closed on
 * shutdown.
 *
 * <p>Meters the registry refuses (same name, other tag keys) are counted in
 * {@code aipulse_meter_registration_failures_total} and logged once per name, instead of vanishing.
 */
public final class ServiceMetrics implements AutoCloseable {

    public static final String STREAM_STATE = "aipulse.stream.state";
    public static final String REGISTRATION_FAILURES = "aipulse.meter.registration.failures";

    /** Kafka Streams' {@code process-id} metric tag as Micrometer names it. */
    static final String KAFKA_PROCESS_ID_TAG = "process.id";

    /** How often the Kafka binder looks for new Kafka metrics (Micrometer's default: 60 s). */
    static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ServiceMetrics.class);

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;
    private final Set<String> refusedNames = ConcurrentHashMap.newKeySet();
    private KafkaStreamsMetrics streamsMetrics;
    private ScheduledExecutorService kafkaMetricsRefresh;
    private KafkaStreams watched;
    private WindowGauges windowGauges;
    private final String application;

    public ServiceMetrics(String application) {
        this.application = application;
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", application);
        registry.config().meterFilter(new KafkaMeterAllowList());
        registry.config().meterFilter(new StateStoreTags());
        // Kafka Streams tags its client and thread state with the process id, a random UUID kept only in the
        // state directory: a new container or a wiped state dir started new series. One instance per JVM,
        // named by client_id (application.id-instance.id) and Prometheus' own instance label
        registry.config().meterFilter(MeterFilter.ignoreTags(KAFKA_PROCESS_ID_TAG));
        Counter failures = Counter.builder(REGISTRATION_FAILURES)
                .description("Meters the Prometheus registry refused (same name, other tag keys); they are missing "
                        + "from /metrics")
                .register(registry);
        registry.config().onMeterRegistrationFailed((id, reason) -> {
            failures.increment();
            if (refusedNames.add(id.getName())) {
                LOG.warn("meter {} {} is not exported: {}", id.getName(), id.getTags(), reason);
            }
        });
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * Exports the instance's state from now on, before it is RUNNING: {@code aipulse_stream_state{state}}
     * is 1 for the current {@link KafkaStreams.State} and 0 for the others.
     */
    public synchronized void watchState(KafkaStreams streams) {
        if (watched != null) {
            return;
        }
        watched = streams;
        for (KafkaStreams.State state : KafkaStreams.State.values()) {
            Gauge.builder(STREAM_STATE, streams, s -> s.state() == state ? 1 : 0)
                    .description("1 for the current state of the Kafka Streams instance, 0 for the others")
                    .tag("state", state.name())
                    .strongReference(true)
                    .register(registry);
        }
    }

    /**
     * Exports from now on the committed day and week aggregates this instance holds, read from its query
     * store at every scrape ({@link WindowGauges}).
     */
    public synchronized void exportWindows(KafkaStreams streams) {
        if (windowGauges == null) {
            windowGauges = new WindowGauges(streams, application);
            registry.getPrometheusRegistry().register(windowGauges);
        }
    }

    /** Binds (once) the Kafka Streams metrics of a RUNNING instance. */
    public synchronized void bindStreams(KafkaStreams streams) {
        if (streamsMetrics == null) {
            kafkaMetricsRefresh = Background.singleThread("aipulse-kafka-metrics");
            streamsMetrics = new KafkaStreamsMetrics(streams, Tags.empty(), kafkaMetricsRefresh, KAFKA_METRICS_REFRESH);
            streamsMetrics.bindTo(registry);
        }
    }

    @Override
    public synchronized void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
            kafkaMetricsRefresh.shutdownNow();
        }
        gcMetrics.close();
        registry.close();
    }
}
