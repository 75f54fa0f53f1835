package io.aipulse.extract;

import io.aipulse.article.Article;
import java.util.List;

/**
 * Cleans an article and extracts its events. Plain Java, no Kafka: the {@code extract} command and the
 * stream topology share it. Thread-safe once built.
 */
public interface EventExtractor {

    /** The events of one article, in text order, one per happening, enriched from the bundled registry. */
    default List<Event> extract(Article article) {
        return extract(article, CompanyDirectory.empty());
    }

    /**
     * The same, but registry look-ups consult {@code overrides} first (the live company table), so a
     * runtime correction of a company's city or sector wins over the bundled file.
     */
    List<Event> extract(Article article, CompanyDirectory overrides);
}
