package io.aipulse.poison;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.article.Article;
import io.aipulse.article.ArticleJson;
import io.aipulse.article.InputLimits;
import io.aipulse.broker.BrokerOptions;
import io.aipulse.broker.EmbeddedKafkaBroker;
import io.aipulse.config.Settings;
import io.aipulse.config.SettingsLoader;
import io.aipulse.extract.Company;
import io.aipulse.extract.CompanyDirectory;
import io.aipulse.extract.Event;
import io.aipulse.extract.EventExtractor;
import io.aipulse.extract.Knowledge;
import io.aipulse.metrics.MicrometerStreamMetrics;
import io.aipulse.stream.AipulseTopology;
import io.aipulse.stream.StreamService;
import io.aipulse.testsupport.Await;
import io.aipulse.testsupport.ChildProcess;
import io.aipulse.testsupport.Project;
import io.aipulse.testsupport.TestConsumers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.tools.consumer.ConsoleConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every kind of dead letter on a real broker, with the service's own settings (exactly-once): a record that
 * is not JSON (refused by validation), an article the extractor throws on (a processing error), and a record
 * on an internal topic that cannot be deserialised. Each lands on the dead-letter topic with Kafka Streams'
 * error headers ({@code __streams.errors.topic/partition/offset/exception/message}, the stack trace for the
 * failures) and our {@code aipulse.error.reason}, is counted in {@code aipulse_deadletters_total}, and Kafka's
 * own console consumer shows those headers ({@code print.headers=true}). A record on the company topic that
 * is not a company is counted and skipped: the global thread cannot write dead letters, and must not stop.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadLetterHeadersIT {

    private static final String APPLICATION = "aipulse-dlq-it";
    private static final String FAIL_MARKER = "EXTRACTOR-FAILS-HERE";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static EmbeddedKafkaBroker broker;
    private static StreamService service;
    private static Settings settings;
    private static SimpleMeterRegistry registry;
    private static Path work;
    private static final Map<String, RecordMetadata> SENT = new LinkedHashMap<>();
    private static final Map<String, ConsumerRecord<String, byte[]>> DEAD = new LinkedHashMap<>();

    /** No events, except an exception on an article containing {@link #FAIL_MARKER}, as a bug would throw. */
    static final class FailingExtractor implements EventExtractor {
        @Override
        public List<Event> extract(Article article, CompanyDirectory overrides) {
            if (article.text().contains(FAIL_MARKER)) {
                throw new IllegalStateException("extractor failed on " + article.id());
            }
            return List.of();
        }
    }

    @BeforeAll
    static void start() {
        work = Project.freshDirUnderTarget("dead-letter-it");
        broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral());
        Map<String, String> options = new LinkedHashMap<>();
        options.put("bootstrap.servers", broker.bootstrapServers());
        options.put("application.id", APPLICATION);
        settings = SettingsLoader.load(Project.CONFIG, Map.of(), options);
        registry = new SimpleMeterRegistry();
        service = StreamService.start(settings, Knowledge.load(Project.CONFIG), new FailingExtractor(),
                new ArticleJson(settings.zone(), InputLimits.defaults()), new MicrometerStreamMetrics(registry),
                work.resolve("state").toString(), streams -> { });
        Await.until("the stream RUNNING", WAIT, () -> service.state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void aNotJsonRecordAFailingArticleAndAnUndeserialisableRecordLandWithKafkasErrorHeadersAndOurReason()
            throws Exception {
        // given a record that is not JSON and an article the extractor throws on, on the input topic, and a
        // record that is not what the service writes on its identity stage's repartition topic
        String repartition = APPLICATION + "-" + AipulseTopology.IDENTITY_REPARTITION + "-repartition";
        try (KafkaProducer<String, byte[]> producer = producer()) {
            SENT.put("not-json", producer.send(new ProducerRecord<>(settings.get("topic.articles"), "not-json",
                    utf8("这不是 JSON"))).get());
            SENT.put("failing", producer.send(new ProducerRecord<>(settings.get("topic.articles"), "failing",
                    utf8("{\"text\":\"" + FAIL_MARKER + " 某公司完成融资。\",\"publishedAt\":\"2024-05-06T10:00:00+08:00\"}")))
                    .get());
            SENT.put("garbage", producer.send(new ProducerRecord<>(repartition, "garbage", utf8("not a batch"))).get());
        }

        // when the service has read them
        readDeadLetters(3);

        // then each is on the dead-letter topic with where it was read, what went wrong, and our reason
        assertThat(DEAD).containsOnlyKeys("not-json", "failing", "garbage");
        Map<String, String> expectedReason = Map.of("not-json", "not-json", "failing", "processing-error",
                "garbage", "deserialization-error");
        for (Map.Entry<String, ConsumerRecord<String, byte[]>> entry : DEAD.entrySet()) {
            ConsumerRecord<String, byte[]> dead = entry.getValue();
            RecordMetadata read = SENT.get(entry.getKey());
            assertThat(header(dead, "__streams.errors.topic")).as(entry.getKey()).isEqualTo(read.topic());
            assertThat(header(dead, "__streams.errors.partition")).as(entry.getKey())
                    .isEqualTo(Integer.toString(read.partition()));
            assertThat(header(dead, "__streams.errors.offset")).as(entry.getKey())
                    .isEqualTo(Long.toString(read.offset()));
            assertThat(header(dead, "__streams.errors.exception")).as(entry.getKey()).isNotBlank();
            assertThat(header(dead, "__streams.errors.message")).as(entry.getKey()).isNotBlank();
            assertThat(header(dead, "aipulse.error.reason")).as(entry.getKey()).isEqualTo(expectedReason.get(entry.getKey()));
        }
        // a refusal says why; a failure also carries its stack trace, as Kafka's own dead letters do
        assertThat(header(DEAD.get("not-json"), "__streams.errors.exception"))
                .isEqualTo("io.aipulse.article.RejectedInputException");
        assertThat(DEAD.get("not-json").headers().lastHeader("__streams.errors.stacktrace")).isNull();
        assertThat(header(DEAD.get("failing"), "__streams.errors.exception")).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(DEAD.get("failing"), "__streams.errors.stacktrace")).contains(FailingExtractor.class.getName());
        assertThat(header(DEAD.get("failing"), "aipulse.error.processor")).isEqualTo("extract-events");
        assertThat(header(DEAD.get("garbage"), "__streams.errors.stacktrace")).contains("BinarySerdes");
        // and the bytes as they were read
        assertThat(DEAD.get("not-json").value()).isEqualTo(utf8("这不是 JSON"));
        assertThat(DEAD.get("garbage").value()).isEqualTo(utf8("not a batch"));
    }

    @Test
    @Order(2)
    void everyDeadLetterIsCountedByItsReason() {
        assertThat(deadLetters("not-json")).isEqualTo(1);
        assertThat(deadLetters("processing-error")).isEqualTo(1);
        assertThat(deadLetters("deserialization-error")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void kafkasConsoleConsumerShowsTheErrorHeadersOfEachDeadLetter() {
        // when Kafka's own console consumer reads the dead-letter topic with print.headers=true
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Project.JAR + java.io.File.pathSeparator + codeSource(ConsoleConsumer.class),
                ConsoleConsumer.class.getName(), "--bootstrap-server", broker.bootstrapServers(),
                "--topic", settings.get("topic.dlq"), "--from-beginning", "--isolation-level", "read_committed",
                "--max-messages", "3", "--timeout-ms", "30000",
                "--formatter-property", "print.headers=true", "--formatter-property", "print.key=true",
                "--formatter-property", "print.offset=true"));
        ChildProcess.Result read = ChildProcess.run("console-consumer", Project.ROOT, work, command, WAIT);

        // then each of the three records is printed with its source topic, partition, offset and our reason
        assertThat(read.exitCode()).as(read.stderr()).isZero();
        System.out.println("[dlq] kafka-console-consumer --property print.headers=true:\n" + read.stdout());
        for (Map.Entry<String, RecordMetadata> sent : SENT.entrySet()) {
            RecordMetadata at = sent.getValue();
            assertThat(read.stdout()).as(sent.getKey()).contains("__streams.errors.topic:" + at.topic()
                    + ",__streams.errors.partition:" + at.partition() + ",__streams.errors.offset:" + at.offset()
                    + ",aipulse.error.reason:");
        }
        assertThat(read.stdout()).contains("aipulse.error.reason:not-json").contains("aipulse.error.reason:processing-error")
                .contains("aipulse.error.reason:deserialization-error");
    }

    @Test
    @Order(4)
    void aCompanyRecordThatIsNotACompanyIsCountedAndSkippedAndTheCompanyTableGoesOn() throws Exception {
        // given a record on the company topic that is not JSON, then a company
        String companies = settings.get("topic.companies");
        double before = deadLetters("deserialization-error");
        Company company = new Company("死信测试公司", List.of(), "company", "hangzhou", "CN", "robotics");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(companies, "坏记录", utf8("not json"))).get();
            producer.send(new ProducerRecord<>(companies, company.name(), io.aipulse.json.Json.writeBytes(company))).get();
        }

        // when the global thread has read them: the company after the bad record is in the table
        Await.until("the company after the bad record in the global table", WAIT, () -> {
            Object found = service.streams().store(StoreQueryParameters.fromNameAndType(AipulseTopology.COMPANY_STORE,
                    QueryableStoreTypes.<String, Company>keyValueStore())).get(company.name());
            return company.equals(found);
        });

        // then the bad record was counted, and the instance is still running
        assertThat(deadLetters("deserialization-error")).isEqualTo(before + 1);
        assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    // ---------------------------------------------------------------------------------------------------

    private static void readDeadLetters(int expected) {
        Properties props = TestConsumers.readCommittedFromStart(broker.bootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(settings.get("topic.dlq")));
            Await.until(expected + " dead letters", WAIT, () -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    DEAD.put(record.key(), record);
                }
                return DEAD.size() >= expected;
            });
        }
    }

    private static double deadLetters(String reason) {
        Counter counter = registry.find(MicrometerStreamMetrics.DEAD_LETTERS).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
