package io.aipulse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.broker.BrokerOptions;
import io.aipulse.broker.EmbeddedKafkaBroker;
import io.aipulse.testsupport.Await;
import io.aipulse.testsupport.ChildProcess;
import io.aipulse.testsupport.Project;
import io.aipulse.testsupport.ServiceJar;
import io.aipulse.testsupport.ServiceProcess;
import io.aipulse.testsupport.TestConsumers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code target/aipulse-service.jar}, the artifact of the Docker image: the service without Kafka's server
 * classes. It has no in-process broker, and runs, produces and validates against a real one.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ServiceJarIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void leavesOutKafkasServerClassesAndKeepsWhatTheServiceNeeds() throws IOException {
        Set<String> entries = entries(Project.SERVICE_JAR);
        System.out.printf("[service-jar] aipulse.jar %,d bytes, %d entries; aipulse-service.jar %,d bytes, %d entries%n",
                Files.size(Project.JAR), entries(Project.JAR).size(), Files.size(Project.SERVICE_JAR), entries.size());

        assertThat(entries).contains("io/aipulse/cli/Main.class", "org/apache/kafka/streams/KafkaStreams.class",
                "org/apache/kafka/clients/producer/KafkaProducer.class", "org/rocksdb/RocksDB.class",
                "schemas/event.schema.json", "config/application.properties");
        assertThat(entries).filteredOn(name -> name.endsWith(".class") && (name.startsWith("kafka/")
                        || name.startsWith("scala/") || name.startsWith("org/apache/kafka/metadata/")
                        || name.startsWith("org/apache/kafka/raft/") || name.startsWith("org/apache/kafka/storage/internals/")))
                .as("Kafka's server classes and Scala").isEmpty();
        assertThat(entries(Project.JAR)).as("the full jar keeps the broker").contains("kafka/server/KafkaRaftServer.class");
    }

    @Test
    void offersNoBrokerAndAsksForAClusterWhereTheFullJarWouldStartOne() {
        Path work = Project.freshDirUnderTarget("service-jar-it-usage");

        ChildProcess.Result help = ServiceJar.runToEnd(Project.SERVICE_JAR, "help", work, WAIT, "128m", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).containsPattern("(?m)^  run ").containsPattern("(?m)^  produce ")
                .containsPattern("(?m)^  validate ").doesNotContainPattern("(?m)^  broker ");

        ChildProcess.Result demo = ServiceJar.runToEnd(Project.SERVICE_JAR, "demo", work, WAIT, "256m", "demo", "--once");
        assertThat(demo.exitCode()).isEqualTo(1);
        assertThat(demo.stderr()).contains("no in-process broker").contains("--bootstrap");
    }

    @Test
    void runsProducesAndValidatesAgainstACluster() throws Exception {
        // given a broker and the service jar's `run`
        Path work = Project.freshDirUnderTarget("service-jar-it");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral());
             ServiceProcess service = ServiceJar.run(broker.bootstrapServers()).jar(Project.SERVICE_JAR)
                     .stateDir(work.resolve("state")).set("http.bind", "127.0.0.1").start("service", work)) {
            service.awaitRunning(Duration.ofMinutes(2));

            // when its `produce` sends the seeds
            ChildProcess.Result produced = ServiceJar.runToEnd(Project.SERVICE_JAR, "produce", work, WAIT, "256m",
                    "produce", "--bootstrap", broker.bootstrapServers(), "seeds/");
            assertThat(produced.exitCode()).as(produced.stderr()).isZero();
            int seeds = List.of(Project.ROOT.resolve("seeds").toFile().list()).size();
            service.await("the seeds extracted", WAIT,
                    () -> service.metrics().sum("aipulse_extraction_time_seconds_count") >= seeds);
            awaitARecordOn(broker.bootstrapServers(), "aipulse.agg.sector.1d");

            // then its `validate` finds events and aggregates on the topics, all of them valid
            ChildProcess.Result validated = ServiceJar.runToEnd(Project.SERVICE_JAR, "validate", work, WAIT, "256m",
                    "validate", "--bootstrap", broker.bootstrapServers());
            System.out.println("[service-jar] validate:\n" + validated.stdout());
            assertThat(validated.exitCode()).as(validated.stdout() + validated.stderr()).isZero();
            assertThat(recordsOn(validated.stdout(), "aipulse.events")).isPositive();
            assertThat(recordsOn(validated.stdout(), "aipulse.agg.sector.1d")).isPositive();
        }
    }

    private static void awaitARecordOn(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(TestConsumers.readCommittedFromStart(bootstrap),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Await.until("a record on " + topic, WAIT, () -> !consumer.poll(Duration.ofMillis(200)).isEmpty());
        }
    }

    private static long recordsOn(String report, String topic) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(topic) + ": (\\d+) records, 0 invalid").matcher(report);
        assertThat(m.find()).as("a line for %s in %s", topic, report).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static Set<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).collect(Collectors.toSet());
        }
    }
}
