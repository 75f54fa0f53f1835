package io.aipulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.aipulse.article.ArticleSources;
import io.aipulse.config.Settings;
import io.aipulse.extract.CompanyDirectory;
import io.aipulse.extract.ConfidenceTrainer;
import io.aipulse.extract.Event;
import io.aipulse.extract.EventType;
import io.aipulse.extract.RuleBasedExtractor;
import io.aipulse.extract.SentenceTypesTrainer;
import io.aipulse.extract.eval.Scorer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Learn sentence-types.csv (the event types sentences read as, the extractor's back-off for "
                + "articles no rule finds anything in), or with --confidence event-confidence.csv (how likely an "
                + "extracted event is one the labels list), from hand-labelled articles: raw text files whose gold "
                + "events (JSON lines, evidence as offset and length into the file) are in --gold. Pass only the "
                + "corpus's train split.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--gold", paramLabel = "FILE", required = true, description = "Gold events (JSON lines).")
    Path gold;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the model.")
    Path out;

    @Option(names = "--confidence", description = "Learn the events' confidence (with the configured back-off and "
            + "rules) instead of the sentence types.")
    boolean confidence;

    @Mixin
    ReceivedAtOption received;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Labelled articles (raw text files).")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        Map<String, List<JsonNode>> goldBySource = new HashMap<>();
        for (JsonNode g : Scorer.load(gold)) {
            goldBySource.computeIfAbsent(baseName(g.path("source").asText()), k -> new ArrayList<>()).add(g);
        }
        ArticleSources sources = Assembly.articleSources(common.settings(Map.of()));
        if (confidence) {
            return trainConfidence(goldBySource, sources);
        }
        SentenceTypesTrainer trainer = new SentenceTypesTrainer();
        for (Path file : files) {
            String raw = Files.readString(file, StandardCharsets.UTF_8);
            List<SentenceTypesTrainer.Evidence> evidence = new ArrayList<>();
            for (JsonNode g : goldBySource.getOrDefault(baseName(file.toString()), List.of())) {
                int offset = g.path("evidence").path("offset").asInt(-1);
                int length = g.path("evidence").path("length").asInt(0);
                if (offset >= 0 && offset + length <= raw.length()) {
                    evidence.add(new SentenceTypesTrainer.Evidence(EventType.valueOf(g.path("type").asText()),
                            raw.substring(offset, offset + length)));
                }
            }
            for (ArticleSources.Item item : sources.read(List.of(file.toString()), System.in, Instant.now())) {
                if (item.accepted()) {
                    trainer.add(item.article().fullText(), evidence);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("# written by `aipulse train` from " + files.size() + " labelled articles; do not edit by hand");
        lines.add("ngram,type,weight");
        lines.addAll(trainer.rows());
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.err.printf("%d rows from %d articles (%d evidences not found in their text)%n",
                lines.size() - 2, files.size(), trainer.unplaced());
        return 0;
    }

    /**
     * Extracts every file without the confidence filter, labels each event as the scorer matches it (a required
     * gold event: right, an optional one: neutral, none: wrong), and learns the confidence model from them.
     */
    private Integer trainConfidence(Map<String, List<JsonNode>> goldBySource, ArticleSources sources)
            throws IOException {
        Settings settings = common.settings(Map.of());
        RuleBasedExtractor extractor = Assembly.extractor(settings, Assembly.knowledge(settings));
        ConfidenceTrainer trainer = new ConfidenceTrainer();
        for (Path file : files) {
            String name = baseName(file.toString());
            List<JsonNode> gold = goldBySource.getOrDefault(name, List.of());
            trainer.addArticle(name, (int) gold.stream().filter(g -> !g.path("optional").asBoolean(false)).count());
            for (ArticleSources.Item item : sources.read(List.of(file.toString()), System.in, received.instant())) {
                if (item.accepted()) {
                    label(trainer, name, gold, extractor.scored(item.article(), CompanyDirectory.empty(), true));
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("# written by `aipulse train --confidence` from " + files.size() + " labelled articles; do not edit "
                + "by hand");
        lines.add("feature,weight");
        lines.addAll(trainer.rows());
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.err.printf("%d events from %d articles; %s%n", trainer.size(), files.size(), trainer.summary());
        return 0;
    }

    /** The scorer's matching: each gold event in turn takes the first unmatched event of its type and subject. */
    private static void label(ConfidenceTrainer trainer, String article, List<JsonNode> gold,
                              List<RuleBasedExtractor.Scored> scored) {
        ConfidenceTrainer.Label[] labels = new ConfidenceTrainer.Label[scored.size()];
        for (JsonNode g : gold) {
            for (int i = 0; i < scored.size(); i++) {
                Event e = scored.get(i).event();
                if (labels[i] == null && e.type().name().equals(g.path("type").asText())
                        && Scorer.sameOrg(g, e.subject())) {
                    labels[i] = g.path("optional").asBoolean(false) ? ConfidenceTrainer.Label.OPTIONAL
                            : ConfidenceTrainer.Label.RIGHT;
                    break;
                }
            }
        }
        for (int i = 0; i < scored.size(); i++) {
            trainer.add(article, scored.get(i).features(), labels[i] != null ? labels[i] : ConfidenceTrainer.Label.WRONG);
        }
    }

    private static String baseName(String path) {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
