package io.aipulse.cli;

import io.aipulse.article.ArticleSources;
import io.aipulse.config.Settings;
import io.aipulse.stream.AggregateRecord;
import io.aipulse.stream.Topic;
import io.aipulse.stream.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Everything in one process: start the in-process broker (unless --bootstrap is given), create the "
                + "topics, produce seeds/, run the topology and print the aggregates as they arrive.",
                "Keeps serving the analyst page at /, the query API and /metrics until interrupted; with --once, "
                        + "exits 0 after printing the aggregates of all seed articles."})
final class DemoCommand implements Callable<Integer> {

    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Mixin
    CommonOptions common;

    @Option(names = "--once", description = "Exit after the aggregates of all seed articles are printed.")
    boolean once;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port of the page at /, the query API, "
            + "/metrics and /health (default: http.port of the configuration, 8080; 0 = any free port).")
    Integer httpPort;

    @Mixin
    ClusterOption cluster;

    @Option(names = "--seeds", paramLabel = "DIR", defaultValue = "seeds",
            description = "Articles to produce (default: ${DEFAULT-VALUE}).")
    Path seeds;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path stateDir = Files.createTempDirectory("aipulse-demo-state");
        try (ClusterOption.Cluster kafka = cluster.connect()) {
            Map<String, String> options = kafka.settings();
            if (httpPort != null) {
                options.put("http.port", httpPort.toString());
            }
            options.put("state.dir", stateDir.toString());
            Settings settings = common.settings(options);
            out.println("bootstrap=" + settings.bootstrapServers());
            try (ServiceRuntime runtime = ServiceRuntime.start(settings)) {
                out.println("page=http://localhost:" + runtime.httpPort() + "/");
                out.println("metrics=http://localhost:" + runtime.httpPort() + "/metrics");
                List<ArticleSources.Item> items = Assembly.articleSources(settings)
                        .read(List.of(seeds.toString()), System.in, Instant.now());
                ArticlePublisher.Report sent = new ArticlePublisher(settings).publish(items, out);
                out.printf("produced %d articles (%d refused)%n", sent.sent(), sent.refused());
                AggregateTable table = follow(settings, runtime, sent.sent(), out);
                if (once) {
                    out.println();
                    out.println("Aggregates for " + sent.sent() + " seed articles:");
                    table.print(out);
                    return table.size() > 0 ? 0 : 1;
                }
                runtime.awaitShutdown();
            }
            return 0;
        }
    }

    /**
     * Prints aggregates as they arrive. With --once, returns when every produced article has been consumed
     * and no aggregate has changed for a quiet period; otherwise follows until interrupted.
     */
    private AggregateTable follow(Settings settings, ServiceRuntime runtime, int articles, PrintStream out) {
        Topics topics = Topics.from(settings);
        AggregateTable table = new AggregateTable();
        try (KafkaConsumer<String, AggregateRecord> consumer = consumer(settings)) {
            consumer.subscribe(topics.allAggregates().stream().map(Topic::name).toList());
            out.println(AggregateTable.header());
            Instant deadline = Instant.now().plus(TIMEOUT);
            Instant lastChange = Instant.now();
            while (!once || Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, AggregateRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    if (table.update(record.topic(), record.key(), record.value())) {
                        out.println(AggregateTable.row(record.topic(), record.key(), record.value()));
                        lastChange = Instant.now();
                    }
                }
                boolean allConsumed = consumedArticles(runtime) >= articles;
                if (once && allConsumed && table.size() > 0 && Instant.now().isAfter(lastChange.plus(QUIET))) {
                    return table;
                }
            }
            throw new IllegalStateException("the aggregates of the seeds did not arrive within " + TIMEOUT);
        }
    }

    private static double consumedArticles(ServiceRuntime runtime) {
        var counter = runtime.metrics().registry().find("aipulse.articles.consumed").counter();
        return counter == null ? 0 : counter.count();
    }

    private static KafkaConsumer<String, AggregateRecord> consumer(Settings settings) {
        Properties props = settings.kafkaClientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "aipulse-demo-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Topic<String, AggregateRecord> any = Topics.from(settings).allAggregates().get(0);
        return new KafkaConsumer<>(props, new StringDeserializer(), any.valueSerde().deserializer());
    }
}
