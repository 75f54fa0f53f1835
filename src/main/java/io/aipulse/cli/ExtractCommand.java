package io.aipulse.cli;

import io.aipulse.article.ArticleSources;
import io.aipulse.config.Settings;
import io.aipulse.extract.Event;
import io.aipulse.extract.EventExtractor;
import io.aipulse.json.Json;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Offline: extract events from article files with the same code as the topology and print "
                + "one event record (JSON) per line, with 'source' set to the file name. Needs no Kafka.")
final class ExtractCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Raw text, .json or .jsonl files, directories, or - for standard input.")
    List<String> paths;

    @Override
    public Integer call() {
        Settings settings = common.settings(Map.of());
        EventExtractor extractor = Assembly.extractor(settings, Assembly.knowledge(settings));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int refused = 0;
        for (ArticleSources.Item item : Assembly.articleSources(settings).read(paths, System.in, Instant.now())) {
            if (!item.accepted()) {
                refused++;
                System.err.println("refused " + item.name() + ": " + item.refusal().reason() + ": "
                        + item.refusal().getMessage());
                continue;
            }
            String source = item.article().source() != null ? item.article().source() : item.name();
            for (Event event : extractor.extract(item.article())) {
                out.println(Json.write(event.withSource(source)));
            }
        }
        out.flush();
        return refused == 0 ? 0 : 1;
    }
}
