package io.aipulse.cli;

import io.aipulse.article.ArticleSources;
import io.aipulse.config.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Publish articles to the input topic: raw text files (标题:/链接:/总结: header where present, "
                + "publication time found in the text), .json / .jsonl articles, directories, - for stdin.",
                "Idempotent producer, acks=all, key = article id, record timestamp = publication time. "
                        + "Articles of one call are sent in publication-time order. Prints what it sent and what it "
                        + "refused and why; exits 1 when anything was refused (the rest is still sent)."})
final class ProduceCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: bootstrap.servers of the configuration, localhost:9092).")
    String bootstrap;

    @Option(names = "--follow-symlinks",
            description = "Follow symbolic links found inside directories (by default they are refused).")
    boolean followSymlinks;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, directories, or - for standard input.")
    List<String> paths;

    @Override
    public Integer call() {
        Map<String, String> options = new LinkedHashMap<>();
        if (bootstrap != null) {
            options.put("bootstrap.servers", bootstrap);
        }
        Settings settings = common.settings(options);
        ArticleSources sources = Assembly.articleSources(settings);
        List<ArticleSources.Item> items = (followSymlinks ? sources.followingLinks() : sources)
                .read(paths, System.in, java.time.Instant.now());
        ArticlePublisher.Report report = new ArticlePublisher(settings).publish(items, System.out);
        System.out.printf("sent %d, refused %d%n", report.sent(), report.refused());
        return report.refused() == 0 ? 0 : 1;
    }
}
