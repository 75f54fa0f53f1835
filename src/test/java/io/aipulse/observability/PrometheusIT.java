package io.aipulse.observability;

import static io.aipulse.observability.ObservabilityFiles.PROMETHEUS_LOCAL;
import static io.aipulse.observability.ObservabilityFiles.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aipulse.broker.BrokerOptions;
import io.aipulse.broker.EmbeddedKafkaBroker;
import io.aipulse.extract.EventType;
import io.aipulse.metrics.MetricTags;
import io.aipulse.query.QueryRequests;
import io.aipulse.stream.AipulseTopology;
import io.aipulse.testsupport.Await;
import io.aipulse.testsupport.ChildProcess;
import io.aipulse.testsupport.FreePort;
import io.aipulse.testsupport.Project;
import io.aipulse.testsupport.SeedArticles;
import io.aipulse.testsupport.ServiceJar;
import io.aipulse.testsupport.ServiceProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The observability files against the real thing: a broker, the service jar as a child process
 * ({@code run}, as in production), the seeds produced by the {@code produce} command plus one invalid
 * record, and Debian's Prometheus started with the project's own scrape config (target replaced by the
 * service's port, 1 s scrapes) and alert rules.
 *
 * <p>Checks: /metrics carries the seeds' numbers (events by type equal what the {@code extract} command
 * finds on the same files, computed now, never hard-coded; by sector and by city the same total, with
 * per-value differences printed, since the stream uses the live company table); every alert rule
 * parses and evaluates; every dashboard query (Grafana variables replaced as
 * {@link ObservabilityFiles#GRAFANA_VARIABLES} documents) parses and returns data.
 *
 * <p>Needs the {@code prometheus} program (.ci/run installs Debian's package); {@code -Dprometheus.skip=true}
 * skips these tests. Logs and Prometheus' data stay in {@code target/prometheus-it/}.
 */
class PrometheusIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration DATA = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static EmbeddedKafkaBroker broker;
    private static Path work;
    private static ServiceProcess service;
    private static ChildProcess prometheus;
    private static Path prometheusBin;
    private static URI prometheusUri;
    private static int sent;
    private static List<JsonNode> expectedEvents;

    @BeforeAll
    static void startServicePrometheusAndProduceTheSeeds() throws Exception {
        prometheusBin = ExternalTool.require("prometheus", "prometheus", "prometheus");
        work = Project.freshDirUnderTarget("prometheus-it");

        broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral());
        service = ServiceJar.run(broker.bootstrapServers()).stateDir(work.resolve("state"))
                .set("http.bind", "127.0.0.1").start("service", work);
        service.awaitRunning(STARTUP);

        prometheus = startPrometheus(service.httpPort());
        // a scrape of the RUNNING service before any article: every counter starts at 0 in Prometheus,
        // so rate() and increase() see the seeds
        service.await("Prometheus has scraped the RUNNING service with its Kafka Streams metrics", STARTUP,
                () -> !result(query("aipulse_stream_state{state=\"RUNNING\"} == 1")).isEmpty()
                        && !result(query("kafka_stream_client_state")).isEmpty()
                        && !result(query("aipulse_events_extracted_total")).isEmpty());

        ChildProcess.Result produced = ServiceJar.runToEnd("produce", work, STARTUP, "256m", "produce", "--bootstrap",
                broker.bootstrapServers(), SeedArticles.DIR + "/");
        assertThat(produced.exitCode()).as("produce seeds/: %s %s", produced.stdout(), produced.stderr()).isZero();
        Matcher counts = Pattern.compile("sent (\\d+), refused (\\d+)").matcher(produced.stdout());
        assertThat(counts.find()).as("produce prints what it sent: %s", produced.stdout()).isTrue();
        sent = Integer.parseInt(counts.group(1));
        assertThat(sent).as("seed articles sent").isPositive();
        sendOneInvalidRecord();

        ChildProcess.Result extracted = ServiceJar.runToEnd("extract", work, STARTUP, "512m", "extract",
                SeedArticles.DIR + "/");
        assertThat(extracted.exitCode()).as("extract seeds/: %s", extracted.stderr()).isZero();
        expectedEvents = new ArrayList<>();
        for (String line : extracted.stdout().split("\n")) {
            if (!line.isBlank()) {
                expectedEvents.add(JSON.readTree(line));
            }
        }

        // every record consumed, every accepted article through extraction
        service.await("the service has processed the seeds and the invalid record", STARTUP, () -> {
            MetricsText metrics = service.metrics();
            return metrics.sum("aipulse_articles_consumed_total") >= sent + 1
                    && metrics.sum("aipulse_extraction_time_seconds_count")
                    + metrics.sum("aipulse_articles_duplicates_total") >= sent;
        });
    }

    @AfterAll
    static void stopEverything() {
        for (AutoCloseable resource : new AutoCloseable[] {service, prometheus, broker}) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception e) {
                    System.err.println("stopping " + resource + ": " + e);
                }
            }
        }
    }

    @Test
    void metricsEndpointShowsTheSeedsNumbers() throws Exception {
        // Kafka metrics created after the bind (a partition's lag exists after its first fetch) appear at
        // the binder's next rescan
        service.await("the consumer lag of the input topic on /metrics", DATA, () -> service.metrics()
                .named("kafka_consumer_fetch_manager_records_lag").stream()
                .anyMatch(s -> articlesTopic().equals(s.label("topic"))));
        MetricsText metrics = service.metrics();

        assertThat(metrics.sum("aipulse_articles_duplicates_total"))
                .as("the seeds are distinct articles (the comparison with extract assumes it)").isZero();
        assertThat(metrics.sum("aipulse_articles_consumed_total")).as("seeds + 1 invalid record").isEqualTo(sent + 1);
        assertThat(metrics.sum("aipulse_deadletters_total")).as("the invalid record").isEqualTo(1);
        assertThat(metrics.sum("aipulse_deadletters_total", s -> MetricTags.OTHER.equals(s.label("reason"))))
                .as("the reason is a known one").isZero();
        assertThat(metrics.sum("aipulse_extraction_time_seconds_count")).isEqualTo(sent);
        assertThat(metrics.sum("aipulse_publication_lag_seconds_count")).isEqualTo(sent);

        assertThat(nonZero(metrics.sumBy("aipulse_events_extracted_total", "type")))
                .as("events by type on /metrics = what `extract seeds/` finds")
                .isEqualTo(expectedBy(event -> event.path("type").asText()));
        // Sector and city: every event once in each. They can legitimately differ from `extract` by
        // event: the stream looks companies up in the live company table (corrections produced at
        // runtime win), `extract` in the bundled registry. Differences are reported, not failed.
        assertThat(metrics.sum("aipulse_events_extracted_total")).as("all events, summed over type and sector")
                .isEqualTo(expectedEvents.size());
        assertThat(metrics.sum("aipulse_events_extracted_by_city_total")).as("all events, summed over city")
                .isEqualTo(expectedEvents.size());
        reportDifference("sector", nonZero(metrics.sumBy("aipulse_events_extracted_total", "sector")),
                expectedBy(event -> MetricTags.sector(text(event, "sector"))));
        reportDifference("city", nonZero(metrics.sumBy("aipulse_events_extracted_by_city_total", "city")),
                expectedBy(event -> MetricTags.city(text(event, "city"))));
        assertThat(metrics.sumBy("aipulse_events_extracted_total", "type").keySet())
                .as("every event type has a series from the start")
                .containsAll(Stream.of(EventType.values()).map(Enum::name).toList());

        assertThat(metrics.sum("aipulse_stream_state", s -> "RUNNING".equals(s.label("state")))).isEqualTo(1);
        assertThat(metrics.sum("aipulse_meter_registration_failures_total"))
                .as("meters the Prometheus registry refused (same name, other tag keys)").isZero();
        for (String name : List.of("kafka_stream_client_state", "kafka_stream_alive_stream_threads",
                "kafka_stream_failed_stream_threads_total", "kafka_stream_thread_thread_state",
                "kafka_stream_thread_commit_latency_avg", "kafka_stream_thread_process_latency_avg",
                "kafka_stream_thread_process_rate", "kafka_stream_task_dropped_records_total",
                "kafka_consumer_fetch_manager_records_lag", "jvm_memory_used_bytes", "process_cpu_usage")) {
            assertThat(metrics.has(name)).as("/metrics has %s", name).isTrue();
        }
        assertThat(metrics.samples()).allMatch(s -> s.labels().containsKey("application"),
                "every sample has the common tag application");

        Set<String> stores = new TreeSet<>();
        metrics.samples().stream().filter(s -> s.name().startsWith("kafka_stream_state_"))
                .forEach(s -> {
                    assertThat(s.labels().keySet()).as("store tag of %s", s)
                            .allMatch(key -> key.equals("state_id") || !key.endsWith("_state_id"));
                    if (s.label("state_id") != null) {
                        stores.add(s.label("state_id"));
                    }
                });
        assertThat(stores).as("state-store metrics of every store, whatever its type")
                .contains(AipulseTopology.SEEN_ARTICLES_STORE, AipulseTopology.WINDOW_STORE,
                        AipulseTopology.RESULT_STORE, AipulseTopology.COMPANY_STORE);
    }

    @Test
    void healthAnswersReadinessAndLivenessFromTheStreamState() throws Exception {
        for (String path : List.of("/health", "/health/ready", "/health/live")) {
            HttpResponse<String> response = service.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"state\":\"RUNNING\"");
        }
    }

    @Test
    void everyAlertRuleParsesAndEvaluates() throws Exception {
        List<ObservabilityFiles.AlertRule> rules = ObservabilityFiles.alertRules();
        assertThat(rules).isNotEmpty();
        for (ObservabilityFiles.AlertRule rule : rules) {
            JsonNode answer = query(rule.expr());
            assertThat(answer.path("status").asText()).as("alert %s: %s -> %s", rule.name(), rule.expr(), answer)
                    .isEqualTo("success");
        }
        // Prometheus loaded the file and evaluates every rule without error
        service.await("every alert rule evaluated", DATA, () -> {
            Map<String, JsonNode> loaded = loadedRules();
            return loaded.keySet().containsAll(rules.stream().map(ObservabilityFiles.AlertRule::name).toList())
                    && loaded.values().stream().noneMatch(r -> r.path("lastEvaluation").asText().startsWith("0001"));
        });
        Map<String, JsonNode> loaded = loadedRules();
        for (ObservabilityFiles.AlertRule rule : rules) {
            JsonNode state = loaded.get(rule.name());
            assertThat(state.path("health").asText()).as("rule %s: %s", rule.name(), state).isEqualTo("ok");
        }
    }

    @Test
    void everyDashboardQueryReturnsDataAfterTheSeeds() throws Exception {
        service.await("Prometheus has scraped the counts after the seeds", DATA, () -> {
            JsonNode r = result(query("sum(aipulse_articles_consumed_total)"));
            return !r.isEmpty() && r.get(0).path("value").get(1).asDouble() >= sent + 1;
        });
        List<ObservabilityFiles.PanelQuery> queries = ObservabilityFiles.dashboardQueries();
        assertThat(queries).isNotEmpty();
        Map<ObservabilityFiles.PanelQuery, JsonNode> pending = new LinkedHashMap<>();
        for (ObservabilityFiles.PanelQuery q : queries) {
            JsonNode answer = query(q.promql());
            assertThat(answer.path("status").asText()).as("%s (sent as %s) -> %s", q, q.promql(), answer)
                    .isEqualTo("success");
            pending.put(q, answer);
        }
        Map<ObservabilityFiles.PanelQuery, JsonNode> withData = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(DATA);
        while (true) {
            for (ObservabilityFiles.PanelQuery q : List.copyOf(pending.keySet())) {
                JsonNode answer = query(q.promql());
                pending.put(q, answer);
                if (!result(answer).isEmpty()) {
                    withData.put(q, answer);
                    pending.remove(q);
                    System.out.printf("data after %d ms: %s -> %s%n",
                            Duration.between(deadline.minus(DATA), Instant.now()).toMillis(), q, result(answer));
                }
            }
            if (pending.isEmpty() || Instant.now().isAfter(deadline)) {
                break;
            }
            Thread.sleep(1000);
        }
        if (!pending.isEmpty()) {
            StringBuilder message = new StringBuilder("dashboard queries without data after the seeds:");
            pending.forEach((q, answer) -> message.append("\n  ").append(q).append("\n    -> ").append(answer));
            fail(message.toString());
        }
        for (ObservabilityFiles.PanelQuery q : ObservabilityFiles.annotationQueries()) {
            JsonNode answer = query(q.promql());
            assertThat(answer.path("status").asText()).as("%s (sent as %s) -> %s", q, q.promql(), answer)
                    .isEqualTo("success");
        }
        for (ObservabilityFiles.PanelQuery q : ObservabilityFiles.variableQueries()) {
            assertThat(result(query(q.promql()))).as("values of %s (sent as %s)", q, q.promql()).isNotEmpty();
        }
        if (!expectedEvents.isEmpty()) {
            for (String panel : List.of("Events extracted by sector (processing counter)",
                    "Top cities extracted (processing counter)", "Events by sector, week of $week",
                    "Top cities, week of $week", "Events by type, week of $week", "Events by sector, day $day")) {
                double total = withData.entrySet().stream().filter(e -> e.getKey().panel().equals(panel))
                        .flatMap(e -> stream(result(e.getValue())))
                        .mapToDouble(sample -> sample.path("value").get(1).asDouble()).sum();
                assertThat(total).as("panel '%s' counts the seeds' events", panel).isPositive();
            }
        }
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsQueryIsOnMetricsAndTheScrapeIsSmall() throws Exception {
        awaitWindowGauges();
        Set<String> queried = new TreeSet<>();
        List<String> expressions = new ArrayList<>();
        ObservabilityFiles.dashboardQueries().forEach(q -> expressions.add(q.expr()));
        ObservabilityFiles.annotationQueries().forEach(q -> expressions.add(q.expr()));
        ObservabilityFiles.variableQueries().forEach(q -> expressions.add(q.expr()));
        ObservabilityFiles.alertRules().forEach(rule -> expressions.add(rule.expr()));
        Pattern name = Pattern.compile("\\b(?:aipulse|kafka|jvm|process|system)_[a-z0-9_]+");
        for (String expr : expressions) {
            Matcher m = name.matcher(expr);
            while (m.find()) {
                queried.add(m.group());
            }
        }
        MetricsText metrics = service.metrics();
        assertThat(queried).as("metric names the dashboard and alerts query").hasSizeGreaterThan(20);
        assertThat(queried).as("every one of them is on /metrics after the Kafka meter filter")
                .allMatch(metrics::has);

        // the scrape as Prometheus gets it (gzip) and as a plain client gets it
        HttpResponse<byte[]> gzipped = HTTP.send(HttpRequest.newBuilder(service.uri("/metrics"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> plain = HTTP.send(HttpRequest.newBuilder(service.uri("/metrics")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long kafkaNames = metrics.samples().stream().map(MetricsText.Sample::name).filter(n -> n.startsWith("kafka_"))
                .distinct().count();
        System.out.printf("/metrics after the seeds: %d bytes, %d gzip-compressed; %d kafka_* names%n",
                plain.body().length, gzipped.body().length, kafkaNames);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 4);
        assertThat(kafkaNames).as("Kafka meter names exported").isLessThanOrEqualTo(20);
    }

    @Test
    void theWindowGaugesAreTheAggregatesTheQueryApiServes() throws Exception {
        awaitWindowGauges();
        List<String> differences = new ArrayList<>();
        service.await("the window gauges equal the query API", DATA, () -> {
            differences.clear();
            differences.addAll(gaugesAgainstApi(service.metrics()));
            return differences.isEmpty();
        });
        assertThat(differences).isEmpty();
    }

    /** Each exported (window, start, sector or city) against GET /api/v1/aggregates/...: the differences. */
    private static List<String> gaugesAgainstApi(MetricsText metrics) throws Exception {
        List<String> differences = new ArrayList<>();
        Map<List<String>, Double> bySector = new TreeMap<>(Comparator.comparing(Object::toString));
        metrics.named("aipulse_window_events").forEach(s -> bySector.merge(
                List.of(s.label("window"), s.label("start"), s.label("sector")), s.value(), Double::sum));
        Map<List<String>, Double> funding = new TreeMap<>(Comparator.comparing(Object::toString));
        metrics.named("aipulse_window_funding_min_cny").forEach(s -> funding.merge(
                List.of(s.label("window"), s.label("start"), s.label("sector")), s.value(), Double::sum));
        Map<List<String>, Double> byCity = new TreeMap<>(Comparator.comparing(Object::toString));
        metrics.named("aipulse_window_events_by_city").forEach(s -> byCity.merge(
                List.of(s.label("window"), s.label("start"), s.label("city")), s.value(), Double::sum));
        int compared = 0;
        for (Map.Entry<List<String>, Double> gauge : bySector.entrySet()) {
            if (!MetricTags.OTHER.equals(gauge.getKey().get(2))) {
                JsonNode aggregate = apiAggregate("sector", gauge.getKey());
                compare(differences, "events", gauge, aggregate.path("events").asDouble());
                compare(differences, "funding", Map.entry(gauge.getKey(), funding.get(gauge.getKey())),
                        aggregate.path("fundingCnyMin").asDouble());
                compared++;
            }
        }
        for (Map.Entry<List<String>, Double> gauge : byCity.entrySet()) {
            if (!MetricTags.OTHER.equals(gauge.getKey().get(2))) {
                compare(differences, "events", gauge, apiAggregate("city", gauge.getKey()).path("events").asDouble());
                compared++;
            }
        }
        if (compared == 0) {
            differences.add("no sector or city gauge to compare");
        }
        return differences;
    }

    private static JsonNode apiAggregate(String dimension, List<String> windowStartKey) throws Exception {
        String start = windowStartKey.get(1);
        HttpResponse<String> response = service.get(QueryRequests.PREFIX + dimension + "/" + windowStartKey.get(2)
                + "?window=" + windowStartKey.get(0) + "&from=" + start + "&to=" + start);
        assertThat(response.statusCode()).as("%s %s: %s", dimension, windowStartKey, response.body()).isEqualTo(200);
        JsonNode aggregates = JSON.readTree(response.body()).path("aggregates");
        return aggregates.size() == 1 ? aggregates.get(0) : JSON.createObjectNode().put("events", -1);
    }

    private static void compare(List<String> differences, String what, Map.Entry<List<String>, Double> gauge,
                                double api) {
        double exported = gauge.getValue() == null ? 0 : gauge.getValue();
        if (exported != api) {
            differences.add(what + " " + gauge.getKey() + ": gauge " + exported + ", API " + api);
        }
    }

    /** The window gauges exist once the aggregation has stored the seeds' windows. */
    private static void awaitWindowGauges() throws Exception {
        service.await("the day and week aggregates exported", DATA, () -> {
            MetricsText metrics = service.metrics();
            return metrics.named("aipulse_window_events").stream().map(s -> s.label("window")).distinct().count() == 2
                    && metrics.has("aipulse_window_events_by_city");
        });
    }

    // --- the stack ---------------------------------------------------------------------------------

    /** Prometheus on a free loopback port, with the shipped config pointed at the service. */
    private static ChildProcess startPrometheus(int servicePort) throws Exception {
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, ObservabilityFiles.yaml().writeValueAsString(prometheusConfig(servicePort)));
        AssertionError last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            int port = FreePort.onLoopback();
            ChildProcess child = ChildProcess.start("prometheus-" + attempt, work, work, List.of(
                    prometheusBin.toString(),
                    "--config.file=" + config,
                    "--storage.tsdb.path=" + work.resolve("tsdb-" + attempt),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--storage.tsdb.retention.time=1d"));
            prometheusUri = URI.create("http://127.0.0.1:" + port);
            try {
                Await.until("Prometheus is ready", STARTUP, () -> {
                    child.assertAlive();
                    return get(prometheusUri.resolve("/-/ready")).statusCode() == 200;
                }, child::describe);
                return child;
            } catch (AssertionError e) {
                child.close();
                last = e; // most likely the port was taken between picking and binding it: try another
            }
        }
        throw last;
    }

    /**
     * config/prometheus/prometheus.yml with the aipulse job's target replaced by the service's port,
     * 1 s scrapes and evaluations, and rule files as absolute paths.
     */
    static ObjectNode prometheusConfig(int servicePort) {
        ObjectNode config = (ObjectNode) ObservabilityFiles.readYaml(PROMETHEUS_LOCAL);
        ObjectNode global = config.has("global") ? (ObjectNode) config.get("global") : config.putObject("global");
        global.put("scrape_interval", "1s");
        global.put("scrape_timeout", "1s");
        global.put("evaluation_interval", "1s");
        ArrayNode ruleFiles = JSON.createArrayNode();
        for (JsonNode file : config.path("rule_files")) {
            ruleFiles.add(PROMETHEUS_LOCAL.getParent().resolve(file.asText()).toAbsolutePath().normalize().toString());
        }
        assertThat(ruleFiles).as("rule_files of %s", PROMETHEUS_LOCAL).isNotEmpty();
        config.set("rule_files", ruleFiles);
        int jobs = 0;
        for (JsonNode scrape : config.path("scrape_configs")) {
            if ("aipulse".equals(scrape.path("job_name").asText())) {
                jobs++;
                ObjectNode job = (ObjectNode) scrape;
                job.remove(List.of("scrape_interval", "scrape_timeout"));
                ArrayNode targets = JSON.createArrayNode().add("127.0.0.1:" + servicePort);
                ArrayNode staticConfigs = job.putArray("static_configs");
                staticConfigs.addObject().set("targets", targets);
            }
        }
        assertThat(jobs).as("job 'aipulse' in %s", PROMETHEUS_LOCAL).isEqualTo(1);
        return config;
    }

    private static void sendOneInvalidRecord() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(articlesTopic(), "prometheus-it-invalid",
                    "{\"title\": \"truncated".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static String articlesTopic() {
        Properties defaults = new Properties();
        try (InputStream in = Files.newInputStream(ROOT.resolve("config/application.properties"))) {
            defaults.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return defaults.getProperty("topic.articles", "aipulse.articles");
    }

    // --- HTTP ----------------------------------------------------------------------------------------

    /** GET /api/v1/query: the whole answer ({@code status}, {@code data.result} or {@code error}). */
    static JsonNode query(String promql) throws Exception {
        URI uri = URI.create(prometheusUri + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        return JSON.readTree(get(uri).body());
    }

    private static JsonNode result(JsonNode answer) {
        JsonNode result = answer.path("data").path("result");
        return result.isArray() ? result : JSON.createArrayNode();
    }

    private static Map<String, JsonNode> loadedRules() throws Exception {
        Map<String, JsonNode> rules = new TreeMap<>();
        JsonNode answer = JSON.readTree(get(prometheusUri.resolve("/api/v1/rules")).body());
        for (JsonNode group : answer.path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.put(rule.path("name").asText(), rule);
            }
        }
        return rules;
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static Map<String, Double> expectedBy(Function<JsonNode, String> key) {
        Map<String, Double> counts = new TreeMap<>();
        expectedEvents.forEach(event -> counts.merge(key.apply(event), 1.0, Double::sum));
        return counts;
    }

    private static void reportDifference(String dimension, Map<String, Double> stream, Map<String, Double> offline) {
        if (!stream.equals(offline)) {
            System.out.printf("NOTE: events by %s differ between the stream (/metrics) %s and `extract seeds/` %s%n",
                    dimension, stream, offline);
        }
    }

    private static Map<String, Double> nonZero(Map<String, Double> sums) {
        Map<String, Double> result = new TreeMap<>();
        sums.forEach((key, value) -> {
            if (value != 0) {
                result.put(key, value);
            }
        });
        return result;
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

}
