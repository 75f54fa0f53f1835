package io.aipulse.extract;

import io.aipulse.article.Article;
import io.aipulse.testsupport.TestArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A probe for rule work, off by default: {@code mvn -o test -Dtest=ScratchTest -Daipulse.probe=FILE} prints
 * the events of each text of FILE (texts separated by a line {@code =====}), as of an article of 2024-11-20.
 */
class ScratchTest {

    @Test
    @EnabledIfSystemProperty(named = "aipulse.probe", matches = ".+")
    void printsTheEventsOfEachProbeText() throws Exception {
        Knowledge k = Knowledge.load(Path.of("config"));
        RuleBasedExtractor x = new RuleBasedExtractor(k, ExtractionSettings.defaults());
        for (String t : Files.readString(Path.of(System.getProperty("aipulse.probe"))).split("\n=====\n")) {
            Article a = TestArticle.withText(t).id("s").publishedAt("2024-11-20T02:00:00Z").build();
            System.out.println("### " + t.substring(0, Math.min(40, t.length())).replace('\n', ' '));
            for (Event e : x.extract(a)) {
                System.out.println("  " + e.type() + " | " + e.subject() + " | " + e.date() + " " + e.dateSource() + " | "
                        + e.sector() + " " + e.city() + " " + e.country() + " | "
                        + (e.amount() == null ? "" : e.amount().currency() + " " + e.amount().min() + "-" + e.amount().max())
                        + " " + e.round() + " " + e.stage() + " | cp=" + e.counterparties() + " | p=" + e.product()
                        + " | " + e.evidence());
            }
        }
    }
}
