package io.aipulse.cli;

import io.aipulse.config.Settings;
import io.aipulse.stream.TopicSetup;
import io.aipulse.stream.TopicSpec;
import io.aipulse.stream.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {"Print the topics the service needs, as the configuration sets them: name, partitions, "
                + "replication, cleanup policy, retention, largest record, and what each is for; for a platform "
                + "team that creates topics itself (then run with topics.create=false).",
                "With --bootstrap, also compare the cluster's topics with them (creating nothing): exits 1 when one "
                        + "is missing or differs."})
final class TopicsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Compare the topics of this cluster with what the service needs (default: none, the topics are "
                    + "only printed).")
    String bootstrap;

    @Override
    public Integer call() {
        Settings settings = common.settings(bootstrap == null ? Map.of() : Map.of("bootstrap.servers", bootstrap));
        TopicSetup setup = TopicSetup.from(Topics.from(settings), settings);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        print(setup.specs(), out);
        out.println();
        out.println("Kafka Streams creates its own changelog and repartition topics, named " + settings.get("application.id")
                + "-*, with the same replication factor (it needs the right to create topics with that prefix).");
        if (bootstrap == null) {
            return 0;
        }
        TopicSetup.Outcome found = setup.inspect(settings.kafkaClientProperties());
        out.println();
        found.missing().forEach(name -> out.println("missing " + name));
        found.warnings().forEach(warning -> out.println("differs " + warning));
        if (found.missing().isEmpty() && found.warnings().isEmpty()) {
            out.println("every topic exists as the service needs it");
            return 0;
        }
        return 1;
    }

    static void print(List<TopicSpec> specs, PrintStream out) {
        String format = "%-28s %10s %-15s %-8s %12s %17s  %s%n";
        out.printf(format, "topic", "partitions", "replication", "cleanup", "retention.ms", "max.message.bytes",
                "purpose");
        for (TopicSpec spec : specs) {
            out.printf(format, spec.name(), spec.partitions(),
                    spec.replicationFactor().map(String::valueOf).orElse("broker default"), spec.cleanupPolicy(),
                    spec.retentionMs().map(String::valueOf).orElse("-"),
                    spec.maxMessageBytes().map(String::valueOf).orElse("broker default"), spec.purpose());
        }
    }
}
