package io.aipulse.poison;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aipulse.broker.BrokerOptions;
import io.aipulse.broker.EmbeddedKafkaBroker;
import io.aipulse.testsupport.Project;
import io.aipulse.testsupport.ServiceJar;
import io.aipulse.testsupport.ServiceProcess;
import io.aipulse.testsupport.TestConsumers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Each record that once stopped the stream (issue 14), sent with a plain producer to the running service
 * ({@code target/aipulse.jar run}, in-process broker), followed by a valid article: the poison ends on the
 * dead-letter topic with its reason, or, for a time ahead, is processed at the time it was read, and the
 * valid article is aggregated within 30 s. The events topic takes records up to {@value #EVENTS_MAX_BYTES}
 * bytes, so that one article gives an event the broker refuses (the production handler's case).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoisonRecordIT {

    static final String ARTICLES = "aipulse.articles";
    static final String DLQ = "aipulse.dlq";
    static final String EVENTS = "aipulse.events";
    static final String DAY_AGGREGATES = "aipulse.agg.sector.1d";
    static final String REASON = "aipulse.error.reason";
    static final int INPUT_MAX_BYTES = 16 * 1024 * 1024;
    /**
     * The valid article's event batch is about 700 bytes, the long funding article's about 1,300 (measured
     * with {@code extract}: event JSON 554 and 1,143 bytes); the service identifies articles by their link
     * or text, so an id sent with an article no longer makes its event large.
     */
    static final int EVENTS_MAX_BYTES = 1000;
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNDING = "杭州力文所生物科技有限公司宣布完成数千万元天使轮融资，由凯泰资本领投，磐霖资本跟投。";
    /** A funding whose event quotes about 225 characters of evidence: over the events topic's limit. */
    private static final String LONG_FUNDING = "杭州力文所生物科技有限公司"
            + "在人工智能与生物医药交叉领域深耕多年并依托自主研发的蛋白质结构预测平台和高通量筛选体系持续推进多个创新药物管线的临床前研究工作".repeat(2)
            + "宣布完成数千万元天使轮融资"
            + "本轮资金将主要用于扩充研发团队建设自动化实验室推进核心管线进入临床阶段以及拓展海外市场合作网络".repeat(2)
            + "，由凯泰资本领投，磐霖资本跟投。";

    private static EmbeddedKafkaBroker broker;
    private static ServiceProcess service;
    private static KafkaProducer<String, byte[]> producer;
    private static KafkaConsumer<String, byte[]> deadLetters;
    private static KafkaConsumer<String, byte[]> aggregates;
    private static final Map<String, ConsumerRecord<String, byte[]>> DEAD = new HashMap<>();
    private static final Map<String, Long> ARTICLES_BY_WINDOW = new HashMap<>();
    private static int validArticles;

    @BeforeAll
    static void start() {
        Path work = Project.freshDirUnderTarget("poison-it");
        broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral());
        broker.createTopics(List.of(new NewTopic(EVENTS, 1, (short) 1)
                .configs(Map.of("max.message.bytes", Integer.toString(EVENTS_MAX_BYTES), "retention.ms", "-1"))));
        service = ServiceJar.run(broker.bootstrapServers()).stateDir(work.resolve("state"))
                .set("http.bind", "127.0.0.1").start("service", work);
        service.awaitRunning(Duration.ofMinutes(2));
        producer = plainProducer();
        deadLetters = committedConsumer(DLQ);
        aggregates = committedConsumer(DAY_AGGREGATES);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable open : new AutoCloseable[] {producer, deadLetters, aggregates, service, broker}) {
            try {
                if (open != null) {
                    open.close();
                }
            } catch (Exception e) {
                System.err.println("closing " + open + ": " + e);
            }
        }
    }

    @Test
    @Order(1)
    void anIdOf600KbGoesToTheDeadLetterTopicAndTheNextArticleIsAggregated() throws Exception {
        ObjectNode poison = article("long-id", FUNDING).put("id", "i".repeat(600_000));
        sendPoisonThenValid("long-id", bytes(poison), new RecordHeaders(), "id-too-long");
    }

    @Test
    @Order(2)
    void aKeyOf1Point1MbGoesToTheDeadLetterTopicAndTheNextArticleIsAggregated() throws Exception {
        String key = "k".repeat(1_100_000);
        sendPoisonThenValid(key, bytes(article("huge-key", FUNDING)), new RecordHeaders(), "key-too-large");
    }

    @Test
    @Order(3)
    void aHeaderOf1Point1MbGoesToTheDeadLetterTopicAndTheNextArticleIsAggregated() throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", new byte[1_100_000]);
        sendPoisonThenValid("huge-header", bytes(article("huge-header", FUNDING)), headers, "headers-too-large");
        assertThat(DEAD.get("huge-header").headers().lastHeader("trace").value()).hasSize(1_100_000);
    }

    @Test
    @Order(4)
    void aValueJustUnderTheInputTopicsLimitGoesToTheDeadLetterTopicCutToFit() throws Exception {
        // a value the input topic takes, 200 bytes under its limit: with our headers its copy is over it
        byte[] value = new byte[INPUT_MAX_BYTES - 200];
        sendPoisonThenValid("near-limit", value, new RecordHeaders(), "too-large");

        ConsumerRecord<String, byte[]> dead = DEAD.get("near-limit");
        assertThat(header(dead, "aipulse.error.truncated")).isEqualTo("value");
        assertThat(Long.parseLong(header(dead, "aipulse.error.original-bytes"))).isGreaterThan(value.length);
        assertThat(dead.value().length).isLessThan(value.length).isGreaterThan(value.length - 4096);
    }

    @Test
    @Order(5)
    void anArticlePublishedHoursAheadIsProcessedAtTheTimeItWasReadAndTheNextArticleIsAggregated() throws Exception {
        // given an article labelled eight hours ahead (Beijing wall-clock time sent as UTC); the input topic
        // takes the record itself only with a record time up to an hour ahead: the producer's time
        Instant ahead = Instant.now().plus(Duration.ofHours(8));
        ObjectNode poison = article("hours-ahead", FUNDING).put("publishedAt", ahead.toString());
        producer.send(new ProducerRecord<>(ARTICLES, null, System.currentTimeMillis(), "hours-ahead", bytes(poison)))
                .get();
        validArticles++;

        // then it is aggregated, at the time it was read (a record time the broker takes), and so is the next
        Duration aggregated = awaitAggregatedArticles(validArticles, DEADLINE);
        Duration next = sendValidAndAwaitAggregated("after-hours-ahead", DEADLINE);
        assertThat(DEAD).doesNotContainKey("hours-ahead");
        System.out.printf("[poison] hours-ahead: aggregated %d ms after it was sent; next article %d ms%n",
                aggregated.toMillis(), next.toMillis());
    }

    @Test
    @Order(6)
    void anArticleWhoseEventTheBrokerRefusesGoesToTheDeadLetterTopicAndTheNextArticleIsAggregated() throws Exception {
        // a funding with a long evidence: its event is over the events topic's limit
        ObjectNode poison = article("refused-event", LONG_FUNDING);
        // a refusal by the broker replaces the stream thread, whose partitions the new one gets when the old
        // member's session expires (kafka.session.timeout.ms, 15 s): within the same 30 s as the others
        sendPoisonThenValid("refused-event", bytes(poison), new RecordHeaders(), "broker-refused");

        ConsumerRecord<String, byte[]> dead = DEAD.get("refused-event");
        assertThat(header(dead, "__streams.errors.message")).contains("RecordTooLargeException");
        assertThat(dead.value()).isEqualTo(bytes(poison));
    }

    @Test
    @Order(7)
    void theServiceExitsWithinItsCloseTimeoutAfterSigtermWhileItsThreadIsBeingReplaced() throws Exception {
        // given a refused event again: the stream thread is replaced and its partitions wait for the session
        ObjectNode poison = article("refused-again", LONG_FUNDING);
        producer.send(new ProducerRecord<>(ARTICLES, null, System.currentTimeMillis(), "refused-again", bytes(poison)))
                .get();
        Thread.sleep(3_000);

        // when the service gets SIGTERM
        long start = System.nanoTime();
        service.close();
        Duration exit = Duration.ofNanos(System.nanoTime() - start);

        // then it has exited by itself within the stream's close timeout (30 s; the test kills it after 30 s)
        System.out.printf("[poison] exit after SIGTERM during a thread replacement: %d ms%n", exit.toMillis());
        assertThat(service.isAlive()).isFalse();
        assertThat(exit).isLessThan(Duration.ofSeconds(30));
    }

    // ---------------------------------------------------------------------------------------------------

    private static void sendPoisonThenValid(String key, byte[] value, RecordHeaders headers, String reason)
            throws Exception {
        long sent = System.nanoTime();
        producer.send(new ProducerRecord<>(ARTICLES, null, System.currentTimeMillis(), key, value, headers)).get();
        Duration aggregated = sendValidAndAwaitAggregated("after-" + reason, DEADLINE);
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(key, DEADLINE);
        assertThat(header(dead, REASON)).isEqualTo(reason);
        System.out.printf("[poison] %s: dead letter read %d ms after it was sent; next article aggregated %d ms after"
                + " it was sent%n", reason, (System.nanoTime() - sent) / 1_000_000, aggregated.toMillis());
    }

    /** A valid article, then its aggregation within the deadline; returns how long that took. */
    private static Duration sendValidAndAwaitAggregated(String id, Duration deadline) throws Exception {
        producer.send(new ProducerRecord<>(ARTICLES, null, System.currentTimeMillis(), id,
                bytes(article(id, FUNDING)))).get();
        validArticles++;
        return awaitAggregatedArticles(validArticles, deadline);
    }

    /** Waits until the day windows of every sector count {@code expected} articles in all. */
    private static Duration awaitAggregatedArticles(int expected, Duration deadline) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < deadline.toNanos()) {
            service.process().assertAlive();
            for (ConsumerRecord<String, byte[]> record : aggregates.poll(Duration.ofMillis(200))) {
                ARTICLES_BY_WINDOW.put(record.key(), JSON.readTree(record.value()).path("articles").asLong());
            }
            if (ARTICLES_BY_WINDOW.values().stream().mapToLong(Long::longValue).sum() >= expected) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
        }
        throw new AssertionError("not aggregated within " + deadline + ": " + ARTICLES_BY_WINDOW + ", expected "
                + expected + " articles\n" + service.process().describe());
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String key, Duration deadline) {
        long start = System.nanoTime();
        while (!DEAD.containsKey(key) && System.nanoTime() - start < deadline.toNanos()) {
            for (ConsumerRecord<String, byte[]> record : deadLetters.poll(Duration.ofMillis(200))) {
                DEAD.put(record.key(), record);
            }
        }
        assertThat(DEAD).as("dead letters within %s", deadline).containsKey(key);
        return DEAD.get(key);
    }

    /** An article with a link of its own: the service tells articles apart by link (or text), not by id. */
    private static ObjectNode article(String id, String text) {
        return JSON.createObjectNode().put("id", id).put("url", "https://poison.example.cn/" + id).put("text", text)
                .put("publishedAt", Instant.now().toString());
    }

    private static byte[] bytes(JsonNode node) throws Exception {
        return JSON.writeValueAsBytes(node);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, byte[]> plainProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(INPUT_MAX_BYTES + 1024 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Integer.toString(64 * 1024 * 1024));
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> committedConsumer(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                TestConsumers.readCommittedFromStart(broker.bootstrapServers()), new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
