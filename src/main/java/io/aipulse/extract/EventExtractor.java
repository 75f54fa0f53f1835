package io.aipulse.extract;

import io.aipulse.article.Article;
import java.util.List;

/**
 * Cleans an article and extracts its events. Plain Java, no Kafka: the {@code extract} command and the
 * stream topology share it. Thread-safe once built.
 */
public interface EventExtractor {

    /** The events of one article, in text order, one per happening. */
    List<Event> extract(Article article);
}
