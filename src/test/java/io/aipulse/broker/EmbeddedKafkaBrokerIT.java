package io.aipulse.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aipulse.testsupport.TestConsumers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.internals.Exit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EmbeddedKafkaBrokerIT {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void readCommittedConsumerSeesTheRecordsOfACommittedTransaction() throws Exception {
        // given a broker on a free port with one topic
        try (EmbeddedKafkaBroker broker = startTimed(BrokerOptions.ephemeral(), "fresh broker, temp dir")) {
            assertThat(broker.port()).isPositive();
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
            broker.createTopics(List.of(new NewTopic("articles", 1, (short) 1)));

            // when an idempotent, transactional producer commits three records
            produceInTransaction(broker, "articles", "tx-articles", List.of("a", "b", "c"), true);

            // then a read_committed consumer reads exactly those values
            assertThat(readValues(broker, "articles", 3)).containsExactly("a", "b", "c");
        }
    }

    @Test
    void readCommittedConsumerSkipsTheRecordsOfAnAbortedTransaction() throws Exception {
        // given a broker with a topic holding one aborted and one committed transaction
        try (EmbeddedKafkaBroker broker = startTimed(BrokerOptions.ephemeral(), "fresh broker, temp dir")) {
            broker.createTopics(List.of(new NewTopic("events", 1, (short) 1)));
            produceInTransaction(broker, "events", "tx-events", List.of("aborted-1", "aborted-2"), false);
            produceInTransaction(broker, "events", "tx-events", List.of("kept"), true);

            // when a read_committed consumer reads the topic
            List<String> values = readValues(broker, "events", 1);

            // then only the committed record is visible
            assertThat(values).containsExactly("kept");
        }
    }

    @Test
    void topicsAndCommittedRecordsSurviveARestartOnTheSameDataDir(@TempDir Path dataDir) throws Exception {
        BrokerOptions options = BrokerOptions.ephemeral().withDataDir(dataDir);

        // given a broker that created a topic and committed three records, then was closed
        try (EmbeddedKafkaBroker first = startTimed(options, "first start, empty data dir")) {
            first.createTopics(List.of(new NewTopic("persisted", 1, (short) 1)));
            produceInTransaction(first, "persisted", "tx-persisted", List.of("x", "y", "z"), true);
            assertThat(readValues(first, "persisted", 3)).containsExactly("x", "y", "z");
        }
        assertThat(dataDir).isDirectory();
        assertThat(dataDir.resolve("meta.properties")).isRegularFile();

        // when a new broker starts on the same data dir
        try (EmbeddedKafkaBroker second = startTimed(options, "restart on formatted data dir")) {
            // then the topic is still there
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, second.bootstrapServers()))) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(topics).contains("persisted");
            }
            // and so are the committed records
            assertThat(readValues(second, "persisted", 3)).containsExactly("x", "y", "z");

            // and the same transactional.id can keep producing after the restart
            produceInTransaction(second, "persisted", "tx-persisted", List.of("after-restart"), true);
            assertThat(readValues(second, "persisted", 4)).containsExactly("x", "y", "z", "after-restart");

            // and creating an existing topic is not an error
            assertThatCode(() -> second.createTopics(List.of(new NewTopic("persisted", 1, (short) 1))))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void closeDeletesTheTemporaryDataDirAndIsIdempotent() {
        // given a broker on a temporary data dir
        EmbeddedKafkaBroker broker = startTimed(BrokerOptions.ephemeral(), "fresh broker, temp dir");
        Path dataDir = broker.dataDir();
        assertThat(dataDir).isDirectory();

        // when it is closed twice
        broker.close();
        broker.close();

        // then its temporary data dir is gone
        assertThat(Files.exists(dataDir)).isFalse();
    }

    @Test
    void kafkaExitAndHaltThrowInsteadOfKillingTheJvmWhileABrokerRuns() {
        // given a running broker
        try (EmbeddedKafkaBroker broker = startTimed(BrokerOptions.ephemeral(), "fresh broker, temp dir")) {
            // when Kafka code asks to halt or exit the JVM, then it gets an exception instead
            assertThatThrownBy(() -> Exit.halt(1, "simulated fatal fault"))
                    .isInstanceOf(EmbeddedKafkaBroker.BrokerExitException.class)
                    .hasMessageContaining("halt(1)")
                    .hasMessageContaining("simulated fatal fault");
            assertThatThrownBy(() -> Exit.exit(3))
                    .isInstanceOfSatisfying(EmbeddedKafkaBroker.BrokerExitException.class,
                            e -> assertThat(e.status()).isEqualTo(3));
        }
    }

    @Test
    void startingOnAPortInUseFailsFastWithAClearMessage() throws Exception {
        // given a port somebody else listens on
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            BrokerOptions options = BrokerOptions.ephemeral().withPort(taken.getLocalPort());

            // when a broker is asked to listen there, then start fails with a clear message
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(options))
                    .isInstanceOf(KafkaException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    // ----------------------------------------------------------------------------------------------------

    private static EmbeddedKafkaBroker startTimed(BrokerOptions options, String label) {
        long t0 = System.nanoTime();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(options);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.printf("STARTUP %-32s %5d ms (broker says %d ms) on %s%n",
                label, ms, broker.startupDuration().toMillis(), broker.bootstrapServers());
        return broker;
    }

    private static void produceInTransaction(EmbeddedKafkaBroker broker, String topic, String transactionalId,
                                             List<String> values, boolean commit) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (String v : values) {
                producer.send(new ProducerRecord<>(topic, "k-" + v, v)).get(30, TimeUnit.SECONDS);
            }
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
        }
    }

    /** Reads the topic from the beginning until {@code expected} values arrived (or the timeout passed). */
    private static List<String> readValues(EmbeddedKafkaBroker broker, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                TestConsumers.readCommittedFromStart(broker.bootstrapServers()), new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            // one more short poll so that unexpected extra records would show up in the assertion
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                values.add(r.value());
            }
        }
        return values;
    }
}
