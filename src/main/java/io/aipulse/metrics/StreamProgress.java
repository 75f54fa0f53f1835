package io.aipulse.metrics;

import io.aipulse.config.Settings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the stream's progress for the {@link StallDetector} and exports its verdict as
 * {@code aipulse_stream_stalled} (1 while stalled), which {@code /health/ready} and the alert
 * {@code AipulseStreamStalled} read.
 *
 * <p>Every {@link #interval} it takes: the input partitions of this instance's active tasks and their
 * committed offsets, as Kafka Streams reports them ({@link KafkaStreams#metadataForLocalThreads()}); their end
 * offsets from the broker (an admin client, {@code read_committed}: the last stable offset, so an open
 * transaction is not lag); and the stream threads failed since start. The end offsets come from the broker
 * rather than from Kafka Streams because a task that is not polling (stuck, or paused) never learns of the
 * records written after its last fetch.
 */
public final class StreamProgress implements AutoCloseable {

    public static final String STALLED = "aipulse.stream.stalled";

    private static final Logger LOG = LoggerFactory.getLogger(StreamProgress.class);

    private final KafkaStreams streams;
    private final LongSupplier threadFailures;
    private final StallDetector detector;
    private final Admin admin;
    private final Clock clock;
    private final Duration interval;
    private final ScheduledExecutorService sampler;
    private boolean wasStalled;

    /**
     * Starts sampling {@code streams} with the {@code health.stall.*} settings; {@code threadFailures} counts
     * the stream threads failed since start.
     */
    public static StreamProgress start(Settings settings, KafkaStreams streams, LongSupplier threadFailures,
                                       MeterRegistry registry) {
        StallDetector detector = new StallDetector(settings.getDuration("health.stall.window"),
                settings.getInt("health.stall.thread.failures"),
                settings.getDuration("health.stall.thread.failures.window"));
        Properties admin = settings.kafkaClientProperties();
        admin.put("client.id", settings.get("application.id") + "-progress");
        return new StreamProgress(streams, threadFailures, detector, Admin.create(admin), Clock.systemUTC(),
                samplingInterval(settings.getDuration("health.stall.window")), registry);
    }

    StreamProgress(KafkaStreams streams, LongSupplier threadFailures, StallDetector detector, Admin admin, Clock clock,
                   Duration interval, MeterRegistry registry) {
        this.streams = streams;
        this.threadFailures = threadFailures;
        this.detector = detector;
        this.admin = admin;
        this.clock = clock;
        this.interval = interval;
        Gauge.builder(STALLED, detector, d -> d.verdict().stalled() ? 1 : 0)
                .description("1 while the stream makes no progress on an input partition with lag, or its threads "
                        + "keep failing (see /health/ready for the reason); 0 otherwise")
                .strongReference(true)
                .register(registry);
        this.sampler = Background.singleThread("aipulse-stream-progress");
        sampler.scheduleWithFixedDelay(this::sample, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A tenth of the window, between 200 ms and 10 s: a stall is seen at most that late, and the broker is asked
     * for end offsets no more than once per interval.
     */
    static Duration samplingInterval(Duration window) {
        long millis = Math.max(200, Math.min(10_000, window.toMillis() / 10));
        return Duration.ofMillis(millis);
    }

    /** The verdict of the last sample. */
    public StallDetector.Verdict verdict() {
        return detector.verdict();
    }

    private void sample() {
        try {
            Map<TopicPartition, Long> committed = new HashMap<>();
            for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
                for (TaskMetadata task : thread.activeTasks()) {
                    task.committedOffsets().forEach((partition, offset) -> {
                        if (offset >= 0) { // a task that never committed says -1: nothing to compare yet
                            committed.put(partition, offset);
                        }
                    });
                }
            }
            Map<TopicPartition, StallDetector.Offsets> offsets = new HashMap<>();
            if (!committed.isEmpty()) {
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                        .get(interval.toMillis(), TimeUnit.MILLISECONDS)
                        .forEach((partition, info) -> offsets.put(partition,
                                new StallDetector.Offsets(committed.get(partition), info.offset())));
            }
            StallDetector.Verdict verdict = detector.observe(clock.instant(), threadFailures.getAsLong(), offsets);
            if (verdict.stalled() != wasStalled) {
                if (verdict.stalled()) {
                    LOG.warn("stream stalled: {}", verdict.reason());
                } else {
                    LOG.info("stream progressing again");
                }
                wasStalled = verdict.stalled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // the broker did not answer in time, or the streams are closing: the next sample tries again
            LOG.debug("progress sample failed", e);
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
