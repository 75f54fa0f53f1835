package io.aipulse.cli;

import io.aipulse.article.ArticleSources;
import io.aipulse.bench.Corpus;
import io.aipulse.bench.EndToEndBenchmark;
import io.aipulse.bench.ProduceBenchmark;
import io.aipulse.config.Settings;
import io.aipulse.extract.Knowledge;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"End-to-end benchmark on the in-process broker with exactly-once: N articles (~10 KB, made "
                + "deterministically by recombining seed paragraphs, each opening with two generated news leads about "
                + "organisations of a pool of 5,000, a few of them in the news every day) through produce -> topology -> aggregates, "
                + "against, in the same run, the extractor alone (same thread count) and a plain consumer of the "
                + "input topic, each timed phase after untimed rounds until the JIT is quiet; then produce -> aggregate "
                + "latency at a fixed rate; peak heap.",
                "The last line is one JSON object with the numbers."})
final class BenchCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--articles", defaultValue = "20000", description = "Articles (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--article-bytes", defaultValue = "10000", description = "Bytes per article (default: ${DEFAULT-VALUE}).")
    int articleBytes;

    @Option(names = "--articles-per-day", defaultValue = "48",
            description = "Publication rate of the throughput corpus: articles a day (default: ${DEFAULT-VALUE}).")
    int articlesPerDay;

    @Option(names = "--warmup-articles", defaultValue = "40000", description = "At most this many articles of untimed "
            + "warm-up before each timed phase (the extractor alone, and the pipeline on topics of its own), in rounds "
            + "of 1,000 until the JIT compilers are quiet or 90 s have passed (default: ${DEFAULT-VALUE}).")
    int warmupArticles;

    @Option(names = "--rate", defaultValue = "100", description = "Articles/s in the latency phase (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--latency-seconds", defaultValue = "20",
            description = "Length of the latency phase (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--seeds", paramLabel = "DIR", defaultValue = "seeds",
            description = "Articles whose paragraphs are recombined (default: ${DEFAULT-VALUE}).")
    Path seeds;

    @Option(names = "--produce", description = "Measure produce instead: --articles raw text files of --article-bytes "
            + "sent by produce, against, in the same run, one send at a time waited for (produce before) and a plain "
            + "asynchronous producer on the same records; --rounds times.")
    boolean produce;

    @Option(names = "--rounds", defaultValue = "2", description = "Rounds of the produce benchmark (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Mixin
    ClusterOption cluster;

    /** What {@code produce PATH...} does, its output on stdout left out. */
    private static int produceWithTheCommandsCode(Settings settings, List<String> paths) {
        List<ArticleSources.Item> items = Assembly.articleSources(settings).read(paths, System.in, Instant.now());
        return new ArticlePublisher(settings).publish(items, new PrintStream(OutputStream.nullOutputStream())).sent();
    }

    @Override
    public Integer call() throws Exception {
        if (articles < 1 || articleBytes < 100 || rate < 1 || latencySeconds < 1 || articlesPerDay < 1 || rounds < 1
                || warmupArticles < 0) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--articles, --article-bytes, --rate, --latency-seconds, --articles-per-day and --rounds must be positive, "
                            + "--warmup-articles not negative");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (ClusterOption.Cluster kafka = cluster.connect()) {
            Map<String, String> options = kafka.settings();
            options.put("application.id", "aipulse-bench-" + System.currentTimeMillis());
            Settings settings = common.settings(options);
            int threads = Integer.parseInt(settings.get("kafka.num.stream.threads", "1"));
            settings = settings.with("topic.partitions", String.valueOf(threads));
            Knowledge knowledge = Assembly.knowledge(settings);
            List<ArticleSources.Item> items = Assembly.articleSources(settings)
                    .read(List.of(seeds.toString()), System.in, Instant.now());
            Corpus corpus = Corpus.of(items.stream().filter(ArticleSources.Item::accepted)
                    .map(ArticleSources.Item::article).toList());
            out.printf("machine: %d cores, max heap %d MB, %s %s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"));
            if (produce) {
                Settings produceSettings = settings;
                ProduceBenchmark.Report report = new ProduceBenchmark(settings, Assembly.articleSources(settings),
                        Assembly.articleJson(settings), out).run(corpus, articles, articleBytes, rounds,
                        (paths, topic) -> produceWithTheCommandsCode(produceSettings.with("topic.articles", topic), paths));
                out.println(report.json());
                return 0;
            }
            EndToEndBenchmark.Report report = new EndToEndBenchmark(settings, Assembly.extractor(settings, knowledge),
                    Assembly.articleJson(settings), out)
                    .run(corpus, new EndToEndBenchmark.Plan(articles, articleBytes, threads, rate, latencySeconds,
                            articlesPerDay, warmupArticles));
            out.println(report.json());
            return 0;
        }
    }
}
