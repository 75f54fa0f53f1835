package io.aipulse.cli;

import io.aipulse.article.ArticleJson;
import io.aipulse.article.ArticleSources;
import io.aipulse.article.InputLimits;
import io.aipulse.article.RawTextArticleParser;
import io.aipulse.config.Settings;
import io.aipulse.extract.ExtractionSettings;
import io.aipulse.extract.Knowledge;
import io.aipulse.extract.RuleBasedExtractor;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Builds the pieces commands share from the configuration, once per command run. */
final class Assembly {

    private Assembly() {
    }

    static InputLimits inputLimits(Settings settings) {
        return InputLimits.of(settings.getInt("input.max.bytes"), settings.getInt("input.max.id.chars"));
    }

    static ArticleSources articleSources(Settings settings) {
        InputLimits limits = inputLimits(settings);
        return new ArticleSources(new RawTextArticleParser(settings.zone(), limits),
                new ArticleJson(settings.zone(), limits), limits);
    }

    static ArticleJson articleJson(Settings settings) {
        return new ArticleJson(settings.zone(), inputLimits(settings));
    }

    static Knowledge knowledge(Settings settings) {
        return Knowledge.load(Path.of(settings.get("config.dir", "config")));
    }

    static RuleBasedExtractor extractor(Settings settings, Knowledge knowledge) {
        return new RuleBasedExtractor(knowledge, extractionSettings(settings));
    }

    static ExtractionSettings extractionSettings(Settings settings) {
        Map<String, Double> rates = new TreeMap<>();
        settings.withPrefix("fx.").forEach((currency, rate) -> rates.put(currency, Double.parseDouble(rate)));
        return new ExtractionSettings(settings.zone(), rates);
    }
}
