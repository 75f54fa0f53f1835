package io.aipulse.cli;

import io.aipulse.article.ArticleSources;
import io.aipulse.config.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
                        + "refused and why; exits 1 when anything was refused or failed (the rest is still sent).",
                "Sends are asynchronous, flushed once at the end; a progress line goes to stderr every few seconds "
                        + "for a large input (--quiet: none)."})
final class ProduceCommand implements Callable<Integer> {

    static final int PROGRESS_SECONDS = 3;

    @Mixin
    CommonOptions common;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: bootstrap.servers of the configuration, localhost:9092).")
    String bootstrap;

    @Option(names = "--follow-symlinks",
            description = "Follow symbolic links found inside directories (by default they are refused).")
    boolean followSymlinks;

    @Option(names = "--quiet", description = "No progress line on stderr (by default one every "
            + PROGRESS_SECONDS + " s while a large input is read and sent).")
    boolean quiet;

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
        try (ProduceProgress progress = quiet ? ProduceProgress.silent()
                : ProduceProgress.every(Duration.ofSeconds(PROGRESS_SECONDS), System.err)) {
            List<ArticleSources.Item> items = new ArrayList<>();
            (followSymlinks ? sources.followingLinks() : sources).read(paths, System.in, Instant.now(), item -> {
                items.add(item);
                progress.read(item.bytes());
            });
            ArticlePublisher.Report report = new ArticlePublisher(settings).publish(items, System.out, progress);
            System.out.println(report.summary());
            return report.exitCode();
        }
    }
}
