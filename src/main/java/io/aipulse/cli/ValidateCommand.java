package io.aipulse.cli;

import io.aipulse.config.Settings;
import io.aipulse.contract.RecordSchema;
import io.aipulse.contract.RecordValidator;
import io.aipulse.contract.TopicValidation;
import io.aipulse.stream.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check records against the published JSON Schemas (schemas/, inside the jar too).",
                "Without --schema: every record on the events, aggregate and late topics (or the --topic ones), "
                        + "from the beginning to their end now, read_committed.",
                "With --schema: JSON records in files, one per line (or - for standard input).",
                "Prints each invalid record with the reasons and a count per topic or file; exits 1 if any is invalid."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: bootstrap.servers of the configuration, localhost:9092).")
    String bootstrap;

    @Option(names = "--topic", paramLabel = "TOPIC",
            description = "Check only this topic (repeatable): one of the service's topics, the input topic included.")
    List<String> topicNames = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "How long to wait for a topic that stops before its end (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--schema", paramLabel = "KIND",
            description = "article, event, aggregate or late: check files (default: none, the topics are checked).")
    String schema;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "JSON-lines files, or - for standard input (with --schema).")
    List<String> paths = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (schema == null && !paths.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "files need --schema KIND");
        }
        int invalid = schema == null ? checkTopics(out) : checkFiles(out, kind());
        out.flush();
        return invalid == 0 ? 0 : 1;
    }

    private RecordSchema kind() {
        try {
            return RecordSchema.fromId(schema);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private int checkTopics(PrintWriter out) {
        Map<String, String> options = new LinkedHashMap<>();
        if (bootstrap != null) {
            options.put("bootstrap.servers", bootstrap);
        }
        Settings settings = common.settings(options);
        Map<String, RecordSchema> all = Topics.from(settings).schemas();
        Map<String, RecordSchema> chosen = new LinkedHashMap<>();
        if (topicNames.isEmpty()) {
            chosen.putAll(Topics.from(settings).outputSchemas());
        }
        for (String name : topicNames) {
            if (!all.containsKey(name)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "no schema for topic '" + name + "': use one of " + all.keySet());
            }
            chosen.put(name, all.get(name));
        }
        int invalid = 0;
        for (TopicValidation.TopicReport report : new TopicValidation(settings.kafkaClientProperties(), timeout)
                .check(chosen, out::println)) {
            out.printf("%s: %d records, %d invalid (%s)%n", report.topic(), report.records(), report.invalid().size(),
                    report.schema().fileName());
            invalid += report.invalid().size();
        }
        return invalid;
    }

    private int checkFiles(PrintWriter out, RecordSchema kind) throws IOException {
        RecordValidator validator = RecordValidator.load();
        int invalid = 0;
        for (String path : paths.isEmpty() ? List.of("-") : paths) {
            int records = 0;
            int bad = 0;
            try (BufferedReader lines = reader(path)) {
                int number = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    records++;
                    List<String> problems = validator.problems(kind, line);
                    if (!problems.isEmpty()) {
                        bad++;
                        out.println(path + ":" + number + ": " + String.join("; ", problems));
                    }
                }
            }
            out.printf("%s: %d records, %d invalid (%s)%n", path, records, bad, kind.fileName());
            invalid += bad;
        }
        return invalid;
    }

    private static BufferedReader reader(String path) throws IOException {
        InputStream in = "-".equals(path) ? System.in : Files.newInputStream(Path.of(path));
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
