package io.aipulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.article.Article;
import io.aipulse.article.TimeSource;
import io.aipulse.config.SettingsLoader;
import io.aipulse.extract.CompanyDirectory;
import io.aipulse.extract.ExtractionSettings;
import io.aipulse.extract.Knowledge;
import io.aipulse.extract.RuleBasedExtractor;
import io.aipulse.testsupport.TestArticle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NewsPoolTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void leadsNameManyOrganisationsAndAFewOfThemOften() {
        // given a pool of 5,000 organisations
        NewsPool pool = new NewsPool(5_000, 7L);
        Random random = new Random(1);

        // when 20,000 leads are drawn
        Map<String, Integer> byOrganisation = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            String lead = pool.lead(random);
            byOrganisation.merge(lead.substring(0, lead.indexOf("科技有限公司")), 1, Integer::sum);
        }

        // then thousands of organisations are named, and the most reported one in about a tenth of them
        assertThat(byOrganisation).hasSizeGreaterThan(3_000);
        assertThat(byOrganisation.values().stream().mapToInt(Integer::intValue).max().orElseThrow())
                .isBetween(1_000, 3_000);
    }

    @Test
    void theExtractorFindsTheEventOfEveryLeadAndMoreArticlesBringMoreDistinctEvents() {
        // given articles made of leads only, the real extractor, a publication every half hour
        Corpus corpus = Corpus.of(List.of(TestArticle.withText("业内人士认为，人工智能正在改变各行各业的生产方式，应用落地的速度明显加快。".repeat(2))
                .publishedAt(START).timeSource(TimeSource.METADATA).build()));
        RuleBasedExtractor extractor = new RuleBasedExtractor(Knowledge.load(Path.of("config")),
                new ExtractionSettings(SettingsLoader.load(null, Map.of(), Map.of()).zone(), Map.of("USD", 7.2)));
        NewsPool pool = new NewsPool(5_000, 7L);

        // when 200 and 800 articles with two leads each are extracted
        Set<String> fewer = distinctEvents(extractor, corpus.articles(200, 10, START, Duration.ofMinutes(30), 42L,
                "https://x.invalid/", pool, 2));
        Set<String> more = distinctEvents(extractor, corpus.articles(800, 10, START, Duration.ofMinutes(30), 42L,
                "https://x.invalid/", pool, 2));

        // then over half of the 400 leads are events of their own (type, subject and day), and four times the articles
        // bring more than three times the distinct events
        assertThat(fewer).hasSizeGreaterThan(200);
        assertThat(more).hasSizeGreaterThan(3 * fewer.size());
    }

    /**
     * The events the rules find in the leads, before the confidence model: learnt from real pages, the model judges
     * a generated lead as it would a real page's sentence (it drops a lead's product launch at 0.32), which is not
     * what the pool is tested for here.
     */
    private static Set<String> distinctEvents(RuleBasedExtractor extractor, List<Article> articles) {
        return articles.stream().flatMap(a -> extractor.scored(a, CompanyDirectory.empty()).stream())
                .map(RuleBasedExtractor.Scored::event)
                .map(e -> e.type() + "|" + e.subject() + "|" + e.date()).collect(Collectors.toSet());
    }
}
