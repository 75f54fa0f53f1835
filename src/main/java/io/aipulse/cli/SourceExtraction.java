package io.aipulse.cli;

import io.aipulse.article.ArticleSources;
import io.aipulse.config.Settings;
import io.aipulse.extract.Event;
import io.aipulse.extract.CompanyDirectory;
import io.aipulse.extract.RuleBasedExtractor;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The offline extraction shared by {@code extract} and {@code eval}: every input read the way
 * {@code produce} reads it, every event tagged with its input's name. Refusals are reported, not fatal.
 */
final class SourceExtraction {

    private SourceExtraction() {
    }

    /** Extracts every input, received at {@code receivedAt}; returns how many inputs were refused. */
    static int run(Settings settings, List<String> paths, Instant receivedAt, InputStream stdin, PrintStream err,
                   Consumer<Event> sink) {
        return run(settings, paths, receivedAt, stdin, err, sink, null);
    }

    /**
     * The same; with {@code dropped}, the events the confidence model drops are passed to it (with their
     * confidence) instead of being lost silently.
     */
    static int run(Settings settings, List<String> paths, Instant receivedAt, InputStream stdin, PrintStream err,
                   Consumer<Event> sink, Consumer<RuleBasedExtractor.Scored> dropped) {
        RuleBasedExtractor extractor = Assembly.extractor(settings, Assembly.knowledge(settings));
        int refused = 0;
        for (ArticleSources.Item item : Assembly.articleSources(settings).read(paths, stdin, receivedAt)) {
            if (!item.accepted()) {
                refused++;
                err.println("refused " + item.name() + ": " + item.refusal().reason() + ": " + item.refusal().getMessage());
                continue;
            }
            String source = item.article().source() != null ? item.article().source() : item.name();
            for (RuleBasedExtractor.Scored s : extractor.scored(item.article(), CompanyDirectory.empty())) {
                if (extractor.keeps(s)) {
                    sink.accept(s.event().withSource(source));
                } else if (dropped != null) {
                    dropped.accept(new RuleBasedExtractor.Scored(s.event().withSource(source), s.features(),
                            s.probability()));
                }
            }
        }
        return refused;
    }
}
