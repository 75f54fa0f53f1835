package io.aipulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.article.Article;
import io.aipulse.article.ArticleIds;
import io.aipulse.article.TimeSource;
import io.aipulse.testsupport.TestArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private final Corpus corpus = Corpus.of(List.of(source("一".repeat(300) + "。\n" + "二".repeat(200) + "。"),
            source("三".repeat(150) + "。\n" + "四".repeat(400) + "。\n短。")));

    @Test
    void theSameSeedGivesTheSameArticles() {
        List<Article> first = corpus.articles(50, 2_000, START, Duration.ofHours(1), 42L, "https://x.invalid/");
        List<Article> second = corpus.articles(50, 2_000, START, Duration.ofHours(1), 42L, "https://x.invalid/");

        assertThat(second).containsExactlyElementsOf(first);
        assertThat(corpus.articles(50, 2_000, START, Duration.ofHours(1), 7L, "https://x.invalid/"))
                .isNotEqualTo(first);
    }

    @Test
    void anArticleReadTwiceIsTheSameArticle() {
        List<Article> articles = corpus.articles(10, 2_000, START, Duration.ofHours(1), 42L, "https://x.invalid/");

        assertThat(articles.get(3)).isEqualTo(articles.get(3));
        assertThat(articles.get(3).id()).isEqualTo(ArticleIds.of("https://x.invalid/3", articles.get(3).text()));
    }

    @Test
    void articlesReachTheTargetSizeByWholeParagraphsAndArePublishedOneStepApart() {
        List<Article> articles = corpus.articles(20, 2_000, START, Duration.ofHours(1), 42L, "https://x.invalid/");

        assertThat(articles).hasSize(20).allSatisfy(article -> assertThat(bytes(article))
                .isBetween(2_000, 2_000 + 400 * 3 + 4));
        assertThat(articles.get(5).publishedAt()).isEqualTo(START.plus(Duration.ofHours(5)));
        assertThat(articles.stream().map(Article::id).distinct()).hasSize(20);
        assertThat(Corpus.utf8Bytes(articles)).isEqualTo(articles.stream().mapToLong(CorpusTest::bytes).sum());
    }

    private static int bytes(Article article) {
        return article.text().getBytes(StandardCharsets.UTF_8).length;
    }

    private static Article source(String text) {
        return TestArticle.withText(text).publishedAt(START).timeSource(TimeSource.METADATA).build();
    }
}
