package io.aipulse.extract;

import io.aipulse.article.Article;
import io.aipulse.article.TimeSource;
import java.nio.file.*;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void print() throws Exception {
        Knowledge k = Knowledge.load(Path.of("config"));
        RuleBasedExtractor x = new RuleBasedExtractor(k, ExtractionSettings.defaults());
        for (String t : Files.readString(Path.of("/tmp/scratch/in.txt")).split("\n=====\n")) {
            Article a = new Article("s", null, null, null, t, Instant.parse("2024-11-20T02:00:00Z"), TimeSource.TEXT, "s");
            System.out.println("### " + t.substring(0, Math.min(40, t.length())).replace('\n', ' '));
            for (Event e : x.extract(a)) {
                System.out.println("  " + e.type() + " | " + e.subject() + " | " + e.date() + " " + e.dateSource() + " | " + e.sector() + " " + e.city() + " " + e.country()
                    + " | " + (e.amount() == null ? "" : e.amount().currency() + " " + e.amount().min() + "-" + e.amount().max()) + " " + e.round() + " " + e.stage()
                    + " | cp=" + e.counterparties() + " | p=" + e.product() + " | " + e.evidence());
            }
        }
    }
}
