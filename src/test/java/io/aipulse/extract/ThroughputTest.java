package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.article.Article;
import io.aipulse.article.TimeSource;
import io.aipulse.testsupport.SeedArticles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cleaning + extraction throughput on one thread over the seed articles repeated (the figure is printed;
 * the assertion is loose so that a busy CI machine does not fail it).
 */
class ThroughputTest {

    @Test
    void cleansAndExtractsSeveralMegabytesPerSecondOnOneThread() throws Exception {
        // given the seed articles, each repeated 20 times into one article
        Knowledge knowledge = Knowledge.load(Path.of("config"));
        EventExtractor extractor = new RuleBasedExtractor(knowledge, ExtractionSettings.defaults());
        List<Article> articles = new ArrayList<>();
        long bytes = 0;
        for (Article a : SeedArticles.all()) {
            String body = (a.text() + "\n").repeat(20);
            articles.add(new Article(a.id(), a.url(), a.title(), a.summary(), body, a.publishedAt(),
                    a.timeSource() == null ? TimeSource.INGEST : a.timeSource(), a.source()));
            bytes += body.getBytes(StandardCharsets.UTF_8).length;
        }
        for (int warm = 0; warm < 5; warm++) {
            for (Article a : articles) {
                extractor.extract(a);
            }
        }
        // when
        int rounds = 10;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = cpu.getCurrentThreadCpuTime();
        int events = 0;
        for (int r = 0; r < rounds; r++) {
            for (Article a : articles) {
                events += extractor.extract(a).size();
            }
        }
        double seconds = (cpu.getCurrentThreadCpuTime() - t0) / 1e9; // CPU time: other builds share the cores
        double mbPerSecond = bytes * rounds / 1e6 / seconds;
        System.out.printf("cleaning + extraction: %.1f MB/s (UTF-8 input, one thread, CPU time), %d events%n", mbPerSecond, events);
        // then
        assertThat(mbPerSecond).isGreaterThan(2.0);
    }
}
