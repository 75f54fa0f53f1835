package io.aipulse.stream;

import static io.aipulse.extract.EventType.FUNDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article counts once whatever the order of publication times and however long between its copies,
 * and whatever id it is sent with, on a {@link TopologyTestDriver} with the service's settings and records
 * sent as a plain producer would send them (raw JSON, any key).
 */
class ArticleCountsOnceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEALTH = "healthcare-biotech";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private Topics topics;
    private final RecordingStreamMetrics metrics = new RecordingStreamMetrics();
    private TestInputTopic<String, byte[]> articles;
    private TestOutputTopic<String, Event> events;
    private TestOutputTopic<String, LateRecord> late;

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            ContractRecords.checkRemaining(driver, topics);
            driver.close();
        }
    }

    @Test
    void dropsACopyResentYearsLaterAfterNewerNewsMovedStreamTimeOn() {
        // given an article of 2023, then news of every month up to 2025 (stream time years past it)
        start(Map.of());
        byte[] article = article("https://a.cn/n/2023", "力文所", "2023-07-26T10:00+08:00");
        send("k", article, "2023-07-26T10:00+08:00");
        for (int month = 1; month <= 12; month++) {
            String time = "2025-%02d-10T10:00+08:00".formatted(month);
            send("k", article("https://a.cn/n/2025-" + month, "公司" + month, time), time);
        }
        events.readValuesToList();

        // when the 2023 article is sent again with its own time, as a second `produce` of a backfill does
        send("k", article, "2023-07-26T10:00+08:00");

        // then it writes no event and no late record: it was recognised, not treated as new and late
        assertThat(events.isEmpty()).isTrue();
        assertThat(late.isEmpty()).isTrue();
        assertThat(metrics.duplicates).hasValue(1);
    }

    @Test
    void dropsACopyRepublishedYearsLater() {
        // given an article of 2023
        start(Map.of());
        byte[] article = article("https://a.cn/n/1", "力文所", "2023-07-26T10:00+08:00");
        send("k", article, "2023-07-26T10:00+08:00");
        assertThat(events.readValuesToList()).hasSize(1);

        // when the page is republished two years later (same link, a publication time of 2025)
        send("k", article("https://a.cn/n/1", "力文所", "2025-07-26T10:00+08:00"), "2025-07-26T10:00+08:00");

        // then it counts once
        assertThat(events.isEmpty()).isTrue();
        assertThat(metrics.duplicates).hasValue(1);
    }

    @Test
    void forgetsTheOldestSeenArticleOnceMoreThanTheLimitAreRemembered() {
        // given room for two ids, and three articles seen in the order A, B, C
        start(Map.of("dedup.max.articles", "2"));
        byte[] a = article("https://a.cn/n/a", "甲", "2023-07-26T10:00+08:00");
        byte[] b = article("https://a.cn/n/b", "乙", "2023-07-26T11:00+08:00");
        byte[] c = article("https://a.cn/n/c", "丙", "2023-07-26T12:00+08:00");
        send("a", a, "2023-07-26T10:00+08:00");
        send("b", b, "2023-07-26T11:00+08:00");
        send("c", c, "2023-07-26T12:00+08:00");
        events.readValuesToList();

        // when C and then A are sent again
        send("c", c, "2023-07-26T12:00+08:00");
        send("a", a, "2023-07-26T12:30+08:00");

        // then C, among the last two, is a duplicate, and A, the oldest seen, was forgotten and counts again
        assertThat(events.readValuesToList()).extracting(Event::subject).containsExactly("甲");
        assertThat(metrics.duplicates).hasValue(1);
    }

    @Test
    void countsFiveCopiesOfATextSentWithFiveSpoofedIdsAsOneArticle() {
        // given one text without a link
        start(Map.of());
        String text = LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "-", null);

        // when it is sent five times, each with its own id and key
        for (int copy = 1; copy <= 5; copy++) {
            send("key-" + copy, json(JSON.createObjectNode().put("id", "spoof-" + copy).put("text", text)
                    .put("publishedAt", "2023-07-26T10:0" + copy + "+08:00")), "2023-07-26T10:00+08:00");
        }

        // then it is one article, with the id the service computes from its text
        assertThat(events.readValuesToList()).extracting(Event::articleId)
                .containsExactly(ArticleIds.of(null, text));
        assertThat(metrics.duplicates).hasValue(4);
    }

    @Test
    void countsALinkSharedWithTrackingParametersOrATrailingQuestionMarkAsOneArticle() {
        // given a page
        start(Map.of());
        String page = "https://www.thepaper.cn/newsDetail_forward_24067196";

        // when it arrives as itself, with ?utm_source=x, with a trailing ?, and with spm
        for (String link : new String[] {page, page + "?utm_source=x", page + "?", page + "?spm=a2c6h.1"}) {
            send(link, article(link, "力文所", "2023-07-26T10:00+08:00"), "2023-07-26T10:00+08:00");
        }

        // then it counts once
        assertThat(events.readValuesToList()).hasSize(1);
        assertThat(metrics.duplicates).hasValue(3);
    }

    @Test
    void doesNotTakeARealArticleForADuplicateOfJunkSentEarlierWithItsId() {
        // given junk sent first with the id (and key) the real article will have
        start(Map.of());
        String link = "https://a.cn/n/2023-07-27";
        String realId = ArticleIds.of(link, null);
        send(realId, json(JSON.createObjectNode().put("id", realId).put("text", "垃圾")
                .put("publishedAt", "2023-07-26T10:00+08:00")), "2023-07-26T10:00+08:00");

        // when the real article is published later
        send(realId, article(link, "力文所", "2023-07-27T10:00+08:00"), "2023-07-27T10:00+08:00");

        // then it is extracted as itself, not dropped as a copy of the junk
        assertThat(events.readValuesToList()).extracting(Event::articleId, Event::subject)
                .containsExactly(tuple(realId, "力文所"));
        assertThat(metrics.duplicates).hasValue(0);
    }

    // ---------------------------------------------------------------------------------------------------

    private void start(Map<String, String> overrides) {
        Settings settings = SettingsLoader.load(null, Map.of(), overrides);
        topics = Topics.from(settings);
        ArticleJson articleJson = new ArticleJson(settings.zone(), InputLimits.defaults());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "aipulse-once-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(
                AipulseTopology.from(topics, new LineEventExtractor(), articleJson, settings, metrics).build(), props);
        articles = driver.createInputTopic(topics.articles.name(), new StringSerializer(), new ByteArraySerializer());
        events = ContractRecords.output(driver, topics.events, RecordSchema.EVENT);
        late = ContractRecords.output(driver, topics.late, RecordSchema.LATE);
    }

    /** An article JSON as a feed sends it: a link, a funding event of {@code subject}, its publication time. */
    private static byte[] article(String url, String subject, String publishedAt) {
        return json(JSON.createObjectNode().put("url", url).put("publishedAt", publishedAt)
                .put("text", LineEventExtractor.line(FUNDING, subject, HEALTH, "hangzhou", "-", null)));
    }

    private static byte[] json(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void send(String key, byte[] value, String time) {
        articles.pipeInput(key, value, OffsetDateTime.parse(time).toInstant());
        driver.advanceWallClockTime(Duration.ofSeconds(30));
    }
}
