package io.aipulse.stream;

import io.aipulse.article.Article;

/**
 * An input record after parsing: an article, or the key and bytes that arrived (cut to fit the dead-letter
 * topic when they would not) and why they were refused.
 */
record ArticleOutcome(Article article, String key, byte[] raw, String reason) {

    static ArticleOutcome accepted(Article article) {
        return new ArticleOutcome(article, null, null, null);
    }

    static ArticleOutcome rejected(String key, byte[] raw, String reason) {
        return new ArticleOutcome(null, key, raw, reason);
    }

    boolean isAccepted() {
        return article != null;
    }
}
