package io.aipulse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aipulse.article.Article;
import io.aipulse.article.ArticleJson;
import io.aipulse.article.ArticleSources;
import io.aipulse.article.InputLimits;
import io.aipulse.article.RawTextArticleParser;
import io.aipulse.article.RejectedInputException;
import io.aipulse.article.TimeSource;
import io.aipulse.extract.Amount;
import io.aipulse.extract.DateSource;
import io.aipulse.extract.Event;
import io.aipulse.extract.EventType;
import io.aipulse.extract.ExtractionSettings;
import io.aipulse.extract.Knowledge;
import io.aipulse.extract.Round;
import io.aipulse.extract.RuleBasedExtractor;
import io.aipulse.json.Json;
import io.aipulse.stream.AggregateRecord;
import io.aipulse.stream.LateRecord;
import io.aipulse.stream.Topics;
import io.aipulse.config.SettingsLoader;
import io.aipulse.testsupport.SeedArticles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published schemas ({@code schemas/}) against the records the service writes: they accept them, every
 * record carries its schema version, and they refuse records that break the contract (a missing field, a
 * value outside an enumeration, a wrong type or format, a field the contract does not have).
 */
class RecordSchemasTest {

    private static final RecordValidator VALIDATOR = RecordValidator.load();
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Topics TOPICS = Topics.from(SettingsLoader.load(null, Map.of(), Map.of()));
    private static final String ARTICLE_ID = "u-08f757c3844342bd";

    static final Event FUNDING = new Event("6825547f-f380-3e52-a7b7-9ce72e54bb2f", ARTICLE_ID, EventType.FUNDING,
            "力文所", List.of("凯泰资本", "磐霖资本"), null, "2023-07-31", DateSource.EVENT, "healthcare-biotech",
            "hangzhou", "CN", new Amount("数千万元", "CNY", 10_000_000L, 99_999_999L, 10_000_000L, 99_999_999L, true),
            Round.ANGEL, null, "力文所完成数千万元天使轮融资", null);
    static final AggregateRecord AGGREGATE = new AggregateRecord("healthcare-biotech|hangzhou", "sector-city",
            "2023-07-24T00:00+08:00", "2023-07-31T00:00+08:00", "P7D", 5, 2, Map.of("FUNDING", 3L, "MODEL_RELEASE", 2L),
            120_000_000L, null, List.of(new AggregateRecord.SubjectCount("力文所", 1)), true);
    static final LateRecord LATE = new LateRecord("window closed", "city", "hangzhou", "P1D", "2023-07-24T00:00+08:00",
            "2023-07-25T00:00+08:00", "2023-07-25T06:00+08:00", "2023-07-27T10:00+08:00",
            "2023-07-24T10:00:05.123+08:00", "6825547f-f380-3e52-a7b7-9ce72e54bb2f", ARTICLE_ID);

    // --- what the service writes ---------------------------------------------------------------------

    @Test
    void writesEveryRecordWithItsSchemaVersionFirst() {
        // when the service's serdes write one record of each kind
        Map<String, byte[]> written = Map.of(
                "event", TOPICS.events.valueSerde().serializer().serialize(TOPICS.events.name(), FUNDING),
                "aggregate", TOPICS.aggregateSerde.serializer().serialize("aggregate", AGGREGATE),
                "late", TOPICS.late.valueSerde().serializer().serialize(TOPICS.late.name(), LATE),
                "article", articleJson().write(article()));

        // then each starts with its schema version, and its schema accepts it
        written.forEach((kind, bytes) -> {
            String json = new String(bytes, StandardCharsets.UTF_8);
            assertThat(json).as(kind).startsWith("{\"schemaVersion\":1,");
            assertThat(VALIDATOR.problems(RecordSchema.fromId(kind), bytes)).as(kind).isEmpty();
        });
    }

    @Test
    void readsRecordsWithOrWithoutTheirSchemaVersion() throws RejectedInputException {
        // given a record written with its version and the same record without it
        byte[] withVersion = TOPICS.aggregateSerde.serializer().serialize("aggregate", AGGREGATE);
        byte[] withoutVersion = Json.writeBytes(AGGREGATE);
        assertThat(new String(withoutVersion, StandardCharsets.UTF_8)).doesNotContain("schemaVersion");

        // then both read as the same record
        assertThat(TOPICS.aggregateSerde.deserializer().deserialize("aggregate", withVersion)).isEqualTo(AGGREGATE);
        assertThat(TOPICS.aggregateSerde.deserializer().deserialize("aggregate", withoutVersion)).isEqualTo(AGGREGATE);

        // and an article from before versions were written reads as the same article as one with its version
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        String old = "{\"text\":\"杭州力文所完成融资\",\"url\":\"https://news.example.cn/a\",\"publishedAt\":\"2023-08-01T18:42:00+08:00\"}";
        String current = "{\"schemaVersion\":1," + old.substring(1);
        assertThat(articleJson().read(current, now)).isEqualTo(articleJson().read(old, now));
    }

    @Test
    void acceptsEverySeedArticleAsProduceWritesIt() throws IOException {
        // given the seeds as produce reads them
        List<ArticleSources.Item> items = seedItems();
        assertThat(items).isNotEmpty().allMatch(ArticleSources.Item::accepted);

        // then each article produce would send follows the article schema
        for (ArticleSources.Item item : items) {
            assertThat(VALIDATOR.problems(RecordSchema.ARTICLE, articleJson().write(item.article())))
                    .as(item.name()).isEmpty();
        }
    }

    @Test
    void acceptsTheEventsFoundInTheSeedsAsTheExtractCommandPrintsThem() throws IOException {
        // given the real extractor and the seeds as produce reads them
        RuleBasedExtractor extractor = new RuleBasedExtractor(Knowledge.load(Path.of("config")),
                ExtractionSettings.defaults());
        VersionedJson<Event> json = VersionedJson.of(Event.class, RecordSchema.EVENT);
        List<Event> events = new ArrayList<>();
        for (ArticleSources.Item item : seedItems()) {
            extractor.extract(item.article()).forEach(event -> events.add(event.withSource(item.name())));
        }
        assertThat(events).hasSizeGreaterThan(20);

        // then every event record, with its source, follows the event schema
        for (Event event : events) {
            assertThat(VALIDATOR.problems(RecordSchema.EVENT, json.write(event))).as(event.toString()).isEmpty();
        }
    }

    @Test
    void acceptsTheReadmeArticleAndFieldsOfTheSendersOwn() {
        String readme = "{\"text\": \"...\", \"title\": \"...\", \"url\": \"...\", \"publishedAt\": \"2023-08-01T18:42:00+08:00\"}";
        assertThat(VALIDATOR.problems(RecordSchema.ARTICLE, readme)).isEmpty();
        assertThat(VALIDATOR.problems(RecordSchema.ARTICLE,
                "{\"content\": \"正文\", \"link\": \"https://a.cn/x\", \"date\": 1690886520000, \"feed\": {\"name\": \"ours\"}}"))
                .isEmpty();
        assertThat(VALIDATOR.problems(RecordSchema.ARTICLE, "{\"body\": \"正文\", \"published_at\": \"2023-08-01 18:42\"}"))
                .isEmpty();
    }

    // --- what the schemas refuse ---------------------------------------------------------------------

    static Stream<Arguments> brokenRecords() {
        return Stream.of(
                broken(RecordSchema.EVENT, "evidence", r -> r.remove("evidence")),
                broken(RecordSchema.EVENT, "schemaVersion", r -> r.remove("schemaVersion")),
                broken(RecordSchema.EVENT, "type", r -> r.put("type", "MERGER")),
                broken(RecordSchema.EVENT, "sector", r -> r.put("sector", "ai")),
                broken(RecordSchema.EVENT, "round", r -> r.put("type", "PARTNERSHIP")),
                broken(RecordSchema.EVENT, "round", r -> r.putNull("round")),
                broken(RecordSchema.EVENT, "stage", r -> r.put("stage", "LISTED")),
                broken(RecordSchema.EVENT, "date", r -> r.put("date", "2023-02-30")),
                broken(RecordSchema.EVENT, "dateSource", r -> r.putNull("date")),
                broken(RecordSchema.EVENT, "city", r -> r.put("city", "Hangzhou")),
                broken(RecordSchema.EVENT, "currency", r -> ((ObjectNode) r.get("amount")).put("currency", "BTC")),
                broken(RecordSchema.EVENT, "articleId", r -> r.put("articleId", "a-1")),
                broken(RecordSchema.EVENT, "counterparties", r -> r.put("counterparties", "凯泰资本")),
                broken(RecordSchema.EVENT, "sentiment", r -> r.put("sentiment", "positive")),
                broken(RecordSchema.EVENT, "schemaVersion", r -> r.put("schemaVersion", 2)),
                broken(RecordSchema.AGGREGATE, "final", r -> r.remove("final")),
                broken(RecordSchema.AGGREGATE, "dimension", r -> r.put("dimension", "country")),
                broken(RecordSchema.AGGREGATE, "key", r -> r.put("key", "hangzhou")),
                broken(RecordSchema.AGGREGATE, "window", r -> r.put("window", "P1M")),
                broken(RecordSchema.AGGREGATE, "windowStart", r -> r.put("windowStart", "2023-07-24")),
                broken(RecordSchema.AGGREGATE, "byType", r -> ((ObjectNode) r.get("byType")).put("MERGER", 1)),
                broken(RecordSchema.AGGREGATE, "events", r -> r.put("events", -1)),
                broken(RecordSchema.LATE, "articleId", r -> r.remove("articleId")),
                broken(RecordSchema.LATE, "graceEnd", r -> r.put("graceEnd", "tomorrow")),
                broken(RecordSchema.LATE, "key", r -> r.put("key", "Hang Zhou")),
                broken(RecordSchema.ARTICLE, "text", r -> r.remove("text")),
                broken(RecordSchema.ARTICLE, "text", r -> r.put("text", "  \n ")),
                broken(RecordSchema.ARTICLE, "text", r -> r.put("text", 42)),
                broken(RecordSchema.ARTICLE, "publishedAt", r -> r.put("publishedAt", "yesterday")),
                broken(RecordSchema.ARTICLE, "publishedAt", r -> r.put("publishedAt", true)),
                broken(RecordSchema.ARTICLE, "timeSource", r -> r.put("timeSource", "SOMETIMES")),
                broken(RecordSchema.ARTICLE, "schemaVersion", r -> r.put("schemaVersion", 2)));
    }

    @ParameterizedTest(name = "{0} refuses a record with a broken {1}")
    @MethodSource("brokenRecords")
    void refusesARecordThatBreaksTheContract(RecordSchema schema, String field, Consumer<ObjectNode> breakIt) {
        // given a valid record of the kind
        ObjectNode record = valid(schema);
        assertThat(VALIDATOR.problems(schema, record)).isEmpty();

        // when one field breaks the contract
        breakIt.accept(record);

        // then the schema refuses it and says which field
        List<String> problems = VALIDATOR.problems(schema, record);
        assertThat(problems).as(record.toString()).isNotEmpty().anySatisfy(problem -> assertThat(problem).contains(field));
    }

    @Test
    void refusesWhatIsNotAJsonObject() {
        assertThat(VALIDATOR.problems(RecordSchema.EVENT, "not json".getBytes(StandardCharsets.UTF_8)))
                .singleElement().asString().startsWith("not JSON");
        assertThat(VALIDATOR.problems(RecordSchema.AGGREGATE, "[1, 2]")).isNotEmpty();
        assertThat(VALIDATOR.problems(RecordSchema.LATE, (byte[]) null)).containsExactly("no value (a null record)");
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static Arguments broken(RecordSchema schema, String field, Consumer<ObjectNode> breakIt) {
        return Arguments.of(schema, field, breakIt);
    }

    private static ObjectNode valid(RecordSchema schema) {
        byte[] bytes = switch (schema) {
            case EVENT -> TOPICS.events.valueSerde().serializer().serialize("events", FUNDING);
            case AGGREGATE -> TOPICS.aggregateSerde.serializer().serialize("aggregate", AGGREGATE);
            case LATE -> TOPICS.late.valueSerde().serializer().serialize("late", LATE);
            case ARTICLE -> articleJson().write(article());
        };
        try {
            JsonNode node = MAPPER.readTree(bytes);
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Article article() {
        return new Article(ARTICLE_ID, "https://news.example.cn/a", "标题", null, "杭州力文所完成数千万元天使轮融资",
                Instant.parse("2023-08-01T10:42:00Z"), TimeSource.METADATA, "a.json", "client-7");
    }

    private static ArticleJson articleJson() {
        return new ArticleJson(SHANGHAI, InputLimits.defaults());
    }

    private static List<ArticleSources.Item> seedItems() throws IOException {
        ArticleSources sources = new ArticleSources(new RawTextArticleParser(SHANGHAI, InputLimits.defaults()),
                articleJson(), InputLimits.defaults());
        return sources.read(List.of(SeedArticles.DIR.toString()), System.in, Instant.now());
    }
}
