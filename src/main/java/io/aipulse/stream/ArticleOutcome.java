package io.aipulse.stream;

import io.aipulse.article.Article;

/** An input record after parsing: an article, or the bytes that arrived and why they were refused. */
record ArticleOutcome(Article article, byte[] raw, String reason) {

    static ArticleOutcome accepted(Article article) {
        return new ArticleOutcome(article, null, null);
    }

    static ArticleOutcome rejected(byte[] raw, String reason) {
        return new ArticleOutcome(null, raw, reason);
    }

    boolean isAccepted() {
        return article != null;
    }
}
