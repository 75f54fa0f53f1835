package io.aipulse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.broker.BrokerOptions;
import io.aipulse.testsupport.Await;
import io.aipulse.testsupport.FreePort;
import io.aipulse.testsupport.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGKILL the service at random points while it processes a backfill that keeps arriving, restart it on
 * the same state dir (once on a wiped one), and check that what it committed in the end is exactly what
 * an uninterrupted run committed: nothing lost, nothing counted twice.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class KillNineIT {

    private static final int KILLS = 3;
    private static final int CHUNK = 20;
    private static final int BACKLOG = 200;
    private static final int CHUNK_PAUSE_MS = 150;
    /** The restart after this kill starts from an empty state dir: all state comes back from the changelogs. */
    private static final int WIPE_AFTER_KILL = 2;

    private Harness harness;

    @BeforeEach
    void startBroker() {
        harness = Harness.start("KillNineIT", BrokerOptions.ephemeral());
    }

    @AfterEach
    void killEverything() {
        harness.close();
    }

    @Test
    void sigkillAtRandomPointsLosesNothingAndCountsNothingTwice() throws Exception {
        Corpus corpus = References.corpus();
        Snapshot reference = References.onePartition(harness);

        RunTopics topics = RunTopics.of("kill9", 1);
        topics.create(harness.admin());
        List<Corpus.Item> items = corpus.items();
        int total = items.size();
        String app = "kill9";
        Path state = harness.stateDir(app);
        int port = FreePort.onLoopback();
        Random random = new Random(corpus.seed() * 31 + 9);

        long t0 = System.nanoTime();
        ServiceProcess run = harness.launch(app + "-0", app, topics, state, port, Map.of());
        run.awaitRunning(Duration.ofSeconds(120));
        // the backfill keeps arriving, at most BACKLOG records ahead of what the service has committed:
        // every kill hits a run with input still to process, and the input waits while it restarts
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<ServiceProcess> current = new AtomicReference<>(run);
        ExecutorService feeder = Executors.newSingleThreadExecutor();
        Future<?> feeding = feeder.submit(() -> feed(topics, items, app, sent, current));
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                // a random point around k/(KILLS+1) of the input, then a random delay into the commit cycle
                long target = (long) (total * (kill + random.nextDouble() - 0.5) / (KILLS + 1));
                ServiceProcess running = run;
                running.await("input offset " + target + " committed by " + running, Duration.ofSeconds(180),
                        () -> harness.committedInput(app, topics) >= target);
                Await.sleep(random.nextInt(100));
                long atKill = harness.committedInput(app, topics);
                int sentAtKill = sent.get();
                run.kill9();
                long events = Snapshot.readTopic(harness.bootstrap(), topics.events()).size();
                harness.log("kill %d: SIGKILL %s with %d input records committed, %d of %d sent, %d events committed,"
                        + " window-state changelog %d MB; exit status 137, no clean shutdown", kill, run, atKill,
                        sentAtKill, total, events, harness.topicBytes(app + "-aggregate-windows-changelog") >> 20);
                assertThat(sentAtKill).as("killed while the input was still arriving").isLessThan(total);

                boolean wipe = kill == WIPE_AFTER_KILL;
                if (wipe) {
                    Harness.wipe(state);
                }
                long restarted = System.nanoTime();
                run = harness.launch(app + "-" + kill, app, topics, state, port, Map.of());
                current.set(run);
                Duration startup = run.awaitRunning(Duration.ofSeconds(120));
                ServiceProcess resumed = run;
                resumed.await("progress after restart " + kill, Duration.ofSeconds(120),
                        () -> harness.committedInput(app, topics) > atKill);
                harness.log("restart %d%s: RUNNING after %d ms, committing input again after %d ms", kill,
                        wipe ? " (state dir wiped: state restored from the changelogs)" : " (same state dir)",
                        startup.toMillis(), Duration.ofNanos(System.nanoTime() - restarted).toMillis());
            }
            feeding.get(180, TimeUnit.SECONDS);
        } finally {
            feeder.shutdownNow();
        }
        Duration caughtUp = harness.awaitCaughtUp(app, topics, Duration.ofSeconds(180), run);
        harness.log("caught up %d ms after the input was complete; %d s from the first start", caughtUp.toMillis(),
                Duration.ofNanos(System.nanoTime() - t0).toSeconds());

        Snapshot actual = harness.snapshot(topics);
        Verifier.Result result = Verifier.exact(reference, actual);
        harness.log("compared with the uninterrupted run: %s", result);
        assertThat(Verifier.duplicateEventIds(actual)).as("event ids committed more than once").isEmpty();
        assertThat(actual.records("events")).as("events").hasSameSizeAs(reference.records("events"));
        assertThat(result.identical()).as("%s", result).isTrue();
    }

    /**
     * Sends the items in order, in chunks of {@link #CHUNK} with a pause after each, only while the
     * current instance is RUNNING (not while it restarts or restores its state: its first sub-topology
     * may already be reading input then) and never more than {@link #BACKLOG} ahead of the committed
     * input.
     */
    private void feed(RunTopics topics, List<Corpus.Item> items, String app, AtomicInteger sent,
                      AtomicReference<ServiceProcess> current) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Harness.producerProps(harness.bootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int from = 0; from < items.size(); from += CHUNK) {
                while (current.get().healthStatus() != 200
                        || sent.get() - harness.committedInput(app, topics) > BACKLOG) {
                    Await.sleep(50);
                }
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                for (Corpus.Item item : items.subList(from, Math.min(items.size(), from + CHUNK))) {
                    acks.add(producer.send(Harness.record(topics.input(), item)));
                }
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(60, TimeUnit.SECONDS);
                }
                sent.addAndGet(acks.size());
                // at most ~130 records/s: the service must not finish a stretch between two looks at it
                Await.sleep(CHUNK_PAUSE_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("feeding the input failed", e);
        }
    }
}
