package io.aipulse.stream;

import static io.aipulse.extract.EventType.FUNDING;
import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.article.ArticleIds;
import io.aipulse.article.ArticleJson;
import io.aipulse.article.InputLimits;
import io.aipulse.config.Settings;
import io.aipulse.config.SettingsLoader;
import io.aipulse.contract.RecordSchema;
import io.aipulse.extract.Event;
import io.aipulse.testsupport.ContractRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records that once stopped the stream because the broker refused what the topology wrote for them (a
 * huge key, id or header, a value that no longer fits with our headers, a time the broker does not take)
 * are refused or brought into range before anything is written, on a {@link TopologyTestDriver} with the
 * service's settings and a fixed wall clock.
 */
class PoisonRecordTopologyTest {

    private static final Instant NOW = Instant.parse("2024-05-06T04:00:00Z");
    private static final String HEALTH = "healthcare-biotech";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private Topics topics;
    private final PoisonedInputs poisoned = new PoisonedInputs();
    private TestInputTopic<String, byte[]> articles;
    private TestOutputTopic<String, Event> events;
    private TestOutputTopic<String, byte[]> deadLetters;

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            ContractRecords.checkRemaining(driver, topics);
            driver.close();
        }
    }

    @Test
    void refusesAKeyOverTheLimitToTheDeadLetterTopicAndProcessesTheNextArticle() {
        // given the service's limits
        start(Map.of());

        // when an article keyed by 1.1 MB arrives, then a valid one
        String hugeKey = "k".repeat(1_100_000);
        articles.pipeInput(hugeKey, article("huge-key", "2024-05-06T10:00:00+08:00"), NOW);
        articles.pipeInput("valid", article("valid", "2024-05-06T11:00:00+08:00"), NOW);

        // then the first is a dead letter with its reason, key and value as received
        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead, DeadLetters.REASON_HEADER)).isEqualTo("key-too-large");
        assertThat(dead.key()).isEqualTo(hugeKey);
        assertThat(deadLetters.isEmpty()).isTrue();
        // and only the valid article gave an event
        assertThat(events.readValuesToList()).extracting(Event::articleId).containsExactly(idOf("valid"));
    }

    @Test
    void refusesHeadersOverTheLimitAndKeepsThemOnTheDeadLetter() {
        // given
        start(Map.of());
        Headers headers = new RecordHeaders().add("trace", new byte[1_100_000]);

        // when an article with a 1.1 MB header arrives
        articles.pipeInput(new TestRecord<>("big-header", article("big-header", "2024-05-06T10:00:00+08:00"),
                headers, NOW));

        // then it is refused with its reason, its header kept as evidence
        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead, DeadLetters.REASON_HEADER)).isEqualTo("headers-too-large");
        assertThat(dead.headers().lastHeader("trace").value()).hasSize(1_100_000);
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void refusesAnArticleIdOverTheLimit() {
        // given
        start(Map.of());
        String json = "{\"id\":\"" + "i".repeat(600_000) + "\",\"text\":\"" + line("甲") + "\","
                + "\"publishedAt\":\"2024-05-06T10:00:00+08:00\"}";

        // when an article with a 600 KB id arrives
        articles.pipeInput("long-id", utf8(json), NOW);

        // then it is refused with its reason
        assertThat(header(deadLetters.readRecord(), DeadLetters.REASON_HEADER)).isEqualTo("id-too-long");
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void copiesOnlyOurOwnHeaderOntoTheOutputsOfAnArticle() {
        // given
        start(Map.of());
        Headers headers = new RecordHeaders().add("trace", utf8("abc")).add("tenant", utf8("x"));

        // when a valid article with headers of its sender arrives
        articles.pipeInput(new TestRecord<>("valid", article("valid", "2024-05-06T10:00:00+08:00"), headers, NOW));

        // then its event carries where it was read, and none of the sender's headers
        TestRecord<String, Event> event = events.readRecord();
        assertThat(event.headers().toArray()).extracting(Header::key).containsExactly(DeadLetters.INPUT_HEADER);
        assertThat(header(event.headers().lastHeader(DeadLetters.INPUT_HEADER))).isEqualTo("aipulse.articles-0@0");
    }

    @Test
    void cutsADeadLetterThatWouldNotFitTheDeadLetterTopicAndSaysHowLargeItWas() {
        // given a dead-letter topic that takes 64 KiB, and articles up to 32 KiB
        start(Map.of("topic.max.message.bytes", "65536", "input.max.bytes", "32768"));
        byte[] value = utf8("{\"text\":\"" + "大".repeat(30_000) + "\"}");

        // when an article of 90 KB arrives (too large as an article, and as a dead letter with our headers)
        articles.pipeInput("too-large", value, NOW);

        // then its dead letter is cut to fit, and says what was cut and how large the record was
        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead, DeadLetters.REASON_HEADER)).isEqualTo("too-large");
        assertThat(dead.value().length).isLessThan(65_536 - 1024);
        assertThat(value).startsWith(dead.value());
        assertThat(header(dead, DeadLetterCopy.TRUNCATED_HEADER)).isEqualTo("value");
        assertThat(Long.parseLong(header(dead, DeadLetterCopy.ORIGINAL_BYTES_HEADER)))
                .isGreaterThanOrEqualTo(value.length + "too-large".length());
    }

    @Test
    void timesAnArticlePublishedHoursAheadAtNowSoThatTheBrokerTakesItsOutputs() {
        // given the broker's default (record times at most one hour ahead)
        start(Map.of());

        // when an article labelled eight hours ahead arrives (Beijing wall-clock time sent as UTC)
        Instant ahead = NOW.plus(Duration.ofHours(8));
        articles.pipeInput("ahead", article("ahead", ahead.toString()), ahead);

        // then it is processed, and its outputs carry the time it was read
        TestRecord<String, Event> event = events.readRecord();
        assertThat(event.value().articleId()).isEqualTo(idOf("ahead"));
        assertThat(event.getRecordTime()).isEqualTo(NOW);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void keepsThePublicationTimeOfAnArticleWithinTheBrokersRange() {
        // given
        start(Map.of());

        // when an article published ten minutes ahead arrives
        Instant ahead = NOW.plus(Duration.ofMinutes(10));
        articles.pipeInput("soon", article("soon", ahead.toString()), NOW);

        // then its outputs keep its publication time
        assertThat(events.readRecord().getRecordTime()).isEqualTo(ahead);
    }

    @Test
    void refusesAnUndatedArticleWhoseRecordTimestampIsBefore1990() {
        // given
        start(Map.of());

        // when an article without date, URL or dated text arrives with a record timestamp of 1971
        articles.pipeInput("undated", utf8("{\"text\":\"" + line("甲") + "\"}"), Instant.parse("1971-03-01T00:00:00Z"));

        // then it is refused like an article dated 1971
        assertThat(header(deadLetters.readRecord(), DeadLetters.REASON_HEADER)).isEqualTo("implausible-date");
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void deadLettersAnInputAnOutputOfWhichTheBrokerRefused() {
        // given the broker refused an output of the first input record (the production handler marked it)
        start(Map.of());
        poisoned.mark(PoisonedInputs.position("aipulse.articles", 0, 0), "RecordTooLargeException: too large");

        // when that record is read again, then a valid article follows
        articles.pipeInput("refused", article("refused", "2024-05-06T10:00:00+08:00"), NOW);
        articles.pipeInput("valid", article("valid", "2024-05-06T11:00:00+08:00"), NOW);

        // then it goes to the dead-letter topic with the broker's error, and the next one is processed
        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(dead.key()).isEqualTo("refused");
        assertThat(header(dead, DeadLetters.REASON_HEADER)).isEqualTo("broker-refused");
        assertThat(header(dead, DeadLetters.STREAMS_MESSAGE_HEADER)).contains("RecordTooLargeException");
        assertThat(header(dead, DeadLetters.STREAMS_OFFSET_HEADER)).isEqualTo("0");
        assertThat(events.readValuesToList()).extracting(Event::articleId).containsExactly(idOf("valid"));
    }

    // ---------------------------------------------------------------------------------------------------

    private void start(Map<String, String> overrides) {
        Settings settings = SettingsLoader.load(null, Map.of(), overrides);
        topics = Topics.from(settings);
        InputGuards guards = new InputGuards(InputGuards.recordLimits(settings),
                BrokerLimits.kafkaDefaults(settings.getInt("topic.max.message.bytes")), poisoned);
        AipulseTopology topology = AipulseTopology.from(topics, new LineEventExtractor(),
                new ArticleJson(settings.zone(),
                InputLimits.of(settings.getInt("input.max.bytes"), settings.getInt("input.max.id.chars"))), settings, StreamMetrics.none(), guards);
        Properties props = StreamsSettings.properties(settings, stateDir.toString(), StreamMetrics.none());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        driver = new TopologyTestDriver(topology.build(), props, NOW);
        articles = driver.createInputTopic(topics.articles.name(), new StringSerializer(), new ByteArraySerializer());
        events = ContractRecords.output(driver, topics.events, RecordSchema.EVENT);
        deadLetters = driver.createOutputTopic(topics.deadLetters.name(), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private byte[] article(String id, String publishedAt) {
        return utf8("{\"id\":\"" + id + "\",\"text\":\"" + line(id) + "\",\"publishedAt\":\"" + publishedAt + "\"}");
    }

    /** The id the service computes for {@link #article}{@code (name, ...)}: it has no URL, its text is its event. */
    private static String idOf(String name) {
        return ArticleIds.of(null, line(name));
    }

    /** A funding event of a healthcare company in Hangzhou (the line extractor's format). */
    private static String line(String subject) {
        return LineEventExtractor.line(FUNDING, subject, HEALTH, "hangzhou", "-", null);
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return header(record.headers().lastHeader(name));
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
