package io.aipulse.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aipulse.article.ArticleIds;
import io.aipulse.observability.MetricsText;
import io.aipulse.testsupport.ChildProcess;
import io.aipulse.testsupport.Project;
import io.aipulse.testsupport.RunningService;
import io.aipulse.testsupport.ServiceJar;
import io.aipulse.testsupport.TestConsumers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input against the running service ({@link RunningService}: broker in-process, the jar's
 * {@code run} as a child process), each input at least once through the topology (a raw Kafka producer
 * writes the bytes to {@code aipulse.articles}) and, where a file can carry it, through the {@code produce}
 * command (a directory of hostile files).
 *
 * <p>Checks: each refused record is on {@code aipulse.dlq} (read_committed) with its reason header and
 * exactly the bytes that were sent (the 5 MB body whole); each valid one is processed (extracted; no
 * events from noise); {@code /metrics} counts the dead letters by reason; {@code produce} prints a line per
 * refused file on stderr with its reason, {@code sent} lines for the rest, and exits 1; a valid article sent
 * after everything else is processed and aggregated; {@code /health} is still 200 at the end.
 */
@ExtendWith(RunningService.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    static final String ARTICLES = "aipulse.articles";
    static final String DLQ = "aipulse.dlq";
    static final String EVENTS = "aipulse.events";
    static final String REASON = "aipulse.error.reason";
    /** Kafka Streams' dead-letter headers (KIP-1034), which every dead letter carries. */
    static final String MESSAGE = "__streams.errors.message";
    static final String SOURCE_TOPIC = "__streams.errors.topic";
    static final String PROCESSED = "(processed)";
    static final String NO_EVENTS = "(processed, no events)";
    /** The extraction bug the fuzzer found (fixed: {@code io.aipulse.extract.ExtractionOfFuzzFoundInputsTest}): either outcome. */
    static final String PROCESSED_OR_PROCESSING_ERROR = "(processed, or processing-error while the bug stands)";
    static final String FINAL_ID = "hostile-final-valid";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static RunningService service;
    /** Topology path: name -> what was sent (key, value) and the expected outcome. */
    private static final Map<String, Sent> TOPOLOGY = new LinkedHashMap<>();
    /** Every accepted article's time: a little before now, so that the final article (now + 1 min) is the latest. */
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
    /** The dead letters by key (a HashMap: the null-key article is looked up too). */
    private static final Map<String, ConsumerRecord<String, byte[]>> DEAD = new LinkedHashMap<>();
    private static ChildProcess.Result produced;
    private static Map<String, String> produceExpected;

    record Sent(String key, byte[] value, String expected) {
    }

    @BeforeAll
    static void start(RunningService running) {
        service = running;
    }

    // ---------------------------------------------------------------------------------------------------
    // the topology path

    @Test
    @Order(1)
    void hostileRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheirBytesWhole() throws Exception {
        // given every hostile record, and the valid ones among them, written as raw bytes
        defineTopologyInputs();
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            for (Sent sent : TOPOLOGY.values()) {
                producer.send(new ProducerRecord<>(ARTICLES, null, System.currentTimeMillis(), sent.key(), sent.value()))
                        .get();
            }
        }

        // when the service has read them: every refused one is on the dead-letter topic
        long refused = TOPOLOGY.values().stream().filter(s -> isReason(s.expected())).count();
        readDeadLetters(refused);

        // then each refused record is there once, with its reason, a message, and the bytes as sent
        Map<String, String> reasons = new TreeMap<>();
        Map<String, String> expected = new TreeMap<>();
        TOPOLOGY.forEach((name, sent) -> {
            if (isReason(sent.expected())) {
                expected.put(name, sent.expected());
            }
        });
        for (Map.Entry<String, Sent> entry : TOPOLOGY.entrySet()) {
            ConsumerRecord<String, byte[]> dead = DEAD.get(entry.getValue().key());
            if (dead == null) {
                continue;
            }
            reasons.put(entry.getKey(), header(dead, REASON));
            assertThat(header(dead, SOURCE_TOPIC)).as("%s: where it was read", entry.getKey()).isEqualTo(ARTICLES);
            assertThat(header(dead, MESSAGE)).as("%s: a message for a person", entry.getKey()).isNotBlank()
                    .hasSizeLessThanOrEqualTo(503);
            assertThat(dead.value()).as("%s: the bytes as sent (%d bytes)", entry.getKey(),
                    entry.getValue().value() == null ? 0 : entry.getValue().value().length)
                    .isEqualTo(entry.getValue().value());
        }
        // the extraction bug: record what happened (the unit reproducer fails until it is fixed)
        String crash = reasons.remove("extractor crash (fuzz-found bug)");
        System.out.println("[hostile] extractor-crash input: " + (crash == null ? "processed" : "dead letter " + crash));
        if (crash != null) {
            assertThat(crash).isEqualTo("processing-error");
            assertThat(header(DEAD.get(TOPOLOGY.get("extractor crash (fuzz-found bug)").key()), SOURCE_TOPIC))
                    .isEqualTo(ARTICLES);
        }
        assertThat(reasons).as("reason per hostile record").isEqualTo(expected);
        assertThat(DEAD).as("nothing else on the dead-letter topic")
                .hasSize(expected.size() + (crash == null ? 0 : 1));
        TOPOLOGY.forEach((name, sent) -> System.out.printf("[hostile] topology %-45s -> %s%n", name,
                DEAD.containsKey(sent.key()) ? "dlq " + header(DEAD.get(sent.key()), REASON) : "processed"));
    }

    @Test
    @Order(2)
    void theDeadLettersAreCountedByReasonOnMetrics() throws Exception {
        Map<String, Double> expected = new TreeMap<>();
        DEAD.values().forEach(r -> expected.merge(header(r, REASON), 1.0, Double::sum));
        service.await("/metrics counts every dead letter", WAIT,
                () -> service.metrics().sum("aipulse_deadletters_total") >= DEAD.size());
        MetricsText metrics = service.metrics();
        Map<String, Double> counted = new TreeMap<>();
        metrics.sumBy("aipulse_deadletters_total", "reason").forEach((reason, n) -> {
            if (n > 0) {
                counted.put(reason, n);
            }
        });
        System.out.println("[hostile] aipulse_deadletters_total by reason: " + counted);
        assertThat(counted).as("aipulse_deadletters_total{reason} = the dead letters by reason header")
                .isEqualTo(expected);
    }

    @Test
    @Order(3)
    void validRecordsAmongTheHostileOnesAreProcessedAndNoiseGivesNoEvents() throws Exception {
        // the valid records: every one extracted (the dead-letter-free ones), no duplicates
        long accepted = TOPOLOGY.values().stream().filter(s -> !DEAD.containsKey(s.key())).count();
        service.await("every valid topology record extracted", WAIT,
                () -> service.metrics().sum("aipulse_extraction_time_seconds_count") >= accepted);
        assertThat(service.metrics().sum("aipulse_articles_duplicates_total")).isZero();

        Map<String, List<JsonNode>> events = eventsByArticle(Duration.ofSeconds(5));
        for (Map.Entry<String, Sent> entry : TOPOLOGY.entrySet()) {
            String id = articleId(entry.getValue());
            switch (entry.getValue().expected()) {
                case PROCESSED -> assertThat(events.get(id)).as("%s: processed, with its events", entry.getKey())
                        .isNotEmpty();
                case NO_EVENTS -> assertThat(events.getOrDefault(id, List.of()))
                        .as("%s: processed, no events from noise", entry.getKey()).isEmpty();
                default -> {
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // the produce path

    @Test
    @Order(4)
    void produceRefusesEachBadFileWithAClearMessageSendsTheRestAndExitsOne() throws Exception {
        // given a directory of hostile files and good ones
        Path dir = service.workDir().resolve("produce-files");
        produceExpected = writeProduceFiles(dir);

        // when
        produced = ServiceJar.runToEnd("produce", service.workDir(), Duration.ofMinutes(2), "256m", "produce",
                "--bootstrap", service.bootstrap(), dir.toString());

        // then exit code 1, one stderr line per refused file with its reason, a sent line per good file
        assertThat(produced.exitCode()).as("produce exit code; stdout %s stderr %s", produced.stdout(),
                produced.stderr()).isEqualTo(1);
        Map<String, String> refusals = new TreeMap<>();
        Matcher refused = Pattern.compile("(?m)^refused (\\S+): ([a-z0-9-]+): (.+)$").matcher(produced.stderr());
        while (refused.find()) {
            refusals.put(refused.group(1), refused.group(2));
            assertThat(refused.group(3)).as("message for %s", refused.group(1)).isNotBlank().doesNotContain("Exception");
        }
        List<String> sent = new ArrayList<>();
        Matcher sentLine = Pattern.compile("(?m)^sent (\\S+) id=").matcher(produced.stdout());
        while (sentLine.find()) {
            sent.add(sentLine.group(1));
        }
        Map<String, String> expectedRefusals = new TreeMap<>();
        List<String> expectedSent = new ArrayList<>();
        produceExpected.forEach((file, outcome) -> {
            if (isReason(outcome)) {
                expectedRefusals.put(file, outcome);
            } else {
                expectedSent.add(file.replaceFirst(":\\d+$", ""));
            }
        });
        refusals.forEach((file, reason) -> System.out.printf("[hostile] produce  %-30s -> refused %s%n", file, reason));
        sent.forEach(file -> System.out.printf("[hostile] produce  %-30s -> sent%n", file));
        assertThat(refusals).as("stderr: refused NAME: REASON: MESSAGE per bad file").isEqualTo(expectedRefusals);
        assertThat(sent).as("stdout: sent lines for the good files").containsExactlyInAnyOrderElementsOf(expectedSent);
        assertThat(produced.stdout()).contains(String.format("sent %d, refused %d", expectedSent.size(),
                expectedRefusals.size()));
    }

    @Test
    @Order(5)
    void whatProduceSentIsProcessedAndItsRefusalsNeverReachTheTopic() throws Exception {
        long accepted = TOPOLOGY.values().stream().filter(s -> !DEAD.containsKey(s.key())).count();
        long sentByProduce = produceExpected.values().stream().filter(o -> !isReason(o)).count();
        service.await("the files produce sent are extracted", WAIT,
                () -> service.metrics().sum("aipulse_extraction_time_seconds_count") >= accepted + sentByProduce);
        MetricsText metrics = service.metrics();
        assertThat(metrics.sum("aipulse_articles_consumed_total")).as("topology records + files sent")
                .isEqualTo(TOPOLOGY.size() + sentByProduce);
        assertThat(metrics.sum("aipulse_deadletters_total")).as("produce refusals never reach the topic")
                .isEqualTo(DEAD.size());
    }

    // ---------------------------------------------------------------------------------------------------
    // the stream keeps running

    @Test
    @Order(6)
    void aValidArticleSentAfterAllOfThemIsProcessedAndAggregatedAndTheServiceIsHealthy() throws Exception {
        // given everything above, when a valid article comes last
        Instant published = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(1));
        byte[] last = article(FINAL_ID, "杭州力文所生物科技有限公司宣布完成数千万元天使轮融资，由凯泰资本领投，磐霖资本跟投。",
                published);
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            producer.send(new ProducerRecord<>(ARTICLES, null, published.toEpochMilli(), FINAL_ID, last)).get();
        }

        // then its event is on the events topic
        JsonNode event = awaitEventOf(ArticleIds.of(linkOf(FINAL_ID), null));
        assertThat(event.path("type").asText()).isEqualTo("FUNDING");
        String sector = event.path("sector").asText();

        // and aggregated: its sector's day window is queryable with the event counted
        LocalDate day = published.atZone(ZONE).toLocalDate();
        String query = "/api/v1/aggregates/sector/" + URLEncoder.encode(sector, StandardCharsets.UTF_8)
                + "?window=P1D&from=" + day + "&to=" + day;
        service.await("the final article aggregated in " + query, WAIT, () -> {
            JsonNode body = JSON.readTree(service.get(query).body());
            for (JsonNode aggregate : body.path("aggregates")) {
                if (aggregate.path("events").asLong() >= 1 && aggregate.path("byType").path("FUNDING").asLong() >= 1) {
                    return true;
                }
            }
            return false;
        });
        // nothing went to the late topic: the hostile records did not move the clocks
        assertThat(service.metrics().sum("aipulse_late_records_total")).isZero();

        for (String path : List.of("/health", "/health/live", "/health/ready")) {
            assertThat(service.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(service.service().isAlive()).isTrue();
        assertThat(service.metrics().sum("aipulse_stream_state", s -> "RUNNING".equals(s.label("state")))).isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------------
    // inputs

    private static void defineTopologyInputs() {
        Random random = new Random(6);
        put("not JSON", "这不是 JSON {\"text\": \"百度发布".getBytes(StandardCharsets.UTF_8), "not-json");
        put("invalid UTF-8", new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
                (byte) 0xFF, '"', '}'}, "invalid-utf8");
        put("empty body", new byte[0], "empty-body");
        put("5 MB body (over the 1 MB maximum)", article(null, "大模型".repeat(580_000), BASE), "too-large");
        byte[] binary = new byte[4096];
        random.nextBytes(binary);
        binary[0] = (byte) 0x89; // a PNG header: binary data that is no UTF-8
        put("binary bytes", binary, "invalid-utf8");
        put("binary bytes that are valid UTF-8 (controls)", json(Map.of("text", "\u0001\u0002\u0003\u0004\u0005\u0006")),
                "binary");
        put("null value", null, "null-value");
        put("JSON without text", json(Map.of("title", "只有标题", "publishedAt", BASE.toString())), "missing-field");
        put("text of the wrong type", "{\"text\": 42}".getBytes(StandardCharsets.UTF_8), "wrong-type");
        put("publishedAt of the wrong type", "{\"text\": \"百度发布文心大模型。\", \"publishedAt\": true}"
                .getBytes(StandardCharsets.UTF_8), "wrong-type");
        put("JSON array, not an object", "[{\"text\": \"数组\"}]".getBytes(StandardCharsets.UTF_8), "not-an-object");
        put("two JSON objects in one record", "{\"text\":\"一\"}{\"text\":\"二\"}".getBytes(StandardCharsets.UTF_8),
                "not-json");
        put("published in 1970", article(null, "百度在北京发布文心大模型4.0。", Instant.parse("1970-01-01T00:00:00Z")),
                "implausible-date");
        put("published in 2100", article(null, "百度在北京发布文心大模型4.0。", Instant.parse("2100-01-01T00:00:00Z")),
                "implausible-date");
        put("publishedAt not a date", "{\"text\": \"日期错误\", \"publishedAt\": \"昨天\"}".getBytes(StandardCharsets.UTF_8),
                "bad-date");
        put("JSON nested 200 deep", ("{\"text\": \"深\", \"x\": " + "[".repeat(200) + "]".repeat(200) + "}")
                .getBytes(StandardCharsets.UTF_8), "too-deep");

        // valid, or processed as text
        TOPOLOGY.put("null key, valid article", new Sent(null,
                article("hostile-null-key", "百度在北京发布文心大模型4.0。", BASE), PROCESSED));
        put("one 100,000-character line, no punctuation", article("hostile-long-line",
                longLine(100_000), BASE), PROCESSED_ANY);
        put("HTML only", article("hostile-html-only", html(), BASE), NO_EVENTS);
        put("control characters inside fine text", article("hostile-controls", withControls(), BASE), PROCESSED);
        put("2,000 place names", article("hostile-places", places(2_000), BASE), NO_EVENTS);
        put("extractor crash (fuzz-found bug)", article("hostile-extractor-crash", "百度完成数千万元A轮融资。公司完成B轮融资。",
                BASE), PROCESSED_OR_PROCESSING_ERROR);
    }

    /** Processed: its events, if any, are not checked (a long line of real words may hold some). */
    static final String PROCESSED_ANY = "(processed, any events)";

    private static void put(String name, byte[] value, String expected) {
        TOPOLOGY.put(name, new Sent("hostile-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), value,
                expected));
    }

    /** The produce path's files: name (as produce prints it) -> expected refusal reason, or {@link #PROCESSED}. */
    private static Map<String, String> writeProduceFiles(Path dir) throws Exception {
        Project.delete(dir);
        Files.createDirectories(dir);
        Path committed = Project.ROOT.resolve("src/test/resources/hostile/produce");
        try (Stream<Path> files = Files.list(committed)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        Files.write(dir.resolve("invalid-utf8.txt"), new byte[] {(byte) 0xE7, (byte) 0x99, '\n', (byte) 0xC3, 0x28});
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        Files.write(dir.resolve("binary.bin"), binary);
        Files.writeString(dir.resolve("binary-controls.txt"), "\u0001\u0002\u0003\u0004 \u0005\u0006\u0007\u0008",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("five-mb.txt"), "大模型".repeat(580_000), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("long-line.txt"), longLine(100_000), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("control-chars.txt"), withControls() + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("places-2000.txt"), places(2_000), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("deeply-nested.json"), "{\"text\": \"深\", \"x\": " + "[".repeat(200)
                + "]".repeat(200) + "}", StandardCharsets.UTF_8);

        Map<String, String> expected = new TreeMap<>();
        expected.put("not-json.json", "not-json");
        expected.put("empty.txt", "empty-text");
        expected.put("missing-field.json", "missing-field");
        expected.put("wrong-type.json", "wrong-type");
        expected.put("published-1970.json", "implausible-date");
        expected.put("published-1970.txt", "implausible-date");
        expected.put("published-2100.json", "implausible-date");
        expected.put("invalid-utf8.txt", "invalid-utf8");
        expected.put("binary.bin", "invalid-utf8");
        expected.put("binary-controls.txt", "binary");
        expected.put("five-mb.txt", "too-large");
        expected.put("deeply-nested.json", "too-deep");
        expected.put("mixed.jsonl:2", "not-json");
        expected.put("mixed.jsonl:1", PROCESSED);
        expected.put("html-only.html", PROCESSED);
        expected.put("good-article.txt", PROCESSED);
        expected.put("long-line.txt", PROCESSED);
        expected.put("control-chars.txt", PROCESSED);
        expected.put("places-2000.txt", PROCESSED);
        return expected;
    }

    /**
     * Fine news text with three control characters (BEL, SOH, VT) inside: under the 1% of characters above
     * which input is refused as binary.
     */
    static String withControls() {
        return "腾讯\u0007在深圳发布混元大模型\u0001。\u000b" + "百度在北京发布文心大模型4.0。阿里巴巴在杭州发布通义千问2.0。".repeat(12);
    }

    static String longLine(int chars) {
        String unit = "上海人工智能产业规模持续扩大形成了从基础研究到创新应用的全产业链布局百度发布文心大模型";
        return unit.repeat(chars / unit.length() + 1).substring(0, chars);
    }

    static String places(int count) {
        List<String> names = new ArrayList<>();
        for (String line : readLines(Project.CONFIG.resolve("cities.csv"))) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("slug,")) {
                continue;
            }
            String[] f = line.split(",", -1);
            for (int i = 2; i < f.length && i <= 3; i++) {
                Arrays.stream(f[i].split("\\|")).filter(n -> n.codePoints().anyMatch(Character::isIdeographic))
                        .forEach(names::add);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(i == 0 ? "" : "、").append(names.get(i % names.size()));
        }
        return sb.toString();
    }

    static String html() {
        return "<!DOCTYPE html><html><head><title></title><style>p { color: red; }</style></head><body>"
                + "<div class=\"nav\"><a href=\"/\"></a></div><div><p>&nbsp;</p><br/><span></span>"
                + "<img src=\"/img/202386162600/1.jpg\"></div><!-- c --><script>var x = 1;</script></body></html>";
    }

    /**
     * An article JSON; with a name, also a link of that name: the service identifies articles by link or
     * text (never by the id sent), and the produce path's files carry the same texts without links.
     */
    static byte[] article(String id, String text, Instant published) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (id != null) {
            fields.put("id", id);
            fields.put("url", linkOf(id));
        }
        fields.put("text", text);
        fields.put("publishedAt", published.toString());
        return json(fields);
    }

    static byte[] json(Map<String, Object> fields) {
        try {
            ObjectNode node = JSON.createObjectNode();
            fields.forEach((k, v) -> node.putPOJO(k, v));
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String linkOf(String name) {
        return "https://hostile.example.cn/" + name;
    }

    /** The id the service computes for a sent article: from its link, else its text. */
    private static String articleId(Sent sent) {
        try {
            JsonNode article = JSON.readTree(sent.value());
            return ArticleIds.of(article.path("url").asText(null), article.path("text").asText(""));
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean isReason(String expected) {
        return !expected.startsWith("(");
    }

    // ---------------------------------------------------------------------------------------------------
    // Kafka

    private static KafkaProducer<String, byte[]> rawProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, service.bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(8 * 1024 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64 * 1024 * 1024));
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> committedConsumer() {
        return new KafkaConsumer<>(TestConsumers.readCommittedFromStart(service.bootstrap()), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private static void readDeadLetters(long atLeast) throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = committedConsumer()) {
            consumer.subscribe(List.of(DLQ));
            Instant deadline = Instant.now().plus(WAIT);
            // the crash input may add one more: read on a little after the count is reached
            Instant settle = null;
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    DEAD.put(record.key() == null ? "(null key)@" + record.offset() : record.key(), record);
                }
                if (DEAD.size() >= atLeast && settle == null) {
                    settle = Instant.now().plusSeconds(3);
                }
                if (settle != null && Instant.now().isAfter(settle)) {
                    return;
                }
            }
            throw new AssertionError("waited " + WAIT + " for " + atLeast + " dead letters, got " + DEAD.keySet()
                    + "\n" + service.service().process().describe());
        }
    }

    private static Map<String, List<JsonNode>> eventsByArticle(Duration quiet) throws Exception {
        Map<String, List<JsonNode>> events = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = committedConsumer()) {
            consumer.subscribe(List.of(EVENTS));
            Instant until = Instant.now().plus(quiet);
            while (Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = JSON.readTree(record.value());
                    events.computeIfAbsent(event.path("articleId").asText(), k -> new ArrayList<>()).add(event);
                    until = Instant.now().plus(quiet);
                }
            }
        }
        return events;
    }

    private static JsonNode awaitEventOf(String articleId) throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = committedConsumer()) {
            consumer.subscribe(List.of(EVENTS));
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = JSON.readTree(record.value());
                    if (articleId.equals(event.path("articleId").asText())) {
                        return event;
                    }
                }
            }
        }
        throw new AssertionError("no event of " + articleId + " within " + WAIT + "\n" + service.service().process().describe());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
