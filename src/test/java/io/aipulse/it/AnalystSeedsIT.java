package io.aipulse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aipulse.broker.BrokerOptions;
import io.aipulse.broker.EmbeddedKafkaBroker;
import io.aipulse.observability.ExternalTool;
import io.aipulse.testsupport.Await;
import io.aipulse.testsupport.ChildProcess;
import io.aipulse.testsupport.FreePort;
import io.aipulse.testsupport.OpenApiContract;
import io.aipulse.testsupport.Project;
import io.aipulse.testsupport.SeedArticles;
import io.aipulse.testsupport.ServiceJar;
import io.aipulse.testsupport.ServiceProcess;
import io.aipulse.testsupport.TestConsumers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What an analyst sees, on the seeds: the service as production runs it ({@code target/aipulse.jar run},
 * with {@code application.server} set, against the in-process broker), fed by {@code produce seeds/}. The
 * list API is checked against the aggregate topics and the per-group API, every answer against
 * {@code docs/openapi.yaml}, and the page at {@code /} as a real headless Chromium renders it against the
 * API; the page's screenshot is saved as {@code docs/images/analyst-page.png} (the README shows it).
 *
 * <p>The page tests need Debian's {@code chromium} (.ci/run installs it); {@code -Dchromium.skip=true} skips
 * them on a machine without it.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class AnalystSeedsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST = "/api/v1/aggregates/";
    private static final List<String> DIMENSIONS = List.of("sector", "city", "sector-city");
    private static final Map<String, String> SIZES = Map.of("P1D", "1d", "P7D", "1w");
    static final Path SCREENSHOT = Project.ROOT.resolve("docs/images/analyst-page.png");

    private static EmbeddedKafkaBroker broker;
    private static ServiceProcess service;
    private static Path work;
    private static final OpenApiContract CONTRACT = OpenApiContract.load();

    @BeforeAll
    static void runTheServiceOnTheSeeds() throws IOException {
        work = Project.freshDirUnderTarget("analyst-it");
        broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral());
        int port = FreePort.onLoopback();
        service = ServiceJar.run(broker.bootstrapServers()).httpPort(port).stateDir(work.resolve("state"))
                .set("http.bind", "127.0.0.1").set("application.server", "127.0.0.1:" + port)
                .start("service", work);
        service.awaitRunning(Duration.ofMinutes(2));
        ChildProcess.Result produced = ServiceJar.runToEnd("produce", work, Duration.ofMinutes(2), "256m", "produce",
                "--config-dir", Project.CONFIG.toString(), "--bootstrap", broker.bootstrapServers(),
                SeedArticles.DIR.toString());
        assertThat(produced.exitCode()).as("produce seeds/: %s", produced.stderr()).isZero();
        int seeds = SeedArticles.files().size();
        service.await("every seed article consumed", Duration.ofMinutes(2),
                () -> service.metrics().sum("aipulse_articles_consumed_total") >= seeds);
        // the aggregates of the last articles are emitted at the next commit: wait until the lists stop changing
        Map<String, String> last = new TreeMap<>();
        long[] stableSince = {System.nanoTime()};
        service.await("the aggregate lists to settle", Duration.ofMinutes(1), () -> {
            Map<String, String> now = new TreeMap<>();
            for (String dimension : DIMENSIONS) {
                for (String window : SIZES.keySet()) {
                    now.put(dimension + window, get(LIST + dimension + "?window=" + window).body());
                }
            }
            if (!now.equals(last)) {
                last.clear();
                last.putAll(now);
                stableSince[0] = System.nanoTime();
            }
            return System.nanoTime() - stableSince[0] > Duration.ofSeconds(3).toNanos();
        });
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
    void listsEverySectorOfTheSummerWeeksWithTheNumbersOfThePerKeyEndpoint() {
        // when an analyst asks for all sectors of the weeks of July and August 2023
        String range = "window=P7D&from=2023-07-01&to=2023-08-31";
        HttpResponse<String> response = get(LIST + "sector?" + range);

        // then the answer holds every sector key of those weeks on the aggregate topic, each once
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode list = json(response.body());
        Map<String, JsonNode> listed = byKeyAndWeek(list.path("aggregates"));
        Map<String, JsonNode> onTopic = latestOnTopic("aipulse.agg.sector.1w", LocalDate.parse("2023-07-01"),
                LocalDate.parse("2023-08-31"));
        assertThat(onTopic).as("the seeds have sector weeks in July and August 2023").isNotEmpty();
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(onTopic.keySet());
        assertThat(list.path("aggregates")).hasSameSizeAs(listed.values());

        // and every record is the one the per-key endpoint answers for that sector, number for number
        SoftAssertions softly = new SoftAssertions();
        for (String sector : new TreeSet<>(keysOf(list))) {
            JsonNode one = json(get(LIST + "sector/" + encode(sector) + "?" + range).body());
            softly.assertThat(one.path("aggregates")).as("sector %s", sector)
                    .containsExactlyElementsOf(recordsOf(list, sector));
        }
        listed.forEach((keyAndWeek, record) -> softly.assertThat(record).as("%s as on the topic", keyAndWeek)
                .isEqualTo(onTopic.get(keyAndWeek)));
        softly.assertAll();
        System.out.printf("sector weeks of July-August 2023: %d keys %s%n", listed.size(), listed.keySet());
    }

    @Test
    void listsEveryGroupOfEveryDimensionAndWindowAsTheTopicsAndThePerKeyEndpointHoldThem() {
        SoftAssertions softly = new SoftAssertions();
        int records = 0;
        for (String dimension : DIMENSIONS) {
            for (Map.Entry<String, String> size : SIZES.entrySet()) {
                // when every group of a dimension is asked for, without a range
                JsonNode list = json(get(LIST + dimension + "?window=" + size.getKey()).body());
                String topic = "aipulse.agg." + dimension + "." + size.getValue();

                // then the answer is what the topic's latest records say, and what each group's own query says
                Map<String, JsonNode> onTopic = latestOnTopic(topic, LocalDate.MIN, LocalDate.MAX);
                softly.assertThat(byKeyAndWeek(list.path("aggregates"))).as(topic).isEqualTo(onTopic);
                for (String key : new TreeSet<>(keysOf(list))) {
                    JsonNode one = json(get(LIST + dimension + "/" + encode(key) + "?window=" + size.getKey()).body());
                    softly.assertThat(one.path("aggregates")).as("%s %s", topic, key)
                            .containsExactlyElementsOf(recordsOf(list, key));
                }
                records += list.path("aggregates").size();
            }
        }
        softly.assertAll();
        assertThat(records).as("aggregates listed").isPositive();
    }

    @Test
    void everyAnswerOfTheQueryApiFollowsTheOpenApiDocument() {
        List<String> asked = new ArrayList<>();
        for (String dimension : DIMENSIONS) {
            for (String window : SIZES.keySet()) {
                asked.add(LIST + dimension + "?window=" + window);
                asked.add(LIST + dimension + "?window=" + window + "&from=2023-07-01&to=2023-08-31");
                JsonNode list = json(get(LIST + dimension + "?window=" + window).body());
                keysOf(list).stream().distinct().forEach(key -> asked.add(LIST + dimension + "/" + encode(key)
                        + "?window=" + window));
            }
        }
        // and the refusals (paths outside the document's two templates are 404s it does not describe: SecurityIT)
        asked.addAll(List.of(LIST + "sector", LIST + "sector/no-such-sector", LIST + "bogus", LIST + "sector?window=P2D",
                LIST + "sector?from=2023-13-01", LIST + "sector?nope=1", LIST + "city/beijing?to=yesterday",
                LIST + "bogus/x", LIST + "sector/x?from=2023-08-01&to=2023-07-01"));
        SoftAssertions softly = new SoftAssertions();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (String path : asked) {
            HttpResponse<String> response = get(path);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            softly.assertThat(CONTRACT.problems("GET", path, response.statusCode(), response.body()))
                    .as("GET %s -> %d %s", path, response.statusCode(), response.body()).isEmpty();
        }
        // the document describes the 405 that any other method gets under the GET operation of its path
        HttpResponse<String> post = send("POST", LIST + "sector");
        softly.assertThat(post.statusCode()).isEqualTo(405);
        softly.assertThat(CONTRACT.problems("GET", LIST + "sector", post.statusCode(), post.body()))
                .as("POST -> %d %s", post.statusCode(), post.body()).isEmpty();
        softly.assertAll();
        System.out.printf("%d answers validated against docs/openapi.yaml: statuses %s%n", asked.size() + 1, statuses);
        assertThat(statuses).containsKeys(200, 400);
    }

    @Test
    void thePageInChromiumShowsTheNumbersOfTheApiForEachWeekAndDay() {
        Path chromium = ExternalTool.require("chromium", "chromium", "chromium");
        SoftAssertions softly = new SoftAssertions();
        int windows = 0;
        for (String window : SIZES.keySet()) {
            for (LocalDate start : windowStarts(window)) {
                // when the analyst opens the page of one window in a real browser
                Document page = render(chromium, "/?window=" + window + "&date=" + start);

                // then every figure it shows is the API's
                checkPageAgainstApi(softly, page, window, start);
                windows++;
            }
        }
        softly.assertAll();
        System.out.printf("the page of %d windows with events checked against the API%n", windows);
        assertThat(windows).as("windows with events checked").isGreaterThanOrEqualTo(2);
    }

    @Test
    void thePageOpensOnTheLatestWeekWithEventsAndLinksToTheWeeksAround() {
        Path chromium = ExternalTool.require("chromium", "chromium", "chromium");
        TreeSet<LocalDate> weeks = windowStarts("P7D");

        // when the analyst opens / with no choice made
        Document page = render(chromium, "/");

        // then it shows the latest week with events, with the API's numbers
        SoftAssertions softly = new SoftAssertions();
        checkPageAgainstApi(softly, page, "P7D", weeks.last());
        softly.assertAll();

        // and links to the calendar weeks before and after it, and to the previous week with events
        assertThat(page.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/?window=P7D&date=" + weeks.last().minusWeeks(1));
        assertThat(page.selectFirst("a[rel=next]").attr("href")).isEqualTo("/?window=P7D&date=" + weeks.last().plusWeeks(1));
        assertThat(page.selectFirst("a[rel=prev-events]").attr("href"))
                .isEqualTo("/?window=P7D&date=" + weeks.lower(weeks.last()));
        assertThat(page.select("p.windows a")).extracting(Element::text)
                .containsExactlyElementsOf(weeks.descendingSet().stream().map(LocalDate::toString).toList());
    }

    @Test
    void savesAScreenshotOfTheBusiestWeekForTheReadme() throws IOException {
        Path chromium = ExternalTool.require("chromium", "chromium", "chromium");
        // the week with most events shows the most of the page
        Map<LocalDate, Long> eventsByWeek = new TreeMap<>();
        json(get(LIST + "sector?window=P7D").body()).path("aggregates").forEach(r -> eventsByWeek.merge(
                LocalDate.parse(r.path("windowStart").asText().substring(0, 10)), r.path("events").asLong(), Long::sum));
        LocalDate busiest = eventsByWeek.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Files.createDirectories(SCREENSHOT.getParent());
        Path shot = work.resolve("analyst-page.png");

        ChildProcess.Result result = chromium(chromium, "screenshot", "--screenshot=" + shot, "--window-size=1280,1750",
                "--hide-scrollbars", service.uri("/?window=P7D&date=" + busiest).toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        byte[] png = Files.readAllBytes(shot);
        assertThat(png).as("a PNG").startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).as("bytes of a rendered page, not a blank one").isGreaterThan(50_000);
        Files.copy(shot, SCREENSHOT, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("screenshot of week %s (%d events): %s, %d bytes%n", busiest, eventsByWeek.get(busiest),
                SCREENSHOT, png.length);
    }

    // ---------------------------------------------------------------------------------------------------

    private static void checkPageAgainstApi(SoftAssertions softly, Document page, String window, LocalDate start) {
        String what = window + " " + start;
        String range = "?window=" + window + "&from=" + start + "&to=" + start;
        JsonNode sectors = json(get(LIST + "sector" + range).body()).path("aggregates");
        JsonNode cities = json(get(LIST + "city" + range).body()).path("aggregates");
        JsonNode pairs = json(get(LIST + "sector-city" + range).body()).path("aggregates");
        softly.assertThat(sectors.size()).as("%s: the API has sectors", what).isPositive();

        softly.assertThat(rows(page, "#by-sector tr[data-key]", "td.events")).as("%s events by sector", what)
                .isEqualTo(numbers(sectors, "events"));
        softly.assertThat(rows(page, "#by-sector tr[data-key]", "td.articles")).as("%s articles by sector", what)
                .isEqualTo(numbers(sectors, "articles"));
        softly.assertThat(rows(page, "#by-city tr[data-key]", "td.events")).as("%s events by city", what)
                .isEqualTo(numbers(cities, "events"));
        softly.assertThat(rows(page, "#by-city tr[data-key]", "td.articles")).as("%s articles by city", what)
                .isEqualTo(numbers(cities, "articles"));

        Map<String, Long> cells = new TreeMap<>();
        for (Element row : page.select("#sector-city tr[data-sector]")) {
            for (Element cell : row.select("td[data-city]")) {
                if (!cell.text().isEmpty()) {
                    cells.put(row.attr("data-sector") + "|" + cell.attr("data-city"), Long.parseLong(cell.text()));
                }
            }
        }
        softly.assertThat(cells).as("%s sector x city table", what).isEqualTo(numbers(pairs, "events"));

        long total = 0;
        Map<String, Long> types = new TreeMap<>();
        Map<String, Long> subjects = new TreeMap<>();
        for (JsonNode sector : sectors) {
            total += sector.path("events").asLong();
            sector.path("byType").fields().forEachRemaining(t -> types.merge(t.getKey(), t.getValue().asLong(), Long::sum));
            sector.path("topSubjects").forEach(s -> subjects.merge(s.path("subject").asText(), s.path("events").asLong(),
                    Long::sum));
            long min = sector.path("fundingCnyMin").asLong();
            long max = sector.path("fundingCnyMax").asLong();
            Element funding = page.selectFirst("#funding tr[data-key=" + sector.path("key").asText() + "] td.money");
            if (max == 0) {
                softly.assertThat(funding).as("%s %s has no funding row", what, sector.path("key")).isNull();
                continue;
            }
            softly.assertThat(funding).as("%s funding of %s", what, sector.path("key")).isNotNull();
            if (funding != null) {
                checkYuan(softly, what + " funding of " + sector.path("key").asText(), funding.text(), min, max);
            }
        }
        softly.assertThat(Long.parseLong(page.selectFirst("#total-events").text())).as("%s total", what).isEqualTo(total);
        softly.assertThat(rows(page, "#types tr[data-key]", "td.events")).as("%s event types", what).isEqualTo(types);
        Map<String, Long> shownSubjects = rows(page, "#subjects li[data-key]", "span.events");
        softly.assertThat(shownSubjects).as("%s: top subjects shown", what).isNotEmpty();
        shownSubjects.forEach((subject, events) -> softly.assertThat(events).as("%s subject %s", what, subject)
                .isEqualTo(subjects.get(subject)));
        softly.assertThat(shownSubjects.values().stream().mapToLong(Long::longValue).min().orElse(0))
                .as("%s: no subject left out has more events than one shown", what)
                .isGreaterThanOrEqualTo(subjects.entrySet().stream().filter(e -> !shownSubjects.containsKey(e.getKey()))
                        .mapToLong(Map.Entry::getValue).max().orElse(0));
    }

    /**
     * A funding figure as shown, {@code 7920万–1.44亿元} or {@code 8.81亿元}, read back into yuan: each end
     * within the rounding to two decimals of its unit of the API's lower and upper bounds.
     */
    private static void checkYuan(SoftAssertions softly, String what, String shown, long min, long max) {
        softly.assertThat(shown).as(what).endsWith("元");
        String[] ends = shown.substring(0, shown.length() - 1).split("–");
        BigDecimal[] read = {yuan(ends[0]), yuan(ends[ends.length - 1])};
        long[] expected = {min, max};
        for (int i = 0; i < 2; i++) {
            BigDecimal unit = unit(ends[i == 0 ? 0 : ends.length - 1]);
            BigDecimal tolerance = unit.multiply(new BigDecimal("0.005"));
            softly.assertThat(read[i].subtract(BigDecimal.valueOf(expected[i])).abs())
                    .as("%s: %s read as %s, the API says %d", what, shown, read[i], expected[i])
                    .isLessThanOrEqualTo(tolerance);
        }
    }

    private static BigDecimal yuan(String figure) {
        String digits = figure.replaceAll("[万亿]", "");
        return new BigDecimal(digits).multiply(unit(figure));
    }

    private static BigDecimal unit(String figure) {
        if (figure.endsWith("万亿")) {
            return new BigDecimal("1000000000000");
        }
        return figure.endsWith("亿") ? new BigDecimal("100000000") : figure.endsWith("万") ? new BigDecimal("10000")
                : BigDecimal.ONE;
    }

    /** The number in {@code cellSelector} of each element, by its {@code data-key}. */
    private static Map<String, Long> rows(Document page, String rowSelector, String cellSelector) {
        Map<String, Long> shown = new TreeMap<>();
        for (Element row : page.select(rowSelector)) {
            Element cell = row.selectFirst(cellSelector);
            shown.put(row.attr("data-key"), cell == null ? -1 : Long.parseLong(cell.text()));
        }
        return shown;
    }

    private static Map<String, Long> numbers(JsonNode aggregates, String field) {
        Map<String, Long> numbers = new TreeMap<>();
        aggregates.forEach(r -> numbers.put(r.path("key").asText(), r.path(field).asLong()));
        return numbers;
    }

    private static TreeSet<LocalDate> windowStarts(String window) {
        TreeSet<LocalDate> starts = new TreeSet<>();
        json(get(LIST + "sector?window=" + window).body()).path("aggregates")
                .forEach(r -> starts.add(LocalDate.parse(r.path("windowStart").asText().substring(0, 10))));
        return starts;
    }

    /** The page as Chromium renders it (its DOM after loading), parsed. */
    private static Document render(Path chromium, String pathAndQuery) {
        ChildProcess.Result result = chromium(chromium, "dump-dom", "--dump-dom", service.uri(pathAndQuery).toString());
        assertThat(result.exitCode()).as("chromium --dump-dom %s: %s", pathAndQuery, result.stderr()).isZero();
        assertThat(result.stdout()).as("the DOM of %s", pathAndQuery).contains("</html>");
        return Jsoup.parse(result.stdout());
    }

    private static ChildProcess.Result chromium(Path chromium, String name, String... args) {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--user-data-dir=" + work.resolve("chromium-profile")));
        command.addAll(List.of(args));
        return ChildProcess.run("chromium-" + name, Project.ROOT, work, command, Duration.ofSeconds(90));
    }

    /** The latest record of each key of an aggregate topic, windows starting in [from, to], as {@code key@date}. */
    private static Map<String, JsonNode> latestOnTopic(String topic, LocalDate from, LocalDate to) {
        Map<String, JsonNode> latest = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                TestConsumers.readCommittedFromStart(broker.bootstrapServers()), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Await.until(topic + " read to its end", Duration.ofSeconds(30), () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    LocalDate start = LocalDate.parse(record.key().substring(record.key().lastIndexOf('@') + 1));
                    if (!start.isBefore(from) && !start.isAfter(to)) {
                        latest.put(record.key(), json(record.value()));
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return latest;
    }

    private static Map<String, JsonNode> byKeyAndWeek(JsonNode aggregates) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        aggregates.forEach(r -> byKey.put(r.path("key").asText() + "@" + r.path("windowStart").asText().substring(0, 10), r));
        return new TreeMap<>(byKey);
    }

    private static List<String> keysOf(JsonNode list) {
        List<String> keys = new ArrayList<>();
        list.path("aggregates").forEach(r -> keys.add(r.path("key").asText()));
        return keys;
    }

    private static List<JsonNode> recordsOf(JsonNode list, String key) {
        List<JsonNode> records = new ArrayList<>();
        list.path("aggregates").forEach(r -> {
            if (r.path("key").asText().equals(key)) {
                records.add(r);
            }
        });
        return records;
    }

    private static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery);
    }

    private static HttpResponse<String> send(String method, String pathAndQuery) {
        try {
            return service.send(method, pathAndQuery, "");
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
