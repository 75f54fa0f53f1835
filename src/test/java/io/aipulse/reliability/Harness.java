package io.aipulse.reliability;

import io.aipulse.broker.BrokerOptions;
import io.aipulse.broker.EmbeddedKafkaBroker;
import io.aipulse.testsupport.Await;
import io.aipulse.testsupport.Project;
import io.aipulse.testsupport.ServiceJar;
import io.aipulse.testsupport.ServiceProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What every reliability test needs: a broker in this JVM, an Admin client, child {@code run} processes
 * (always killed at the end), the corpus producer, progress probes on the consumer group, and a
 * measurement log under {@code target/reliability/<test>/}.
 */
final class Harness implements AutoCloseable {

    /**
     * Kafka Streams names the repartition topics {@code <application.id>-<name>-repartition}: one into the
     * identity stage, one into the aggregation.
     */
    static final List<String> REPARTITION_SUFFIXES = List.of(
            "-" + io.aipulse.stream.AipulseTopology.IDENTITY_REPARTITION + "-repartition",
            "-" + io.aipulse.stream.AipulseTopology.WINDOW_REPARTITION + "-repartition");

    private final String testName;
    private final Path dir;
    private final BrokerOptions brokerOptions;
    private final List<ServiceProcess> children = new ArrayList<>();
    private EmbeddedKafkaBroker broker;
    private Admin admin;

    private Harness(String testName, BrokerOptions brokerOptions) {
        this.testName = testName;
        this.dir = Project.ROOT.resolve("target/reliability").resolve(testName);
        this.brokerOptions = brokerOptions;
    }

    static Harness start(String testName, BrokerOptions brokerOptions) {
        Harness harness = new Harness(testName, brokerOptions);
        Project.freshDirUnderTarget("reliability/" + testName);
        harness.broker = EmbeddedKafkaBroker.start(brokerOptions);
        harness.admin = Admin.create(adminProps(harness.bootstrap()));
        harness.log("broker %s started in %d ms", harness.bootstrap(), harness.broker.startupDuration().toMillis());
        return harness;
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }

    Admin admin() {
        return admin;
    }

    Path dir() {
        return dir;
    }

    Path stateDir(String name) {
        return dir.resolve("state").resolve(name);
    }

    // ---- broker faults ---------------------------------------------------------------------------

    /** Closes the broker (clean shutdown), waits, and starts it again on the same port and data dir. */
    Duration bounceBroker(Duration down) {
        long t0 = System.nanoTime();
        broker.close();
        log("broker closed in %d ms", (System.nanoTime() - t0) / 1_000_000);
        Await.sleep(down.toMillis());
        long t1 = System.nanoTime();
        broker = EmbeddedKafkaBroker.start(brokerOptions);
        log("broker restarted on %s in %d ms", bootstrap(), (System.nanoTime() - t1) / 1_000_000);
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    // ---- child processes -------------------------------------------------------------------------

    /**
     * Starts the service ({@link ServiceJar#run}) with its own HTTP port and state dir,
     * {@code application.server} set to its own address, a short session timeout and a 100 ms commit
     * interval. {@code extra} is more {@code --set} values.
     */
    ServiceProcess launch(String name, String applicationId, RunTopics topics, Path stateDir, int httpPort,
                          Map<String, String> extra) {
        ServiceProcess child = ServiceJar.run(bootstrap()).httpPort(httpPort).stateDir(stateDir)
                .set("application.id", applicationId)
                .set("application.server", "127.0.0.1:" + httpPort)
                .set("http.bind", "127.0.0.1")
                .set("kafka.session.timeout.ms", "6000")
                .set("kafka.heartbeat.interval.ms", "1500")
                .set("kafka.commit.interval.ms", "100")
                .set(topics.settings())
                .set(extra)
                .start(name, dir.resolve("logs"));
        children.add(child);
        log("started %s (application.id=%s, state %s)", child, applicationId, Project.ROOT.relativize(stateDir));
        return child;
    }

    static void wipe(Path stateDir) {
        Project.delete(stateDir);
    }

    // ---- input -----------------------------------------------------------------------------------

    static Properties producerProps(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "180000");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "180000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "reliability-corpus-producer");
        return props;
    }

    /**
     * Sends the items as the {@code produce} command does (key = article id, timestamp = publication
     * time, in the given order) and waits for every acknowledgement.
     */
    void produce(String topic, List<Corpus.Item> items) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(bootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Corpus.Item item : items) {
                sent.add(producer.send(record(topic, item)));
            }
            producer.flush();
            for (Future<RecordMetadata> future : sent) {
                future.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("could not produce the corpus to " + topic, e);
        }
        log("produced %d records to %s", items.size(), topic);
    }

    static ProducerRecord<String, byte[]> record(String topic, Corpus.Item item) {
        return new ProducerRecord<>(topic, null, item.timestamp(), item.key(), item.value());
    }

    // ---- progress --------------------------------------------------------------------------------

    /** Committed offsets of the application's consumer group (its application.id). */
    Map<TopicPartition, Long> committed(String applicationId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Long> out = new HashMap<>();
            offsets.forEach((tp, om) -> {
                if (om != null) {
                    out.put(tp, om.offset());
                }
            });
            return out;
        } catch (Exception e) {
            return Map.of();
        }
    }

    Map<TopicPartition, Long> endOffsets(String topic, int partitions) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        try {
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        } catch (Exception e) {
            return null;
        }
    }

    /** Input records whose offsets the application has committed (summed over partitions). */
    long committedInput(String applicationId, RunTopics topics) {
        return committed(applicationId).entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topics.input()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * True when the application has committed every input record and every record of its repartition
     * topics. Under exactly-once the offsets commit in the same transaction as the output, so the output
     * is then complete. (A committed repartition offset may stop one short of the end: the last offset of
     * a committed transaction is its commit marker.)
     */
    boolean caughtUp(String applicationId, RunTopics topics) {
        // committed offsets first, end offsets after: an end offset read first could miss what the last
        // upstream transaction wrote to the repartition topic just before it committed
        Map<TopicPartition, Long> committed = committed(applicationId);
        Map<TopicPartition, Long> inputEnds = endOffsets(topics.input(), topics.partitions());
        Map<TopicPartition, Long> repartitionEnds = new HashMap<>();
        for (String suffix : REPARTITION_SUFFIXES) {
            Map<TopicPartition, Long> ends = endOffsets(applicationId + suffix, topics.partitions());
            if (ends == null) {
                return false;
            }
            repartitionEnds.putAll(ends);
        }
        if (inputEnds == null) {
            return false;
        }
        boolean input = inputEnds.entrySet().stream()
                .allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue());
        boolean repartition = repartitionEnds.entrySet().stream()
                .allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue() - 1);
        return input && repartition;
    }

    Duration awaitCaughtUp(String applicationId, RunTopics topics, Duration timeout, ServiceProcess... mustStayAlive) {
        Duration waited = Await.until(applicationId + " caught up with " + topics.input(), timeout, () -> {
            for (ServiceProcess child : mustStayAlive) {
                child.process().assertAlive();
            }
            return caughtUp(applicationId, topics);
        });
        awaitOutputSettled(topics);
        return waited;
    }

    /**
     * Until no output topic grew for a second. The windows the last records updated are emitted by a
     * wall-clock punctuation once per commit interval (100 ms), which may come after the transaction that
     * committed those records' offsets: caught up, the output can still lack their last update.
     */
    private void awaitOutputSettled(RunTopics topics) {
        Map<TopicPartition, Long> before = outputEnds(topics);
        for (int check = 0; check < 30; check++) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Map<TopicPartition, Long> now = outputEnds(topics);
            if (now != null && now.equals(before)) {
                return;
            }
            before = now;
        }
    }

    private Map<TopicPartition, Long> outputEnds(RunTopics topics) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (String topic : topics.outputs().values()) {
            Map<TopicPartition, Long> topicEnds = endOffsets(topic, topics.partitions());
            if (topicEnds == null) {
                return null;
            }
            ends.putAll(topicEnds);
        }
        return ends;
    }

    /** Bytes the broker holds for a topic (all partitions, all log dirs). */
    long topicBytes(String topic) {
        try {
            List<Integer> brokers = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream()
                    .map(org.apache.kafka.common.Node::id).toList();
            return admin.describeLogDirs(brokers).allDescriptions().get(10, TimeUnit.SECONDS).values().stream()
                    .flatMap(dirs -> dirs.values().stream())
                    .flatMap(dir -> dir.replicaInfos().entrySet().stream())
                    .filter(e -> e.getKey().topic().equals(topic))
                    .mapToLong(e -> e.getValue().size()).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    Snapshot snapshot(RunTopics topics) {
        return Snapshot.read(bootstrap(), topics);
    }

    // ---- measurements ----------------------------------------------------------------------------

    /** Prints a line and appends it to target/reliability/<test>/measurements.log. */
    void log(String format, Object... args) {
        String line = LocalTime.now().withNano(0) + " [" + testName + "] " + String.format(format, args);
        System.out.println(line);
        try {
            Files.writeString(dir.resolve("measurements.log"), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is for people; never fail a test on it
        }
    }

    @Override
    public void close() {
        for (ServiceProcess child : children) {
            child.destroyForcibly();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static Properties adminProps(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return props;
    }
}
