package io.aipulse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.article.Article;
import io.aipulse.article.ArticleJson;
import io.aipulse.article.ArticleSources;
import io.aipulse.article.InputLimits;
import io.aipulse.article.RawTextArticleParser;
import io.aipulse.article.TimeSource;
import io.aipulse.broker.BrokerOptions;
import io.aipulse.broker.EmbeddedKafkaBroker;
import io.aipulse.config.Settings;
import io.aipulse.config.SettingsLoader;
import io.aipulse.contract.TopicValidation;
import io.aipulse.extract.Company;
import io.aipulse.extract.CompanyDirectory;
import io.aipulse.extract.DateSource;
import io.aipulse.extract.Event;
import io.aipulse.extract.EventExtractor;
import io.aipulse.extract.EventType;
import io.aipulse.extract.ExtractionSettings;
import io.aipulse.extract.Knowledge;
import io.aipulse.extract.Round;
import io.aipulse.extract.RuleBasedExtractor;
import io.aipulse.metrics.HttpEndpoints;
import io.aipulse.metrics.HttpLimits;
import io.aipulse.metrics.MicrometerStreamMetrics;
import io.aipulse.metrics.ServiceMetrics;
import io.aipulse.stream.AggregateRecord;
import io.aipulse.stream.CalendarWindow;
import io.aipulse.stream.Dimension;
import io.aipulse.stream.StreamMetrics;
import io.aipulse.stream.StreamService;
import io.aipulse.stream.Topic;
import io.aipulse.stream.Topics;
import io.aipulse.testsupport.Await;
import io.aipulse.testsupport.SeedArticles;
import io.aipulse.testsupport.TestArticle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed articles through a real broker and the real service, started the way {@code aipulse run} starts
 * it (stream service with the rule-based extractor, Micrometer metrics, HTTP endpoints) and fed the way
 * {@code aipulse produce} feeds it (raw files read by {@link ArticleSources}, oldest first, key = article id,
 * timestamp = publication time). The expectation is computed independently, offline, from the same articles.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SeedsEndToEndIT {

    private static final Path CONFIG = Path.of("config");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path stateDir;

    private static EmbeddedKafkaBroker broker;
    private static Settings settings;
    private static Topics topics;
    private static ServiceMetrics metrics;
    private static StreamService service;
    private static HttpEndpoints http;
    private static List<Article> articles;

    @BeforeAll
    static void startServiceAndProduceSeeds() throws IOException, InterruptedException {
        broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral());
        Map<String, String> options = new LinkedHashMap<>();
        options.put("bootstrap.servers", broker.bootstrapServers());
        options.put("application.id", "aipulse-seeds-it");
        options.put("http.bind", "127.0.0.1");
        options.put("http.port", "0");
        options.put("state.dir", stateDir.toString());
        options.put("config.dir", CONFIG.toString());
        settings = SettingsLoader.load(CONFIG, Map.of(), options);
        topics = Topics.from(settings);

        // as ServiceRuntime.start does for `run`
        metrics = new ServiceMetrics(settings.get("application.id"));
        Knowledge knowledge = Knowledge.load(CONFIG);
        service = StreamService.start(settings, knowledge, serviceExtractor(knowledge), articleJson(),
                new MicrometerStreamMetrics(metrics.registry()), settings.get("state.dir"), metrics::bindStreams);
        http = new HttpEndpoints(settings.get("http.bind"), settings.getInt("http.port"), metrics.registry(),
                () -> new HttpEndpoints.Health(service.state().name(), service.state() == KafkaStreams.State.RUNNING),
                HttpLimits.from(settings));
        http.start();

        // as ArticlePublisher does for `produce`
        articles = readSeeds();
        produce(articles);
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (service != null) {
            service.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void writesTheOfflineEventsAndAggregatesThemPerSectorAndShanghaiDay() throws InterruptedException {
        // given the events the offline extractor finds in the same articles
        List<Event> offline = offlineEvents();
        assertThat(offline).as("the seeds report fundings, so the offline extractor finds events").isNotEmpty();
        Map<String, Article> byId = articles.stream().collect(Collectors.toMap(Article::id, a -> a));

        Map<String, List<Event>> expected = new TreeMap<>();
        for (Event event : offline) {
            expected.computeIfAbsent(sectorDayKey(event, byId.get(event.articleId())), k -> new ArrayList<>()).add(event);
        }

        // when the service has processed the seeds (and every expected key has arrived, so a slow machine waits)
        List<Event> written = readUntilQuiet(topics.events, records -> records.size() >= offline.size());
        Map<String, AggregateRecord> latest = latestPerKey(readRecordsUntilQuiet(
                topics.aggregate(Dimension.SECTOR, CalendarWindow.DAY),
                records -> latestPerKey(records).keySet().containsAll(expected.keySet())));
        System.out.printf("offline events: %d, sector/day aggregates: %s%n", offline.size(), latest);

        // then the events topic holds exactly the offline events
        assertThat(written).extracting(Event::eventId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(offline.stream().map(Event::eventId).toList());
        assertThat(written).containsExactlyInAnyOrderElementsOf(offline);

        // and the day aggregates have one key per sector and Shanghai publication day of those events
        assertThat(latest.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());

        // and each counts the articles of its events, and at most as many events as were extracted
        expected.forEach((key, events) -> {
            AggregateRecord record = latest.get(key);
            long distinctArticles = events.stream().map(Event::articleId).distinct().count();
            assertThat(record.articles()).as("articles of %s", key).isEqualTo(distinctArticles);
            assertThat(record.events()).as("events of %s", key).isBetween(1L, (long) events.size());
            assertThat(record.byType().values().stream().mapToLong(Long::longValue).sum()).as("byType of %s", key)
                    .isEqualTo(record.events());
            assertThat(record.byType().keySet()).as("types of %s", key)
                    .isSubsetOf(events.stream().map(e -> e.type().name()).collect(Collectors.toSet()));
            assertThat(record.dimension()).isEqualTo("sector");
            assertThat(record.window()).isEqualTo("P1D");
            assertThat(record.windowStart()).as("window of %s", key).startsWith(key.substring(key.indexOf('@') + 1))
                    .endsWith("T00:00+08:00");
        });
    }

    @Test
    void everyRecordOnTheEventAggregateAndLateTopicsFollowsItsPublishedSchema() throws InterruptedException {
        // given the service has written the events of every seed
        int offline = offlineEvents().size();
        readUntilQuiet(topics.events, records -> records.size() >= offline);

        // when every output topic is read from the beginning and checked, as `aipulse validate` does
        List<String> invalid = new ArrayList<>();
        List<TopicValidation.TopicReport> reports = new TopicValidation(settings.kafkaClientProperties(), WAIT)
                .check(topics.outputSchemas(), invalid::add);
        reports.forEach(report -> System.out.printf("%s: %d records, %d invalid%n", report.topic(), report.records(),
                report.invalid().size()));

        // then there was something to check on the events and every aggregate topic, and all of it is valid
        assertThat(invalid).isEmpty();
        assertThat(reports).extracting(TopicValidation.TopicReport::topic)
                .containsExactlyElementsOf(topics.outputSchemas().keySet());
        assertThat(reports).filteredOn(report -> !report.topic().equals(topics.late.name()))
                .allSatisfy(report -> assertThat(report.records()).as(report.topic()).isPositive());
        assertThat(reports.get(0).records()).as("every event").isGreaterThanOrEqualTo(offline);
    }

    @Test
    void reportsHealthWhenRunningAndCountsTheConsumedSeedArticles() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + http.port() + "/health");
        URI metricsUri = URI.create("http://127.0.0.1:" + http.port() + "/metrics");

        // when the stream is RUNNING, /health answers 200
        Await.until("the stream to be RUNNING", WAIT, () -> service.state() == KafkaStreams.State.RUNNING);
        HttpResponse<String> healthResponse = get(client, health);
        assertThat(healthResponse.statusCode()).isEqualTo(200);
        assertThat(healthResponse.body()).contains("\"status\":\"UP\"").contains("\"state\":\"RUNNING\"");

        // and /metrics counts every seed article as consumed
        Pattern consumed = Pattern.compile("(?m)^aipulse_articles_consumed_total\\{[^}]*} (\\S+)$");
        Await.until("all seed articles consumed", WAIT, () -> {
            Matcher m = consumed.matcher(get(client, metricsUri).body());
            return m.find() && Double.parseDouble(m.group(1)) >= articles.size();
        });
        HttpResponse<String> metricsResponse = get(client, metricsUri);
        assertThat(metricsResponse.statusCode()).isEqualTo(200);
        Matcher m = consumed.matcher(metricsResponse.body());
        assertThat(m.find()).as("aipulse_articles_consumed_total in /metrics").isTrue();
        assertThat(Double.parseDouble(m.group(1))).isEqualTo(seedFileCount());
    }

    @Test
    void closesAWindowWhenALaterArticleWithoutEventsArrives(@TempDir Path ownStateDir) throws Exception {
        // given a second service instance on its own topics, with an extractor that finds one event in "融资" articles
        Map<String, String> options = new LinkedHashMap<>();
        options.put("bootstrap.servers", broker.bootstrapServers());
        options.put("application.id", "aipulse-closing-it");
        settings.withPrefix("topic.").forEach((key, name) -> {
            if (name.startsWith("aipulse.")) { // a topic name, not a topic setting
                options.put("topic." + key, "closing." + name);
            }
        });
        Settings closing = SettingsLoader.load(CONFIG, Map.of(), options);
        Topics closingTopics = Topics.from(closing);
        java.util.concurrent.atomic.AtomicInteger consumed = new java.util.concurrent.atomic.AtomicInteger();
        StreamMetrics counting = new StreamMetrics() {
            @Override public void articleConsumed() { consumed.incrementAndGet(); }
            @Override public void duplicateArticle() { }
            @Override public void deadLetter(String reason) { }
            @Override public void eventsExtracted(List<Event> events) { }
            @Override public void extractionTime(Duration elapsed) { }
            @Override public void publicationLag(Duration lag) { }
            @Override public void lateRecord(String window) { }
        };
        EventExtractor oneFunding = (article, overrides) -> !article.text().contains("融资") ? List.of()
                : List.of(new Event("e-" + article.id(), article.id(), EventType.FUNDING, "甲公司", List.of(), null,
                        "2023-07-24", DateSource.EVENT, "general", "beijing", "CN", null, Round.UNDISCLOSED, null, "甲公司完成融资",
                        null));
        try (StreamService closingService = StreamService.start(closing, Knowledge.load(CONFIG), oneFunding,
                articleJson(), counting, ownStateDir.toString(), streams -> { })) {
            // when an article with an event is followed by a quiet article three days later (past end + grace)
            produce(closing, closingTopics, List.of(
                    article("with-event", "2023-07-24T10:00+08:00", "甲公司完成融资"),
                    article("quiet", "2023-07-27T10:00+08:00", "今天没有新闻")));

            // then the day window of 07-24 has been closed with one final record, the last, holding its event
            // (an update before it is sent only if a commit interval passed between the two articles)
            List<ConsumerRecord<String, AggregateRecord>> days = readRecordsUntilQuiet(closing,
                    closingTopics.aggregate(Dimension.SECTOR, CalendarWindow.DAY), records -> !records.isEmpty(),
                    () -> consumed.get() >= 2);
            assertThat(days).extracting(ConsumerRecord::key).containsOnly("general@2023-07-24");
            assertThat(days).filteredOn(record -> record.value().isFinal()).hasSize(1);
            AggregateRecord last = days.get(days.size() - 1).value();
            assertThat(last.isFinal()).isTrue();
            assertThat(last.events()).isEqualTo(1);
            assertThat(last.articles()).isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------------------------------------------

    private static Article article(String id, String publishedAt, String text) {
        return TestArticle.withText(text).id(id).publishedAt(publishedAt).timeSource(TimeSource.METADATA).build();
    }

    private static EventExtractor serviceExtractor(Knowledge knowledge) {
        Map<String, Double> rates = new TreeMap<>();
        settings.withPrefix("fx.").forEach((currency, rate) -> rates.put(currency, Double.parseDouble(rate)));
        return new RuleBasedExtractor(knowledge, new ExtractionSettings(settings.zone(), rates));
    }

    private static ArticleJson articleJson() {
        return new ArticleJson(settings.zone(), inputLimits());
    }

    private static InputLimits inputLimits() {
        InputLimits defaults = InputLimits.defaults();
        return new InputLimits(settings.getInt("input.max.bytes"), defaults.earliest(), defaults.futureSkew(),
                defaults.maxJsonDepth());
    }

    private static List<Article> readSeeds() throws IOException {
        InputLimits limits = inputLimits();
        ArticleSources sources = new ArticleSources(new RawTextArticleParser(settings.zone(), limits), articleJson(),
                limits);
        List<ArticleSources.Item> items = sources.read(List.of(SeedArticles.DIR.toString()), System.in, Instant.now());
        assertThat(items).as("every seed is an article").allMatch(ArticleSources.Item::accepted);
        assertThat(items).hasSize(seedFileCount());
        return items.stream().map(ArticleSources.Item::article).sorted(Comparator.comparing(Article::publishedAt))
                .toList();
    }

    private static int seedFileCount() throws IOException {
        try (Stream<Path> files = Files.list(SeedArticles.DIR)) {
            return (int) files.filter(Files::isRegularFile).count();
        }
    }

    private static void produce(List<Article> toSend) {
        produce(settings, topics, toSend);
    }

    private static void produce(Settings settings, Topics topics, List<Article> toSend) {
        Properties props = settings.kafkaClientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        ArticleJson json = articleJson();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (Article article : toSend) {
                producer.send(new ProducerRecord<>(topics.articles.name(), null, article.publishedAt().toEpochMilli(),
                        article.id(), json.write(article))).get(30, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot produce the seeds", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** What `aipulse extract` computes for the same articles, with the registry the service loads into its table. */
    private static List<Event> offlineEvents() {
        Knowledge knowledge = Knowledge.load(CONFIG);
        Map<String, Company> registry = new HashMap<>();
        knowledge.companies().forEach(company -> registry.put(company.name(), company));
        CompanyDirectory directory = name -> Optional.ofNullable(registry.get(name));
        EventExtractor extractor = new RuleBasedExtractor(knowledge, ExtractionSettings.defaults());
        List<Event> events = new ArrayList<>();
        articles.forEach(article -> events.addAll(extractor.extract(article, directory)));
        return events;
    }

    private static String sectorDayKey(Event event, Article article) {
        String sector = event.sector() == null || event.sector().isBlank() ? "unknown" : event.sector();
        LocalDate day = article.publishedAt().atZone(SHANGHAI).toLocalDate();
        return sector + "@" + day;
    }

    /**
     * Reads a topic from the beginning with a read_committed consumer until its records are {@code enough},
     * every seed article has been consumed, and nothing new arrived for a while (the records stop changing).
     */
    private static <V> List<V> readUntilQuiet(Topic<String, V> topic, Predicate<List<ConsumerRecord<String, V>>> enough)
            throws InterruptedException {
        return readRecordsUntilQuiet(topic, enough).stream().map(ConsumerRecord::value).toList();
    }

    private static <V> List<ConsumerRecord<String, V>> readRecordsUntilQuiet(Topic<String, V> topic,
            Predicate<List<ConsumerRecord<String, V>>> enough) throws InterruptedException {
        return readRecordsUntilQuiet(settings, topic, enough, () -> consumedArticles() >= articles.size());
    }

    /** The latest record per output key: what a compacted topic converges to. */
    private static Map<String, AggregateRecord> latestPerKey(List<ConsumerRecord<String, AggregateRecord>> records) {
        Map<String, AggregateRecord> latest = new TreeMap<>();
        for (ConsumerRecord<String, AggregateRecord> record : records) {
            assertThat(record.key()).isEqualTo(record.value().outputKey());
            latest.put(record.key(), record.value());
        }
        return latest;
    }

    private static <V> List<ConsumerRecord<String, V>> readRecordsUntilQuiet(Settings settings, Topic<String, V> topic,
            Predicate<List<ConsumerRecord<String, V>>> enough, BooleanSupplier inputDone) throws InterruptedException {
        Properties props = settings.kafkaClientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Deserializer<V> values = topic.valueSerde().deserializer();
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(WAIT);
            Instant lastChange = Instant.now();
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                    lastChange = Instant.now();
                }
                boolean quiet = Instant.now().isAfter(lastChange.plus(QUIET));
                if (quiet && inputDone.getAsBoolean() && enough.test(records)) {
                    return records;
                }
            }
        }
        throw new AssertionError("topic " + topic.name() + " did not settle within " + WAIT + ": " + records.size()
                + " records, input done: " + inputDone.getAsBoolean());
    }

    private static double consumedArticles() {
        var counter = metrics.registry().find("aipulse.articles.consumed").counter();
        return counter == null ? 0 : counter.count();
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) {
        try {
            return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
