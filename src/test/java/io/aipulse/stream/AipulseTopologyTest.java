package io.aipulse.stream;

import static io.aipulse.extract.EventType.FUNDING;
import static io.aipulse.extract.EventType.MODEL_RELEASE;
import static io.aipulse.extract.EventType.PARTNERSHIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.aipulse.article.Article;
import io.aipulse.article.ArticleIds;
import io.aipulse.article.ArticleJson;
import io.aipulse.article.InputLimits;
import io.aipulse.article.TimeSource;
import io.aipulse.config.Settings;
import io.aipulse.config.SettingsLoader;
import io.aipulse.contract.RecordSchema;
import io.aipulse.extract.Company;
import io.aipulse.extract.Event;
import io.aipulse.testsupport.ContractRecords;
import io.aipulse.testsupport.TestArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole data flow of {@link AipulseTopology} on a {@link TopologyTestDriver}, with a line-based test
 * extractor: the topology (parsing, dead letters, de-duplication, routing, calendar windows, grace,
 * final and late records, the live company table) is under test here, not extraction.
 */
class AipulseTopologyTest {

    private static final String HEALTH = "healthcare-biotech";
    private static final String NEWS = "https://news.example.cn/";
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(30);

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private Topics topics;
    private ArticleJson articleJson;
    private final LineEventExtractor extractor = new LineEventExtractor();
    private final RecordingStreamMetrics metrics = new RecordingStreamMetrics();

    private TestInputTopic<String, byte[]> articles;
    private TestInputTopic<String, Company> companies;
    private TestOutputTopic<String, Event> events;
    private TestOutputTopic<String, byte[]> deadLetters;
    private TestOutputTopic<String, LateRecord> late;
    private final Map<String, TestOutputTopic<String, AggregateRecord>> aggregates = new LinkedHashMap<>();

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            ContractRecords.checkRemaining(driver, topics);
            driver.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------

    @Test
    void writesEachEventOfAnArticleAndAggregatesTheArticleOnceOnAllSixTopics() {
        // given the default settings (Asia/Shanghai)
        start(Map.of());
        Article article = article("a-1", "2023-07-26T10:00+08:00",
                LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "2023-07-25", "30000000"),
                LineEventExtractor.line(MODEL_RELEASE, "百川智能", HEALTH, "hangzhou", "2023-07-26", null));

        // when one article with two events arrives
        publish(article);

        // then the events topic holds both events, keyed by event id
        List<KeyValue<String, Event>> written = events.readKeyValuesToList();
        assertThat(written).extracting(kv -> kv.key, kv -> kv.value.type(), kv -> kv.value.subject(),
                        kv -> kv.value.articleId())
                .containsExactly(
                        tuple(LineEventExtractor.eventId(idOf("a-1"), FUNDING, "力文所"), FUNDING, "力文所", idOf("a-1")),
                        tuple(LineEventExtractor.eventId(idOf("a-1"), MODEL_RELEASE, "百川智能"), MODEL_RELEASE,
                                "百川智能", idOf("a-1")));

        // and every aggregate topic has the article's window once, with both events of the article
        Map<String, List<KeyValue<String, AggregateRecord>>> all = new LinkedHashMap<>();
        aggregates.forEach((name, topic) -> all.put(name, topic.readKeyValuesToList()));
        assertThat(all.get("aipulse.agg.sector.1d")).extracting(kv -> kv.key, kv -> kv.value.events())
                .containsExactly(tuple("healthcare-biotech@2023-07-26", 2L));
        assertThat(all.get("aipulse.agg.sector.1w")).extracting(kv -> kv.key)
                .containsExactly("healthcare-biotech@2023-07-24");
        assertThat(all.get("aipulse.agg.city.1d")).extracting(kv -> kv.key)
                .containsExactly("hangzhou@2023-07-26");
        assertThat(all.get("aipulse.agg.city.1w")).extracting(kv -> kv.key)
                .containsExactly("hangzhou@2023-07-24");
        assertThat(all.get("aipulse.agg.sector-city.1d")).extracting(kv -> kv.key)
                .containsExactly("healthcare-biotech|hangzhou@2023-07-26");
        assertThat(all.get("aipulse.agg.sector-city.1w")).extracting(kv -> kv.key)
                .containsExactly("healthcare-biotech|hangzhou@2023-07-24");

        // and the latest record of a day and a week window carries every contract field
        AggregateRecord day = last(all.get("aipulse.agg.sector.1d"));
        assertThat(day).isEqualTo(new AggregateRecord(HEALTH, "sector", "2023-07-26T00:00+08:00",
                "2023-07-27T00:00+08:00", "P1D", 2, 1, Map.of("FUNDING", 1L, "MODEL_RELEASE", 1L),
                30_000_000L, 30_000_000L,
                List.of(new AggregateRecord.SubjectCount("力文所", 1), new AggregateRecord.SubjectCount("百川智能", 1)),
                false));
        AggregateRecord week = last(all.get("aipulse.agg.sector-city.1w"));
        assertThat(week.key()).isEqualTo("healthcare-biotech|hangzhou");
        assertThat(week.dimension()).isEqualTo("sector-city");
        assertThat(week.windowStart()).isEqualTo("2023-07-24T00:00+08:00");
        assertThat(week.windowEnd()).isEqualTo("2023-07-31T00:00+08:00");
        assertThat(week.window()).isEqualTo("P7D");
        assertThat(week.events()).isEqualTo(2);
        assertThat(week.articles()).isEqualTo(1);
        assertThat(week.isFinal()).isFalse();
        assertThat(last(all.get("aipulse.agg.city.1d")).dimension()).isEqualTo("city");
        assertThat(metrics.articlesConsumed).hasValue(1);
        assertThat(metrics.eventsExtracted).hasSize(2);
    }

    @Test
    void emitsAnUpdatedWindowOncePerCommitIntervalWithItsLatestCounts() {
        // given
        start(Map.of());

        // when three articles of one day arrive within one commit interval
        publishWithoutWaiting(article("a", "2023-07-26T09:00+08:00", line("甲")), Instant.parse("2023-07-26T01:00:00Z"));
        publishWithoutWaiting(article("b", "2023-07-26T10:00+08:00", line("乙")), Instant.parse("2023-07-26T02:00:00Z"));
        publishWithoutWaiting(article("c", "2023-07-26T11:00+08:00", line("丙")), Instant.parse("2023-07-26T03:00:00Z"));

        // then nothing is emitted before the interval has passed
        assertThat(aggregateTopic("sector", "1d").isEmpty()).isTrue();

        // when it has passed
        waitOneCommitInterval();

        // then every window emits once, with all three articles, stamped with the last one's time
        Map<String, List<TestRecord<String, AggregateRecord>>> all = new LinkedHashMap<>();
        aggregates.forEach((name, topic) -> all.put(name, topic.readRecordsToList()));
        assertThat(all.get("aipulse.agg.sector.1d")).extracting(TestRecord::key, r -> r.value().events(),
                        r -> r.value().articles(), TestRecord::getRecordTime)
                .containsExactly(tuple("healthcare-biotech@2023-07-26", 3L, 3L, Instant.parse("2023-07-26T03:00:00Z")));
        all.forEach((name, records) -> assertThat(records).as(name).singleElement()
                .extracting(r -> r.value().events()).isEqualTo(3L));

        // and a window not updated since emits nothing more
        waitOneCommitInterval();
        aggregates.forEach((name, topic) -> assertThat(topic.isEmpty()).as(name).isTrue());
    }

    @Test
    void rocksDbWorkingStoresGiveTheSameAggregatesAsInMemoryOnes() {
        // given the same articles, one of them republished and one late for its day window
        List<Article> input = List.of(
                article("r-1", "2023-07-26T10:00+08:00",
                        LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "2023-07-25", "30000000"),
                        LineEventExtractor.line(MODEL_RELEASE, "百川智能", HEALTH, "beijing", "2023-07-26", null)),
                article("r-2", "2023-07-26T11:00+08:00",
                        LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "2023-07-25", "30000000")),
                article("r-1", "2023-07-26T10:00+08:00",
                        LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "2023-07-25", "30000000"),
                        LineEventExtractor.line(MODEL_RELEASE, "百川智能", HEALTH, "beijing", "2023-07-26", null)),
                article("r-3", "2023-07-28T09:00+08:00",
                        LineEventExtractor.line(PARTNERSHIP, "百川智能", HEALTH, "beijing", "2023-07-28", null)),
                article("r-4", "2023-07-26T12:00+08:00",
                        LineEventExtractor.line(PARTNERSHIP, "力文所", HEALTH, "hangzhou", "2023-07-26", null)));

        // when they go through the topology with each kind of working store
        Map<String, Map<String, AggregateRecord>> inMemory = latestAggregatesOf(input, "in-memory");
        List<LateRecord> lateInMemory = late.readValuesToList();
        driver.close();
        driver = null;
        Map<String, Map<String, AggregateRecord>> rocksDb = latestAggregatesOf(input, "rocksdb");

        // then every topic ends with the same records, and the same record is late
        assertThat(rocksDb).isEqualTo(inMemory);
        assertThat(inMemory.get("aipulse.agg.sector.1d")).containsKeys("healthcare-biotech@2023-07-26",
                "healthcare-biotech@2023-07-28");
        assertThat(late.readValuesToList()).isEqualTo(lateInMemory).isNotEmpty();
    }

    @Test
    void refusesAnUnknownKindOfWorkingStore() {
        assertThatThrownBy(() -> start(Map.of("aggregation.stores", "cassandra")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aggregation.stores must be in-memory or rocksdb");
    }

    private Map<String, Map<String, AggregateRecord>> latestAggregatesOf(List<Article> input, String stores) {
        start(Map.of("aggregation.stores", stores));
        input.forEach(this::publish);
        waitOneCommitInterval();
        Map<String, Map<String, AggregateRecord>> latest = new LinkedHashMap<>();
        aggregates.forEach((name, topic) -> latest.put(name, topic.readKeyValuesToMap()));
        return latest;
    }

    @Test
    void namesEveryProcessorStoreAndInternalTopic() {
        // given
        Settings settings = SettingsLoader.load(null, Map.of(), Map.of());
        AipulseTopology topology = new AipulseTopology(Topics.from(settings), extractor,
                new ArticleJson(settings.zone(), InputLimits.defaults()), settings.zone(),
                StreamsSettings.grace(settings), settings.getInt("dedup.max.articles"), metrics);

        // when
        String description = topology.build().describe().toString();

        // then no name was generated by Kafka Streams
        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-")
                .contains(AipulseTopology.WINDOW_REPARTITION, AipulseTopology.UPDATED_STORE,
                        AipulseTopology.SUBJECT_STORE);
    }

    @Test
    void aggregateJsonUsesTheContractFieldNames() {
        // given
        start(Map.of());
        TestOutputTopic<String, byte[]> rawSectorDay = driver.createOutputTopic("aipulse.agg.sector.1d",
                new StringDeserializer(), new ByteArrayDeserializer());

        // when
        publish(article("a-1", "2023-07-26T10:00+08:00",
                LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "2023-07-25", "30000000")));

        // then the JSON has its schema version first, then the field names of spec/EVENTS.md, "final" included
        String json = new String(rawSectorDay.readValue(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"schemaVersion\":1,\"key\":\"healthcare-biotech\",\"dimension\":\"sector\","
                        + "\"windowStart\":\"2023-07-26T00:00+08:00\",\"windowEnd\":\"2023-07-27T00:00+08:00\","
                        + "\"window\":\"P1D\",\"events\":1,\"articles\":1,\"byType\":{\"FUNDING\":1},"
                        + "\"fundingCnyMin\":30000000,\"fundingCnyMax\":30000000,"
                        + "\"topSubjects\":[{\"subject\":\"力文所\",\"events\":1}],\"final\":false}");
    }

    @Test
    void startsDayWindowsAtShanghaiMidnight() {
        // given
        start(Map.of());

        // when one article is published at 23:59 and one at 00:01 Beijing time (both 15:59/16:01 UTC on one UTC day)
        publish(article("late-evening", "2023-07-26T23:59+08:00",
                LineEventExtractor.line(FUNDING, "甲公司", HEALTH, "beijing", "2023-07-26", null)));
        publish(article("after-midnight", "2023-07-27T00:01+08:00",
                LineEventExtractor.line(FUNDING, "乙公司", HEALTH, "beijing", "2023-07-27", null)));

        // then they fall into two day windows that start at 00:00+08:00
        Map<String, AggregateRecord> days = aggregateTopic("sector", "1d").readKeyValuesToMap();
        assertThat(days).containsOnlyKeys("healthcare-biotech@2023-07-26", "healthcare-biotech@2023-07-27");
        assertThat(days.get("healthcare-biotech@2023-07-26").windowStart()).isEqualTo("2023-07-26T00:00+08:00");
        assertThat(days.get("healthcare-biotech@2023-07-26").events()).isEqualTo(1);
        assertThat(days.get("healthcare-biotech@2023-07-27").windowStart()).isEqualTo("2023-07-27T00:00+08:00");
        assertThat(days.get("healthcare-biotech@2023-07-27").events()).isEqualTo(1);
        // and both are in the same week
        assertThat(aggregateTopic("sector", "1w").readKeyValuesToMap())
                .containsOnlyKeys("healthcare-biotech@2023-07-24")
                .extractingByKey("healthcare-biotech@2023-07-24").extracting(AggregateRecord::events).isEqualTo(2L);
    }

    @Test
    void startsWeekWindowsOnMondayAtShanghaiMidnight() {
        // given
        start(Map.of());

        // when one article is published on Sunday 23:30 and one on the next Monday 00:30, Beijing time
        publish(article("sunday", "2023-07-30T23:30+08:00",
                LineEventExtractor.line(FUNDING, "甲公司", HEALTH, "beijing", "2023-07-30", null)));
        publish(article("monday", "2023-07-31T00:30+08:00",
                LineEventExtractor.line(FUNDING, "乙公司", HEALTH, "beijing", "2023-07-31", null)));

        // then they are in two ISO weeks, each starting Monday 00:00+08:00
        Map<String, AggregateRecord> weeks = aggregateTopic("city", "1w").readKeyValuesToMap();
        assertThat(weeks).containsOnlyKeys("beijing@2023-07-24", "beijing@2023-07-31");
        assertThat(weeks.get("beijing@2023-07-24").windowStart()).isEqualTo("2023-07-24T00:00+08:00");
        assertThat(weeks.get("beijing@2023-07-24").windowEnd()).isEqualTo("2023-07-31T00:00+08:00");
        assertThat(weeks.get("beijing@2023-07-31").windowStart()).isEqualTo("2023-07-31T00:00+08:00");
        assertThat(weeks.get("beijing@2023-07-31").windowEnd()).isEqualTo("2023-08-07T00:00+08:00");
        assertThat(weeks.values()).extracting(AggregateRecord::events).containsOnly(1L);
    }

    @Test
    void followsDaylightSavingTimeInTheConfiguredZone() {
        // given the service configured for Berlin
        start(Map.of("zone", "Europe/Berlin"));

        // when an article is published on the last Sunday of March 2024 (clocks go forward at 02:00)
        publish(article("dst", "2024-03-31T12:00+02:00",
                LineEventExtractor.line(FUNDING, "Aleph", "foundation-models", "berlin", "2024-03-31", null)));

        // then its week starts Monday 00:00 CET and ends Monday 00:00 CEST
        AggregateRecord week = last(aggregateTopic("sector", "1w").readKeyValuesToList());
        assertThat(week.outputKey()).isEqualTo("foundation-models@2024-03-25");
        assertThat(week.windowStart()).isEqualTo("2024-03-25T00:00+01:00");
        assertThat(week.windowEnd()).isEqualTo("2024-04-01T00:00+02:00");
        assertThat(week.window()).isEqualTo("P7D");
        // and its day is the 23-hour local day
        AggregateRecord day = last(aggregateTopic("sector", "1d").readKeyValuesToList());
        assertThat(day.outputKey()).isEqualTo("foundation-models@2024-03-31");
        assertThat(day.windowStart()).isEqualTo("2024-03-31T00:00+01:00");
        assertThat(day.windowEnd()).isEqualTo("2024-04-01T00:00+02:00");
    }

    @Test
    void countsRepublishedArticleOnce() {
        // given an article that was processed
        start(Map.of());
        Article article = article("same-id", "2023-07-26T10:00+08:00",
                LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "2023-07-25", "30000000"));
        publish(article);
        assertThat(events.readValuesToList()).hasSize(1);
        Map<String, List<AggregateRecord>> firstCopy = new LinkedHashMap<>();
        aggregates.forEach((name, topic) -> firstCopy.put(name, topic.readValuesToList()));
        assertThat(firstCopy.values()).allSatisfy(records -> assertThat(records)
                .extracting(AggregateRecord::events, AggregateRecord::articles).containsExactly(tuple(1L, 1L)));

        // when the same article (same id) is published again, an hour later
        publish(article, Instant.parse("2023-07-26T03:00:00Z"));

        // then its events are not written again and no aggregate changes
        assertThat(events.isEmpty()).isTrue();
        aggregates.forEach((name, topic) -> assertThat(topic.isEmpty()).as(name).isTrue());
        // and the dropped copy was counted, not extracted
        assertThat(metrics.duplicates).hasValue(1);
        assertThat(metrics.articlesConsumed).hasValue(2);
        assertThat(metrics.extractions).hasValue(1);
    }

    @Test
    void countsArticleRepublishedWithADifferentTimestampOnceInItsWindow() {
        // given an article and, a day later, a copy of it with the same id
        start(Map.of());
        Article article = article("same-id", "2023-07-26T10:00+08:00",
                LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "2023-07-25", null));
        publish(article);
        publish(article("other", "2023-07-27T09:00+08:00", line("甲")));

        // when the copy arrives with the next day's timestamp
        publish(article, Instant.parse("2023-07-27T02:00:00Z"));

        // then the week still counts one event of one article for 力文所
        AggregateRecord week = last(aggregateTopic("sector", "1w").readKeyValuesToList());
        assertThat(week.events()).isEqualTo(2);
        assertThat(week.articles()).isEqualTo(2);
        assertThat(metrics.duplicates).hasValue(1);
    }

    @Test
    void countsOneEventReportedByTwoArticlesOnceWithTwoArticles() {
        // given
        start(Map.of());

        // when two articles report the same funding (same type and subject, event dates two days apart)
        publish(article("report-1", "2023-07-26T09:00+08:00",
                LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "2023-07-24", "30000000")));
        publish(article("report-2", "2023-07-26T15:00+08:00",
                LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "2023-07-26", "30000000")));

        // then both events are written, but the windows count one event mentioned by two articles
        assertThat(events.readValuesToList()).extracting(Event::articleId).containsExactly(idOf("report-1"), idOf("report-2"));
        for (String name : aggregates.keySet()) {
            AggregateRecord latest = last(aggregates.get(name).readKeyValuesToList());
            assertThat(latest.events()).as(name).isEqualTo(1);
            assertThat(latest.articles()).as(name).isEqualTo(2);
            assertThat(latest.byType()).as(name).containsExactly(Map.entry("FUNDING", 1L));
            assertThat(latest.fundingCnyMin()).as(name).isEqualTo(30_000_000L);
            assertThat(latest.topSubjects()).as(name).containsExactly(new AggregateRecord.SubjectCount("力文所", 1));
        }
    }

    @Test
    void keepsEventsOfTheSameSubjectApartWhenTheirDatesAreFarApart() {
        // given
        start(Map.of());

        // when two articles of one week report fundings of one company ten days apart
        publish(article("round-1", "2023-07-26T09:00+08:00",
                LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "2023-07-16", null)));
        publish(article("round-2", "2023-07-27T09:00+08:00",
                LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "2023-07-26", null)));

        // then the week counts two events
        AggregateRecord week = last(aggregateTopic("sector", "1w").readKeyValuesToList());
        assertThat(week.events()).isEqualTo(2);
        assertThat(week.articles()).isEqualTo(2);
        assertThat(week.topSubjects()).containsExactly(new AggregateRecord.SubjectCount("力文所", 2));
    }

    @Test
    void decidesWhichReportsAreOneEventAcrossWindowsNotWithinEachWindow() {
        // given
        start(Map.of());

        // when one company's funding is reported on Sunday (dated Sunday), Tuesday (dated Tuesday) and
        // Thursday (dated Thursday): the first two are one event, the third starts another (four days on)
        publish(article("sunday", "2023-07-30T09:00+08:00",
                LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "2023-07-30", null)));
        publish(article("tuesday", "2023-08-01T09:00+08:00",
                LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "2023-08-01", null)));
        publish(article("thursday", "2023-08-03T09:00+08:00",
                LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "2023-08-03", null)));

        // then the second week holds both events, although its own reports are only two days apart
        Map<String, AggregateRecord> weeks = aggregateTopic("sector", "1w").readKeyValuesToMap();
        assertThat(weeks.get("healthcare-biotech@2023-07-24").events()).isEqualTo(1);
        assertThat(weeks.get("healthcare-biotech@2023-07-31"))
                .extracting(AggregateRecord::events, AggregateRecord::articles).containsExactly(2L, 2L);
        assertThat(weeks.get("healthcare-biotech@2023-07-31").topSubjects())
                .containsExactly(new AggregateRecord.SubjectCount("力文所", 2));
    }

    @Test
    void splitsAnEventWhenAnEarlierDatedReportArrivesLater() {
        // given one event reported on Tuesday and Friday of one week (dated three days apart)
        start(Map.of());
        publish(article("tuesday", "2023-08-01T09:00+08:00",
                LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "2023-08-01", "30000000")));
        publish(article("friday", "2023-08-04T09:00+08:00",
                LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "2023-08-04", "50000000")));
        assertThat(last(aggregateTopic("sector", "1w").readKeyValuesToList()).events()).isEqualTo(1);

        // when a report published on Saturday dates the round to the previous Saturday
        publish(article("saturday", "2023-08-05T09:00+08:00",
                LineEventExtractor.line(FUNDING, "力文所", HEALTH, "hangzhou", "2023-07-29", "30000000")));

        // then the earliest date starts the event: Saturday's and Tuesday's reports are one round, Friday's
        // another, and the week counts both rounds with both amounts
        AggregateRecord week = last(aggregateTopic("sector", "1w").readKeyValuesToList());
        assertThat(week).extracting(AggregateRecord::events, AggregateRecord::articles, AggregateRecord::fundingCnyMin)
                .containsExactly(2L, 3L, 80_000_000L);
    }

    @Test
    void aggregatesARecordWithinGraceAndSendsARecordAfterGraceToTheLateTopic() {
        // given a day window of 2023-07-24 (ends 07-25 00:00, grace PT6H -> closes at 07-25 06:00)
        start(Map.of());
        publish(article("a", "2023-07-24T10:00+08:00", line("甲")));
        publish(article("b", "2023-07-25T05:00+08:00", line("乙")));   // stream time 05:00, inside grace

        // when a record of 07-24 arrives while the window is within grace
        publish(article("c", "2023-07-24T20:00+08:00", line("丙")));

        // then it is still aggregated
        Map<String, AggregateRecord> days = aggregateTopic("sector", "1d").readKeyValuesToMap();
        assertThat(days.get("healthcare-biotech@2023-07-24").events()).isEqualTo(2);
        assertThat(late.isEmpty()).isTrue();

        // when stream time passes end + grace and then another record of 07-24 arrives
        publish(article("d", "2023-07-25T07:00+08:00", line("丁")));
        publish(article("e", "2023-07-24T21:00+08:00", line("戊")));

        // then its three day-window mentions are late records with reason and window
        List<LateRecord> lateRecords = late.readValuesToList();
        assertThat(lateRecords).hasSize(3);
        assertThat(lateRecords).extracting(LateRecord::dimension).containsExactlyInAnyOrder("sector", "city",
                "sector-city");
        assertThat(lateRecords).allSatisfy(record -> {
            assertThat(record.reason()).contains("window closed");
            assertThat(record.window()).isEqualTo("P1D");
            assertThat(record.windowStart()).isEqualTo("2023-07-24T00:00+08:00");
            assertThat(record.windowEnd()).isEqualTo("2023-07-25T00:00+08:00");
            assertThat(record.graceEnd()).isEqualTo("2023-07-25T06:00+08:00");
            assertThat(record.streamTime()).isEqualTo("2023-07-25T07:00+08:00");
            assertThat(record.recordTime()).isEqualTo("2023-07-24T21:00+08:00");
            assertThat(record.articleId()).isEqualTo(idOf("e"));
            assertThat(record.eventId()).isEqualTo(LineEventExtractor.eventId(idOf("e"), FUNDING, "戊"));
        });
        assertThat(lateRecords).extracting(LateRecord::key)
                .containsExactlyInAnyOrder(HEALTH, "hangzhou", "healthcare-biotech|hangzhou");
        // and the late metric counted them
        assertThat(metrics.lateWindows).containsExactly("P1D", "P1D", "P1D");
        // and the closed day window did not change
        List<AggregateRecord> dayUpdates = aggregateTopic("sector", "1d").readValuesToList();
        assertThat(dayUpdates).filteredOn(r -> r.windowStart().startsWith("2023-07-24"))
                .extracting(AggregateRecord::events, AggregateRecord::isFinal).containsExactly(tuple(2L, true));
        // but the week window (grace P1D) is still open and counts it
        AggregateRecord week = last(aggregateTopic("sector", "1w").readKeyValuesToList());
        assertThat(week.outputKey()).isEqualTo("healthcare-biotech@2023-07-24");
        assertThat(week.events()).isEqualTo(5);
        assertThat(week.isFinal()).isFalse();
    }

    @Test
    void sendsEveryEventOfALateArticleToTheLateTopic() {
        // given the day window of 2023-07-24 closed (stream time past 07-25 06:00)
        start(Map.of());
        publish(article("a", "2023-07-24T10:00+08:00", line("甲")));
        publish(article("b", "2023-07-25T07:00+08:00", line("乙")));

        // when an article of 07-24 with two events of one window arrives
        publish(article("late", "2023-07-24T21:00+08:00", line("丙"), line("丁")));

        // then each event is a late record in each of its three day windows
        assertThat(late.readValuesToList()).extracting(LateRecord::dimension, LateRecord::eventId)
                .containsExactlyInAnyOrder(
                        tuple("sector", LineEventExtractor.eventId(idOf("late"), FUNDING, "丙")),
                        tuple("city", LineEventExtractor.eventId(idOf("late"), FUNDING, "丙")),
                        tuple("sector-city", LineEventExtractor.eventId(idOf("late"), FUNDING, "丙")),
                        tuple("sector", LineEventExtractor.eventId(idOf("late"), FUNDING, "丁")),
                        tuple("city", LineEventExtractor.eventId(idOf("late"), FUNDING, "丁")),
                        tuple("sector-city", LineEventExtractor.eventId(idOf("late"), FUNDING, "丁")));
        assertThat(metrics.lateWindows).hasSize(6);
    }

    @Test
    void emitsOneFinalRecordOnceStreamTimePassesWindowEndPlusGrace() {
        // given an open day window of 2023-07-24 with one event
        start(Map.of());
        publish(article("a", "2023-07-24T10:00+08:00", line("甲")));
        TestOutputTopic<String, AggregateRecord> sectorDays = aggregateTopic("sector", "1d");
        assertThat(sectorDays.readValuesToList()).extracting(AggregateRecord::isFinal).containsExactly(false);

        // when stream time reaches 07-25 05:59 (before end + grace)
        publish(article("b", "2023-07-25T05:59+08:00", line("乙")));

        // then nothing is final yet
        assertThat(sectorDays.readValuesToList()).extracting(AggregateRecord::isFinal).containsOnly(false);

        // when stream time passes 07-25 06:00
        publish(article("c", "2023-07-25T06:30+08:00", line("丙")));

        // then the window of 07-24 emits its final record, with the last counts
        List<KeyValue<String, AggregateRecord>> after = sectorDays.readKeyValuesToList();
        assertThat(after).filteredOn(kv -> kv.value.isFinal())
                .extracting(kv -> kv.key, kv -> kv.value.events(), kv -> kv.value.articles())
                .containsExactly(tuple("healthcare-biotech@2023-07-24", 1L, 1L));

        // and on every day topic
        for (String dimension : List.of("city", "sector-city")) {
            assertThat(aggregateTopic(dimension, "1d").readValuesToList()).filteredOn(AggregateRecord::isFinal)
                    .extracting(AggregateRecord::windowStart).containsExactly("2023-07-24T00:00+08:00");
        }

        // when stream time moves on further
        publish(article("d", "2023-07-25T12:00+08:00", line("丁")));

        // then no second final record is emitted for that window
        assertThat(sectorDays.readValuesToList()).filteredOn(AggregateRecord::isFinal).isEmpty();
        // and the week window is not final until Monday 07-31 + P1D
        assertThat(aggregateTopic("sector", "1w").readValuesToList()).extracting(AggregateRecord::isFinal)
                .containsOnly(false);
        publish(article("e", "2023-08-01T00:30+08:00", line("己")));
        assertThat(aggregateTopic("sector", "1w").readKeyValuesToList()).filteredOn(kv -> kv.value.isFinal())
                .extracting(kv -> kv.key, kv -> kv.value.events(), kv -> kv.value.windowEnd())
                .containsExactly(tuple("healthcare-biotech@2023-07-24", 4L, "2023-07-31T00:00+08:00"));
    }

    @Test
    void closesAWindowOpenedAfterALaterOneWhenItsOwnGraceEnds() {
        // given the day of 07-25 opened first, then the day of 07-24 (still within its grace)
        start(Map.of());
        publish(article("a", "2023-07-25T05:00+08:00", line("甲")));
        publish(article("b", "2023-07-24T20:00+08:00", line("乙")));

        // when stream time passes 07-25 06:00 (end of 07-24 + grace), long before 07-25 closes
        publish(article("c", "2023-07-25T06:30+08:00", line("丙")));

        // then the day of 07-24 is final, that of 07-25 is not
        assertThat(aggregateTopic("sector", "1d").readValuesToList()).filteredOn(AggregateRecord::isFinal)
                .extracting(AggregateRecord::windowStart, AggregateRecord::events)
                .containsExactly(tuple("2023-07-24T00:00+08:00", 1L));
    }

    @Test
    void sendsHostileInputsToTheDeadLetterTopicAndKeepsProcessing() {
        // given
        start(Map.of());
        Instant received = Instant.parse("2023-07-26T02:00:00Z");
        Map<String, byte[]> hostile = new LinkedHashMap<>();
        hostile.put("not-json", utf8("这不是 JSON"));
        hostile.put("invalid-utf8", new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        hostile.put("empty-body", new byte[0]);
        hostile.put("no-text", utf8("{\"title\":\"只有标题\",\"publishedAt\":\"2023-07-26T10:00:00+08:00\"}"));
        hostile.put("wrong-type", utf8("{\"text\":42}"));
        hostile.put("year-1970", utf8("{\"text\":\"旧闻\",\"publishedAt\":\"1970-01-01T08:00:00+08:00\"}"));
        hostile.put("year-2100", utf8("{\"text\":\"未来\",\"publishedAt\":\"2100-01-01T08:00:00+08:00\"}"));
        hostile.put("null-value", null);
        hostile.put("deeply-nested", utf8("{\"text\":\"深\",\"x\":" + "[".repeat(200) + "]".repeat(200) + "}"));
        hostile.put("too-large", utf8("{\"text\":\"" + "大".repeat(400_000) + "\"}"));
        hostile.put("binary", utf8("{\"text\":\"\\u0001\\u0002\\u0003\\u0004\"}"));
        hostile.put("array", utf8("[{\"text\":\"数组\"}]"));
        hostile.put("bad-date", utf8("{\"text\":\"日期错误\",\"publishedAt\":\"昨天\"}"));

        // when they arrive, then a valid article
        hostile.forEach((key, value) -> articles.pipeInput(key, value, received));
        publish(article("valid", "2023-07-26T11:00+08:00", line("甲")));

        // then each went to the dead-letter topic as it arrived, with the reason and Kafka's error headers:
        // where it was read (the offsets of the input topic, in order), the refusal and its message
        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(TestRecord::key).containsExactlyElementsOf(hostile.keySet());
        Map<String, String> reasons = new LinkedHashMap<>();
        long offset = 0;
        for (TestRecord<String, byte[]> record : dead) {
            reasons.put(record.key(), header(record, DeadLetters.REASON_HEADER));
            assertThat(header(record, DeadLetters.STREAMS_MESSAGE_HEADER)).as(record.key()).isNotBlank();
            assertThat(header(record, DeadLetters.STREAMS_EXCEPTION_HEADER)).as(record.key())
                    .isEqualTo("io.aipulse.article.RejectedInputException");
            assertThat(header(record, DeadLetters.STREAMS_TOPIC_HEADER)).isEqualTo(topics.articles.name());
            assertThat(header(record, DeadLetters.STREAMS_PARTITION_HEADER)).isEqualTo("0");
            assertThat(header(record, DeadLetters.STREAMS_OFFSET_HEADER)).isEqualTo(Long.toString(offset++));
            assertThat(record.headers().lastHeader(DeadLetters.STREAMS_STACKTRACE_HEADER))
                    .as("a refusal is no failure: no stack trace").isNull();
            assertThat(record.value()).as(record.key()).isEqualTo(hostile.get(record.key()));
        }
        assertThat(reasons).containsExactly(
                Map.entry("not-json", "not-json"),
                Map.entry("invalid-utf8", "invalid-utf8"),
                Map.entry("empty-body", "empty-body"),
                Map.entry("no-text", "missing-field"),
                Map.entry("wrong-type", "wrong-type"),
                Map.entry("year-1970", "implausible-date"),
                Map.entry("year-2100", "implausible-date"),
                Map.entry("null-value", "null-value"),
                Map.entry("deeply-nested", "too-deep"),
                Map.entry("too-large", "too-large"),
                Map.entry("binary", "binary"),
                Map.entry("array", "not-an-object"),
                Map.entry("bad-date", "bad-date"));
        assertThat(metrics.deadLetterReasons).containsExactlyElementsOf(reasons.values());

        // and the valid article after them was processed
        assertThat(events.readValuesToList()).extracting(Event::articleId).containsExactly(idOf("valid"));
        assertThat(aggregateTopic("sector", "1d").readKeyValuesToMap()).containsOnlyKeys("healthcare-biotech@2023-07-26");
        assertThat(metrics.articlesConsumed).hasValue(hostile.size() + 1);
    }

    @Test
    void refusesAnArticleDatedInTheFutureEvenWhenItsRecordTimestampIsItsPublicationTime() {
        // given a feed that follows the producer convention: record timestamp = publication time
        start(Map.of());
        Instant year2100 = OffsetDateTime.parse("2100-01-01T08:00+08:00").toInstant();
        byte[] future = utf8("{\"id\":\"future\",\"text\":\"" + line("未来公司") + "\","
                + "\"publishedAt\":\"2100-01-01T08:00:00+08:00\"}");

        // when the 2100 article arrives, then a valid 2023 article
        articles.pipeInput("future", future, year2100);
        publish(article("valid", "2023-07-26T11:00+08:00", line("甲")));

        // then the 2100 article is refused as implausible
        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(TestRecord::key).containsExactly("future");
        assertThat(header(dead.get(0), DeadLetters.REASON_HEADER)).isEqualTo("implausible-date");
        // and it does not close today's windows: the valid article is aggregated, not late
        assertThat(late.isEmpty()).isTrue();
        assertThat(aggregateTopic("sector", "1d").readKeyValuesToMap())
                .containsOnlyKeys("healthcare-biotech@2023-07-26");
    }

    @Test
    void sendsAnArticleTheExtractorFailsOnToTheDeadLetterTopicWithTheServiceSettings() {
        // given the topology run with the service's own Kafka Streams settings (exactly-once, DLQ handlers)
        Settings settings = SettingsLoader.load(null, Map.of(), Map.of());
        start(Map.of(), StreamsSettings.properties(settings, stateDir.toString(), metrics));
        Article failing = article("failing", "2023-07-26T09:00+08:00", LineEventExtractor.FAIL);

        // when the extractor throws on one article, and a valid article follows
        publish(failing);
        publish(article("valid", "2023-07-26T11:00+08:00", line("甲")));

        // then the failing article is on the dead-letter topic as it arrived
        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(TestRecord::key).containsExactly(idOf("failing"));
        assertThat(dead.get(0).value()).isEqualTo(articleJson.write(failing));
        // with our reason and processor, and Kafka's error headers: the exception, where the article was read
        TestRecord<String, byte[]> letter = dead.get(0);
        assertThat(header(letter, DeadLetters.REASON_HEADER)).isEqualTo("processing-error");
        assertThat(header(letter, DeadLetters.PROCESSOR_HEADER)).isEqualTo(AipulseTopology.EXTRACT_EVENTS);
        assertThat(header(letter, DeadLetters.STREAMS_EXCEPTION_HEADER)).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(letter, DeadLetters.STREAMS_MESSAGE_HEADER))
                .isEqualTo("extractor failed on article " + idOf("failing"));
        assertThat(header(letter, DeadLetters.STREAMS_STACKTRACE_HEADER))
                .startsWith(IllegalStateException.class.getName()).contains(LineEventExtractor.class.getName());
        assertThat(header(letter, DeadLetters.STREAMS_TOPIC_HEADER)).isEqualTo(topics.articles.name());
        assertThat(header(letter, DeadLetters.STREAMS_PARTITION_HEADER)).isEqualTo("0");
        assertThat(header(letter, DeadLetters.STREAMS_OFFSET_HEADER)).isEqualTo("0");
        // counted like every dead letter
        assertThat(metrics.deadLetterReasons).containsExactly("processing-error");
        // and the stream went on with the next article
        assertThat(events.readValuesToList()).extracting(Event::articleId).containsExactly(idOf("valid"));
    }

    @Test
    void sendsARecordThatCannotBeDeserialisedToTheDeadLetterTopicWithKafkasHeadersAndCountsIt() {
        // given the service's settings, and a record on the identity stage's repartition topic that is not
        // what the service writes there (someone produced to an internal topic). At least once: the test
        // driver loses a dead letter written while a record is deserialised under exactly-once (a real broker
        // does not: DeadLetterHeadersIT)
        Settings settings = SettingsLoader.load(null, Map.of(), Map.of());
        Properties props = StreamsSettings.properties(settings, stateDir.toString(), metrics);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        start(Map.of(), props);
        String repartition = settings.get("application.id") + "-" + AipulseTopology.IDENTITY_REPARTITION + "-repartition";
        TestInputTopic<String, byte[]> internal = driver.createInputTopic(repartition, new StringSerializer(),
                new ByteArraySerializer());

        // when it is read, and a valid article follows
        internal.pipeInput("garbage", utf8("not a batch"), Instant.parse("2023-07-26T01:00:00Z"));
        publish(article("valid", "2023-07-26T11:00+08:00", line("甲")));

        // then it is on the dead-letter topic as it was read, with Kafka's error headers and our reason
        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(TestRecord::key).containsExactly("garbage");
        TestRecord<String, byte[]> letter = dead.get(0);
        assertThat(letter.value()).isEqualTo(utf8("not a batch"));
        assertThat(header(letter, DeadLetters.REASON_HEADER)).isEqualTo("deserialization-error");
        assertThat(header(letter, DeadLetters.STREAMS_TOPIC_HEADER)).isEqualTo(repartition);
        assertThat(header(letter, DeadLetters.STREAMS_PARTITION_HEADER)).isEqualTo("0");
        assertThat(header(letter, DeadLetters.STREAMS_OFFSET_HEADER)).isEqualTo("0");
        assertThat(header(letter, DeadLetters.STREAMS_EXCEPTION_HEADER)).isNotBlank();
        assertThat(header(letter, DeadLetters.STREAMS_STACKTRACE_HEADER)).contains(BinarySerdes.class.getName());
        // counted like every dead letter, and the stream went on
        assertThat(metrics.deadLetterReasons).containsExactly("deserialization-error");
        assertThat(aggregateTopic("sector", "1d").readKeyValuesToMap()).containsOnlyKeys(HEALTH + "@2023-07-26");
    }

    @Test
    void passesTheLiveCompanyTableToTheExtractor() {
        // given an article about a company the registry does not know yet
        start(Map.of());
        publish(article("before", "2023-07-26T09:00+08:00",
                LineEventExtractor.line(FUNDING, "力文所", "-", "-", "2023-07-25", null)));

        // when a correction for that company is produced to the company topic
        companies.pipeInput("力文所", new Company("力文所", List.of("杭州力文所生物科技有限公司"), "company",
                "hangzhou", "CN", HEALTH), Instant.parse("2023-07-26T02:00:00Z"));
        // and another article about it arrives
        publish(article("after", "2023-07-26T11:00+08:00",
                LineEventExtractor.line(PARTNERSHIP, "力文所", "-", "-", "2023-07-26", null)));

        // then the extractor saw the correction through its CompanyDirectory argument
        assertThat(extractor.directoriesSeen).hasSize(2);
        assertThat(extractor.directoriesSeen.get(1).find("力文所")).map(Company::city).contains("hangzhou");
        assertThat(extractor.directoriesSeen.get(1).find("无名公司")).isEmpty();
        // and only the event processed after the correction carries the corrected city and sector
        assertThat(events.readValuesToList()).extracting(Event::articleId, Event::city, Event::sector, Event::country)
                .containsExactly(tuple(idOf("before"), "unknown", "general", null),
                        tuple(idOf("after"), "hangzhou", HEALTH, "CN"));
        assertThat(aggregateTopic("city", "1d").readKeyValuesToMap())
                .containsOnlyKeys("unknown@2023-07-26", "hangzhou@2023-07-26");
    }

    @Test
    void forgetsACompanyDeletedFromTheCompanyTopic() {
        // given a company in the live table
        start(Map.of());
        Instant registered = Instant.parse("2023-07-26T01:00:00Z");
        companies.pipeInput("力文所", new Company("力文所", List.of(), "company", "hangzhou", "CN", HEALTH), registered);
        publish(article("known", "2023-07-26T10:00+08:00",
                LineEventExtractor.line(FUNDING, "力文所", "-", "-", "2023-07-26", null)));

        // when its record is deleted (a tombstone on the compacted topic)
        companies.pipeInput("力文所", null, registered.plusSeconds(7200));
        publish(article("forgotten", "2023-07-26T12:00+08:00",
                LineEventExtractor.line(PARTNERSHIP, "力文所", "-", "-", "2023-07-26", null)));

        // then the extractor no longer finds it
        assertThat(events.readValuesToList()).extracting(Event::articleId, Event::city)
                .containsExactly(tuple(idOf("known"), "hangzhou"), tuple(idOf("forgotten"), "unknown"));
    }

    // ---------------------------------------------------------------------------------------------------

    private void start(Map<String, String> overrides) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "aipulse-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        start(overrides, props);
    }

    private void start(Map<String, String> overrides, Properties props) {
        Settings settings = SettingsLoader.load(null, Map.of(), overrides);
        topics = Topics.from(settings);
        articleJson = new ArticleJson(settings.zone(), InputLimits.defaults());
        AipulseTopology topology = AipulseTopology.from(topics, extractor, articleJson, settings, metrics);
        driver = new TopologyTestDriver(topology.build(), props);

        articles = driver.createInputTopic(topics.articles.name(), new StringSerializer(), new ByteArraySerializer());
        companies = driver.createInputTopic(topics.companies.name(), new StringSerializer(),
                topics.companies.valueSerde().serializer());
        events = ContractRecords.output(driver, topics.events, RecordSchema.EVENT);
        deadLetters = driver.createOutputTopic(topics.deadLetters.name(), new StringDeserializer(),
                new ByteArrayDeserializer());
        late = ContractRecords.output(driver, topics.late, RecordSchema.LATE);
        for (Topic<String, AggregateRecord> topic : topics.allAggregates()) {
            aggregates.put(topic.name(), ContractRecords.output(driver, topic, RecordSchema.AGGREGATE));
        }
    }

    private TestOutputTopic<String, AggregateRecord> aggregateTopic(String dimension, String window) {
        return aggregates.get(topics.aggregate(Dimension.fromId(dimension), CalendarWindow.fromIsoPeriod(window)).name());
    }

    /** An article at {@code https://news.example.cn/NAME}; its id is the one the service computes. */
    private static Article article(String name, String publishedAt, String... lines) {
        String text = "测试文章 " + name + "\n" + String.join("\n", Arrays.asList(lines));
        return TestArticle.withText(text).url(NEWS + name).id(idOf(name)).title("标题 " + name)
                .publishedAt(publishedAt).timeSource(TimeSource.METADATA).build();
    }

    private static String idOf(String name) {
        return ArticleIds.of(NEWS + name, null);
    }

    /** A funding event of a healthcare company in Hangzhou, dated by its article. */
    private static String line(String subject) {
        return LineEventExtractor.line(FUNDING, subject, HEALTH, "hangzhou", "-", null);
    }

    private void publish(Article article) {
        publish(article, article.publishedAt());
    }

    private void publish(Article article, Instant timestamp) {
        publishWithoutWaiting(article, timestamp);
        waitOneCommitInterval();
    }

    private void publishWithoutWaiting(Article article, Instant timestamp) {
        articles.pipeInput(article.id(), articleJson.write(article), timestamp);
    }

    /** Lets wall-clock time pass as between a running instance's commits (the longest default: 30 s). */
    private void waitOneCommitInterval() {
        driver.advanceWallClockTime(COMMIT_INTERVAL);
    }

    private static <K, V> V last(List<KeyValue<K, V>> records) {
        assertThat(records).isNotEmpty();
        return records.get(records.size() - 1).value;
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
