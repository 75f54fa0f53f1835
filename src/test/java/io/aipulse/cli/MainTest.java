package io.aipulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aipulse.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Exit codes of the command line: 0 success, 1 failure, 2 bad usage. */
class MainTest {

    private static final String SEED = "seeds/000_8e703f1bb95322d9.txt";

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final StringWriter cliOut = new StringWriter();
    private final StringWriter cliErr = new StringWriter();

    @TempDir
    Path tempDir;

    @BeforeEach
    void captureOutput() {
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void printsHelpAndExitsZero() {
        int exit = execute("--help");

        assertThat(exit).isZero();
        assertThat(cliOut.toString()).contains("Usage: aipulse").contains("extract").contains("produce")
                .contains("run").containsPattern("(?m)^  broker ").contains("demo").contains("validate");
    }

    @Test
    void printsTheVersionAndExitsZero() {
        assertThat(execute("--version")).isZero();
        assertThat(cliOut.toString()).contains("aipulse 0.1.0");
    }

    @Test
    void exitsTwoForAnUnknownCommand() {
        int exit = execute("frobnicate");

        assertThat(exit).isEqualTo(2);
        assertThat(cliErr.toString()).contains("frobnicate");
    }

    @Test
    void exitsTwoWithoutACommand() {
        int exit = execute();

        assertThat(exit).isEqualTo(2);
        assertThat(cliErr.toString()).contains("a command is required");
    }

    @Test
    void exitsTwoForExtractWithoutPaths() {
        int exit = execute("extract");

        assertThat(exit).isEqualTo(2);
        assertThat(cliErr.toString()).contains("PATH");
        assertThat(stdout.size()).isZero();
    }

    @Test
    void exitsTwoForAnUnknownOption() {
        assertThat(execute("extract", "--no-such-option", SEED)).isEqualTo(2);
    }

    @Test
    void exitsOneForExtractOfAMissingFile() {
        int exit = execute("extract", tempDir.resolve("missing.txt").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("missing.txt").contains("missing");
        assertThat(stdout.size()).isZero();
    }

    @Test
    void extractsEventsOfASeedAsJsonLinesWithTheirSource() {
        // when
        int exit = execute("extract", SEED);

        // then
        assertThat(exit).as("stderr: %s", stderr.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = lines(stdout);
        assertThat(lines).as("a funding-news digest yields events").isNotEmpty();
        for (String line : lines) {
            JsonNode event = Json.read(line, JsonNode.class);
            assertThat(event.path("source").asText()).as(line).isEqualTo("000_8e703f1bb95322d9.txt");
            assertThat(event.path("eventId").asText()).as(line).isNotBlank();
            assertThat(event.path("articleId").asText()).as(line).isNotBlank();
            assertThat(event.path("type").asText()).as(line).isNotBlank();
            assertThat(event.has("subject")).as(line).isTrue();
        }
    }

    @Test
    void anUndatedArticleIsReadAsReceivedAtTheInstantGiven() throws IOException {
        // given an article that prints a day and a month but no year, and no date of its own
        Path article = tempDir.resolve("undated.txt");
        Files.writeString(article, "9月17日,腾讯云正式发布新一代智能体开发平台。", StandardCharsets.UTF_8);

        // when it counts as received early in 2025
        int exit = execute("extract", "--received-at", "2025-03-01T00:00:00Z", article.toString());

        // then its day is the last 17 September before that: the run gives the same dates on any day
        assertThat(exit).as("stderr: %s", stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(lines(stdout)).isNotEmpty()
                .allSatisfy(line -> assertThat(Json.read(line, JsonNode.class).path("date").asText()).isEqualTo("2024-09-17"));
    }

    @Test
    void validatesWhatExtractPrintsAgainstTheEventSchema() throws IOException {
        // given the events extract prints for a seed, in a file
        assertThat(execute("extract", SEED)).isZero();
        Path events = tempDir.resolve("events.jsonl");
        Files.writeString(events, stdout.toString(StandardCharsets.UTF_8));
        int count = lines(stdout).size();

        // when they are validated
        int exit = execute("validate", "--schema", "event", events.toString());

        // then every one follows the schema
        assertThat(exit).as("%s%s", cliOut, cliErr).isZero();
        assertThat(cliOut.toString()).contains(events + ": " + count + " records, 0 invalid (event.schema.json)");
    }

    @Test
    void namesTheLineAndTheReasonOfAnInvalidRecordAndExitsOne() throws IOException {
        // given a file whose second record has an event type the contract does not have
        assertThat(execute("extract", SEED)).isZero();
        List<String> lines = lines(stdout);
        Path events = tempDir.resolve("events.jsonl");
        Files.writeString(events, lines.get(0) + "\n" + lines.get(1).replace("\"type\":\"", "\"type\":\"X") + "\n");

        // when
        int exit = execute("validate", "--schema", "event", events.toString());

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(cliOut.toString()).contains(events + ":2: /type: does not have a value in the enumeration")
                .contains(events + ": 2 records, 1 invalid");
    }

    @Test
    void exitsTwoForFilesToValidateWithoutAKnownSchema() {
        assertThat(execute("validate", SEED)).isEqualTo(2);
        assertThat(cliErr.toString()).contains("--schema");
        assertThat(execute("validate", "--schema", "news", SEED)).isEqualTo(2);
        assertThat(cliErr.toString()).contains("unknown schema 'news'");
    }

    @Test
    void extractsWhatItCanAndExitsOneWhenAnInputIsRefused() {
        int exit = execute("extract", SEED, tempDir.resolve("missing.txt").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(lines(stdout)).isNotEmpty()
                .allSatisfy(line -> assertThat(Json.read(line, JsonNode.class).path("source").asText())
                        .isEqualTo("000_8e703f1bb95322d9.txt"));
    }

    @Test
    void printsTheTopicSpecificationWithoutAKafkaCluster() {
        // when
        int exit = execute("topics");

        // then every topic of the service is there, with its partitions, replication, cleanup policy and purpose
        assertThat(exit).as("stderr: %s", stderr.toString(StandardCharsets.UTF_8)).isZero();
        String printed = stdout.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines().findFirst()).hasValueSatisfying(header -> assertThat(header)
                .contains("topic").contains("partitions").contains("replication").contains("cleanup")
                .contains("retention.ms").contains("purpose"));
        assertThat(printed.lines().filter(line -> line.startsWith("aipulse.")).toList()).hasSize(11)
                .allSatisfy(line -> assertThat(line).contains("broker default"))
                .anySatisfy(line -> assertThat(line).startsWith("aipulse.articles ").contains(" delete ")
                        .contains("input"))
                .anySatisfy(line -> assertThat(line).startsWith("aipulse.agg.city.1w ").contains(" compact "));
    }

    private int execute(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(cliOut, true));
        cli.setErr(new PrintWriter(cliErr, true));
        return cli.execute(args);
    }

    private static List<String> lines(ByteArrayOutputStream out) {
        return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n")).filter(line -> !line.isBlank()).toList();
    }
}
