package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aipulse.article.Article;
import io.aipulse.testsupport.SeedArticles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Extracts the seed articles with the knowledge files of {@code config/} and writes the events to
 * {@code target/seed-events.jsonl}, the input of {@code score.py} and of {@link io.aipulse.extract.eval.Scorer}.
 */
class SeedExtractionTest {

    @Test
    void writesTheEventsOfEverySeedArticle() throws IOException {
        // given
        Knowledge knowledge = Knowledge.load(Path.of("config"));
        EventExtractor extractor = new RuleBasedExtractor(knowledge, ExtractionSettings.defaults());
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        // when
        for (Path file : SeedArticles.files()) {
            Article article = SeedArticles.parse(file);
            for (Event e : extractor.extract(article)) {
                lines.add(json.writeValueAsString(e.withSource(file.getFileName().toString())));
            }
        }
        // then
        Path out = Path.of("target", "seed-events.jsonl");
        Files.createDirectories(out.getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty();
    }
}
