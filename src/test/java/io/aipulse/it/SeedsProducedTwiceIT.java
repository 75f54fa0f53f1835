package io.aipulse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.broker.BrokerOptions;
import io.aipulse.broker.EmbeddedKafkaBroker;
import io.aipulse.testsupport.ChildProcess;
import io.aipulse.testsupport.Project;
import io.aipulse.testsupport.ServiceJar;
import io.aipulse.testsupport.ServiceProcess;
import io.aipulse.testsupport.TestConsumers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code produce seeds/} twice on a fresh service (the jar's {@code run} as a child process, an in-process
 * broker): the second call sends every seed again, oldest first, after stream time has reached the newest
 * seed. Issue 14 measured 53 event ids written twice and 318 late records; each article must count once.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SeedsProducedTwiceIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration QUIET = Duration.ofSeconds(3);

    private Path work;
    private EmbeddedKafkaBroker broker;
    private ServiceProcess service;

    @BeforeEach
    void startBrokerAndService() {
        work = Project.freshDirUnderTarget("seeds-twice-it");
        broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral());
        service = ServiceJar.run(broker.bootstrapServers()).stateDir(work.resolve("state"))
                .set("http.bind", "127.0.0.1").start("service", work);
        service.awaitRunning(Duration.ofMinutes(2));
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void producingTheSeedsTwiceWritesTheEventsOfOneRunAndNothingLate() throws Exception {
        // given the seeds produced once and processed
        int seeds = produceSeeds("produce-1");
        service.await("first run extracted", WAIT,
                () -> service.metrics().sum("aipulse_extraction_time_seconds_count") >= seeds);
        List<String> firstRun = eventIds();

        // when they are produced again
        produceSeeds("produce-2");
        service.await("second run read", WAIT,
                () -> service.metrics().sum("aipulse_articles_duplicates_total") >= seeds);

        // then the events topic holds the events of one run, each event id once, and nothing is late
        List<String> events = eventIds();
        System.out.printf("[seeds-twice] %d seeds sent twice: %d events after the first run, %d after the second "
                + "(%d distinct); %d duplicates counted%n", seeds, firstRun.size(), events.size(),
                Set.copyOf(events).size(), (long) service.metrics().sum("aipulse_articles_duplicates_total"));
        assertThat(firstRun).isNotEmpty();
        assertThat(new TreeSet<>(events)).hasSameSizeAs(events).isEqualTo(new TreeSet<>(firstRun));
        assertThat(read("aipulse.late")).isEmpty();
        assertThat(service.metrics().sum("aipulse_extraction_time_seconds_count")).isEqualTo(seeds);
    }

    /** Runs {@code produce seeds/} with the jar; returns how many articles it sent. */
    private int produceSeeds(String name) {
        ChildProcess.Result produced = ServiceJar.runToEnd(name, work, Duration.ofMinutes(2), "256m", "produce",
                "--bootstrap", broker.bootstrapServers(), Project.ROOT.resolve("seeds").toString());
        assertThat(produced.exitCode()).as("produce: %s %s", produced.stdout(), produced.stderr()).isZero();
        return (int) produced.stdout().lines().filter(line -> line.startsWith("sent ") && line.contains(" id=")).count();
    }

    private List<String> eventIds() {
        return read("aipulse.events").stream().map(ConsumerRecord::key).toList();
    }

    /** The committed records of a topic, read from its start until none came for a while. */
    private List<ConsumerRecord<String, String>> read(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                TestConsumers.readCommittedFromStart(broker.bootstrapServers()), new StringDeserializer(),
                new StringDeserializer())) {
            // assigned, not subscribed: no group to join, so the quiet time is not spent in a rebalance
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < QUIET.toNanos()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                    quietSince = System.nanoTime();
                }
            }
        }
        return records;
    }
}
