package io.aipulse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.article.Article;
import io.aipulse.article.ArticleJson;
import io.aipulse.article.InputLimits;
import io.aipulse.article.RawTextArticleParser;
import io.aipulse.article.RejectedInputException;
import io.aipulse.config.Settings;
import io.aipulse.config.SettingsLoader;
import io.aipulse.contract.RecordSchema;
import io.aipulse.extract.Event;
import io.aipulse.extract.ExtractionSettings;
import io.aipulse.extract.Knowledge;
import io.aipulse.extract.RuleBasedExtractor;
import io.aipulse.reliability.Corpus;
import io.aipulse.testsupport.ContractRecords;
import io.aipulse.testsupport.SeedArticles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream's aggregates against the batch oracle ({@link BatchReference}): the real extractor and the
 * whole topology on a {@link TopologyTestDriver}, fed the seeds and the reliability corpus; the oracle
 * is fed the events the stream wrote, article by article, and must give the same latest record on every
 * key of the six aggregate topics, the same late records, and the same answers in the query store.
 */
class StreamMatchesBatchReferenceTest {

    /** Longer than any test run: updates are emitted once at the end, as a running service would. */
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(30);

    @TempDir
    Path stateDir;

    private final Settings settings = SettingsLoader.load(null, Map.of(), Map.of());
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> input;
    private TestOutputTopic<String, Event> events;
    private TestOutputTopic<String, LateRecord> late;
    private Topics topics;

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            ContractRecords.checkRemaining(driver, topics);
            driver.close();
        }
    }

    @Test
    void aggregatesOfTheSeedsEqualTheBatchReference() throws IOException, RejectedInputException {
        // given the seed articles, oldest first as `produce` sends them
        ArticleJson json = new ArticleJson(settings.zone(), InputLimits.defaults());
        RawTextArticleParser parser = new RawTextArticleParser(settings.zone(), InputLimits.defaults());
        List<Article> seeds = new ArrayList<>();
        for (Path file : SeedArticles.files()) {
            seeds.add(parser.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8),
                    Instant.parse("2026-11-24T00:00:00Z")));
        }
        seeds.sort(Comparator.comparing(Article::publishedAt));
        start();

        // when the stream processes them
        List<BatchReference.ArticleEvents> processed = new ArrayList<>();
        for (Article seed : seeds) {
            processed.add(send(seed.id(), json.write(seed), seed.publishedAt().toEpochMilli()));
        }

        // then its aggregates, late records and query answers are the batch computation's
        assertMatchesReference(processed, 5);
    }

    @Test
    void aggregatesOfTheReliabilityCorpusEqualTheBatchReference() {
        // given the reliability tests' corpus: articles, republished copies, second reports of the same
        // events, records that are not articles, late articles and the article that closes every window
        Corpus corpus = Corpus.reliability();
        start();

        // when the stream processes it
        List<BatchReference.ArticleEvents> processed = new ArrayList<>();
        for (Corpus.Item item : corpus.items()) {
            BatchReference.ArticleEvents seen = send(item.key(), item.value(), item.timestamp());
            if (item.kind() != Corpus.Kind.BAD && item.kind() != Corpus.Kind.REPUBLISHED) {
                processed.add(seen);
            } else {
                assertThat(seen.events()).as("events of a record that is no new article").isEmpty();
            }
        }

        // then its aggregates, late records and query answers are the batch computation's
        assertMatchesReference(processed, 1_000);
    }

    // ---------------------------------------------------------------------------------------------------

    private void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "aipulse-batch-reference-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(COMMIT_INTERVAL.toMillis()));
        topics = Topics.from(settings);
        Map<String, Double> rates = new TreeMap<>();
        settings.withPrefix("fx.").forEach((currency, rate) -> rates.put(currency, Double.parseDouble(rate)));
        RuleBasedExtractor extractor = new RuleBasedExtractor(Knowledge.load(Path.of("config")),
                new ExtractionSettings(settings.zone(), rates));
        AipulseTopology topology = AipulseTopology.from(topics, extractor,
                new ArticleJson(settings.zone(), InputLimits.defaults()), settings, new RecordingStreamMetrics());
        driver = new TopologyTestDriver(topology.build(), props);
        input = driver.createInputTopic(topics.articles.name(), new StringSerializer(), new ByteArraySerializer());
        events = ContractRecords.output(driver, topics.events, RecordSchema.EVENT);
        late = ContractRecords.output(driver, topics.late, RecordSchema.LATE);
    }

    /** Sends one record; returns its record time and the events the stream wrote for it. */
    private BatchReference.ArticleEvents send(String key, byte[] value, long timestamp) {
        input.pipeInput(key, value, timestamp);
        List<TestRecord<String, Event>> written = events.readRecordsToList();
        written.forEach(record -> assertThat(record.timestamp()).as("event record time").isEqualTo(timestamp));
        return new BatchReference.ArticleEvents(timestamp, written.stream().map(TestRecord::value).toList());
    }

    private void assertMatchesReference(List<BatchReference.ArticleEvents> processed, int atLeastEvents) {
        driver.advanceWallClockTime(COMMIT_INTERVAL);
        BatchReference.Result expected = new BatchReference(settings.zone(), StreamsSettings.grace(settings))
                .compute(processed);
        assertThat(processed.stream().mapToInt(a -> a.events().size()).sum()).isGreaterThanOrEqualTo(atLeastEvents);

        Map<String, Map<String, AggregateRecord>> expectedByTopic = new LinkedHashMap<>();
        Map<String, Map<String, AggregateRecord>> actualByTopic = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            for (CalendarWindow window : CalendarWindow.values()) {
                String topic = topics.aggregate(dimension, window).name();
                actualByTopic.put(topic, new TreeMap<>(ContractRecords.output(driver,
                        topics.aggregate(dimension, window), RecordSchema.AGGREGATE).readKeyValuesToMap()));
                expectedByTopic.put(topic, new TreeMap<>());
            }
        }
        expected.aggregates().forEach((window, aggregate) -> expectedByTopic
                .get(topics.aggregate(window.dimension(), window.window()).name())
                .put(aggregate.outputKey(), aggregate));
        expectedByTopic.forEach((topic, records) -> assertThat(actualByTopic.get(topic)).as(topic)
                .isNotEmpty().isEqualTo(records));

        assertThat(sorted(late.readValuesToList())).isEqualTo(sorted(expected.late()));

        WindowStore<String, AggregateRecord> queries = driver.getWindowStore(AipulseTopology.RESULT_STORE);
        expected.aggregates().forEach((window, aggregate) -> assertThat(queries.fetch(
                GroupKey.withWindow(window.dimension(), window.key(), window.window()), window.start()))
                .as("query store, %s", window).isEqualTo(aggregate));
    }

    private static List<LateRecord> sorted(List<LateRecord> records) {
        return records.stream().sorted(Comparator.comparing(LateRecord::articleId).thenComparing(LateRecord::eventId)
                .thenComparing(LateRecord::dimension).thenComparing(LateRecord::key)
                .thenComparing(LateRecord::window)).toList();
    }
}
