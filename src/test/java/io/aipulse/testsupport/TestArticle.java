package io.aipulse.testsupport;

import io.aipulse.article.Article;
import io.aipulse.article.TimeSource;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Articles for tests: the text and what the test is about, everything else a fixed default.
 * {@code TestArticle.withText("百度发布文心大模型。").id("a1").publishedAt("2023-08-01T02:00:00Z").build()}.
 */
public final class TestArticle {

    /** 2023-07-26 10:00 in Shanghai: a day of the seeds' time. */
    public static final Instant PUBLISHED = Instant.parse("2023-07-26T02:00:00Z");

    private final String text;
    private String id = "t-1";
    private String title;
    private String url;
    private Instant publishedAt = PUBLISHED;
    private TimeSource timeSource = TimeSource.TEXT;

    private TestArticle(String text) {
        this.text = text;
    }

    /**
     * An article of {@code text}: id {@code t-1}, published at {@link #PUBLISHED} (a time found in the
     * text), no url, title, summary or input name (the extractor and the topology tests need none).
     */
    public static TestArticle withText(String text) {
        return new TestArticle(text);
    }

    public TestArticle id(String id) {
        this.id = id;
        return this;
    }

    public TestArticle url(String url) {
        this.url = url;
        return this;
    }

    public TestArticle title(String title) {
        this.title = title;
        return this;
    }

    public TestArticle publishedAt(Instant publishedAt) {
        this.publishedAt = publishedAt;
        return this;
    }

    /** An ISO time with its offset: {@code 2023-07-24T10:00+08:00} or {@code 2023-07-24T02:00:00Z}. */
    public TestArticle publishedAt(String isoWithOffset) {
        return publishedAt(OffsetDateTime.parse(isoWithOffset).toInstant());
    }

    public TestArticle timeSource(TimeSource timeSource) {
        this.timeSource = timeSource;
        return this;
    }

    public Article build() {
        return new Article(id, url, title, null, text, publishedAt, timeSource, null);
    }
}
