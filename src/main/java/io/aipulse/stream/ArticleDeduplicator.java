package io.aipulse.stream;

import io.aipulse.article.Article;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops an article whose id was seen within the retention period (a republished article counts once).
 * The ids live in a window store, so they expire with its segments: memory stays bounded. A dropped
 * copy is counted in a metric, never silent.
 */
final class ArticleDeduplicator implements FixedKeyProcessor<String, Article, Article> {

    private final String storeName;
    private final Duration retention;
    private final StreamMetrics metrics;
    private FixedKeyProcessorContext<String, Article> context;
    private WindowStore<String, Long> seen;

    ArticleDeduplicator(String storeName, Duration retention, StreamMetrics metrics) {
        this.storeName = storeName;
        this.retention = retention;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Article> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        String id = record.value().id();
        long time = record.timestamp();
        if (seenBefore(id, time)) {
            metrics.duplicateArticle();
            return;
        }
        seen.put(id, time, time);
        context.forward(record);
    }

    private boolean seenBefore(String id, long time) {
        long span = retention.toMillis();
        try (WindowStoreIterator<Long> hits = seen.fetch(id, time - span, time + span)) {
            return hits.hasNext();
        }
    }
}
