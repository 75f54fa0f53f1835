package io.aipulse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.broker.BrokerOptions;
import io.aipulse.testsupport.Await;
import io.aipulse.testsupport.FreePort;
import io.aipulse.testsupport.Project;
import io.aipulse.testsupport.ServiceProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The broker (in this JVM, a fixed port chosen up front, a persistent data dir) is shut down and
 * started again on the same port and dir while the service runs and the backfill is still being
 * produced. The service must recover by itself (the child is never restarted) and commit exactly what
 * an uninterrupted run commits.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BrokerBounceIT {

    private static final Duration DOWN = Duration.ofSeconds(5);

    private Harness harness;

    @BeforeEach
    void startBroker() {
        int port = FreePort.onLoopback();
        harness = Harness.start("BrokerBounceIT", BrokerOptions.ephemeral().withPort(port)
                .withDataDir(Project.ROOT.resolve("target/reliability/BrokerBounceIT/kafka")));
    }

    @AfterEach
    void killEverything() {
        harness.close();
    }

    @Test
    void serviceRecoversFromABrokerRestartByItselfWithExactResults() throws Exception {
        Corpus corpus = References.corpus();
        Snapshot reference = References.onePartition(harness);

        RunTopics topics = RunTopics.of("bounce", 1);
        topics.create(harness.admin());
        String app = "bounce";
        ServiceProcess run = harness.launch(app, app, topics, harness.stateDir(app), FreePort.onLoopback(), Map.of());
        run.awaitRunning(Duration.ofSeconds(120));
        long pid = run.pid();

        // the backfill arrives over several seconds, in order, through one idempotent producer that
        // keeps retrying while the broker is away
        List<Corpus.Item> items = corpus.items();
        AtomicInteger sent = new AtomicInteger();
        CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                    Harness.producerProps(harness.bootstrap()), new StringSerializer(), new ByteArraySerializer())) {
                List<Future<RecordMetadata>> acks = new java.util.ArrayList<>();
                for (Corpus.Item item : items) {
                    acks.add(producer.send(Harness.record(topics.input(), item)));
                    if (sent.incrementAndGet() % 20 == 0) {
                        Await.sleep(40);
                    }
                }
                producer.flush();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(180, TimeUnit.SECONDS);
                }
            } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("producing failed", e);
            }
        });

        // bounce once the service is busy and a third of the input is out
        Await.until("a third of the input sent and some of it processed", Duration.ofSeconds(120),
                () -> sent.get() >= items.size() / 3 && harness.committedInput(app, topics) > 0);
        long beforeBounce = harness.committedInput(app, topics);
        int sentBeforeBounce = sent.get();
        Duration bounce = harness.bounceBroker(DOWN);
        long afterRestart = System.nanoTime();
        harness.log("broker bounced (closed, %d s down, restarted on the same port and dir) in %d ms, with %d of %d"
                + " records sent and %d committed by the service", DOWN.toSeconds(), bounce.toMillis(),
                sentBeforeBounce, items.size(), beforeBounce);

        run.await("service commits input again after the bounce", Duration.ofSeconds(180),
                () -> harness.committedInput(app, topics) > beforeBounce);
        harness.log("service committing input again %d ms after the broker was back",
                Duration.ofNanos(System.nanoTime() - afterRestart).toMillis());
        producing.get(240, TimeUnit.SECONDS);
        harness.log("producer done: %d records acknowledged", sent.get());

        Duration caughtUp = harness.awaitCaughtUp(app, topics, Duration.ofSeconds(180), run);
        harness.log("caught up %d ms after the producer finished, %d ms after the broker was back",
                caughtUp.toMillis(), Duration.ofNanos(System.nanoTime() - afterRestart).toMillis());
        assertThat(run.isAlive()).as("the same child process ran throughout").isTrue();
        assertThat(run.pid()).isEqualTo(pid);

        // the input itself survived: every record once, in order
        List<Snapshot.Rec> input = Snapshot.readTopic(harness.bootstrap(), topics.input());
        assertThat(input).extracting(Snapshot.Rec::key)
                .containsExactlyElementsOf(items.stream().map(Corpus.Item::key).toList());

        Snapshot actual = harness.snapshot(topics);
        Verifier.Result result = Verifier.exact(reference, actual);
        harness.log("compared with the uninterrupted run: %s", result);
        harness.log("stream threads replaced in the child: %d", run.process().stderr().lines()
                .filter(line -> line.contains("replacing it")).count());
        assertThat(Verifier.duplicateEventIds(actual)).as("event ids committed more than once").isEmpty();
        assertThat(result.identical()).as("%s", result).isTrue();
    }
}
