package io.aipulse.stream;

import io.aipulse.article.Article;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Drops an article whose id was seen before (a republished article counts once), however long ago and
 * in whatever order it was published. The ids live in a key-value store, not a window store: a window
 * store forgets by stream time, so a backfill re-sent after newer news went through as new articles.
 * The store is bounded by count: each new id gets the next sequence number (a second store maps it
 * back to the id), and once more than {@code maxArticles} ids are kept the oldest-seen one is
 * forgotten. A dropped copy is counted in a metric, never silent.
 */
final class ArticleDeduplicator implements FixedKeyProcessor<String, Article, Article> {

    private final String seenStoreName;
    private final String orderStoreName;
    private final long maxArticles;
    private final StreamMetrics metrics;
    private FixedKeyProcessorContext<String, Article> context;
    private KeyValueStore<String, Long> seen;
    private KeyValueStore<Long, String> order;

    ArticleDeduplicator(String seenStoreName, String orderStoreName, long maxArticles, StreamMetrics metrics) {
        if (maxArticles < 1) {
            throw new IllegalArgumentException("dedup.max.articles must be at least 1, got " + maxArticles);
        }
        this.seenStoreName = seenStoreName;
        this.orderStoreName = orderStoreName;
        this.maxArticles = maxArticles;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Article> context) {
        this.context = context;
        this.seen = context.getStateStore(seenStoreName);
        this.order = context.getStateStore(orderStoreName);
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        String id = record.value().id();
        if (seen.get(id) != null) {
            metrics.duplicateArticle();
            return;
        }
        remember(id);
        context.forward(record);
    }

    private void remember(String id) {
        long sequence = nextSequence();
        seen.put(id, sequence);
        order.put(sequence, id);
        forget(sequence - maxArticles);
    }

    /**
     * One past the last sequence number, read from the store (never kept in a field: after an aborted
     * transaction the store is restored and a field would be ahead of it). Ids are forgotten from the
     * front, so the back of the order store, where this looks, holds no deleted entries to skip.
     */
    private long nextSequence() {
        try (KeyValueIterator<Long, String> last = order.reverseAll()) {
            return last.hasNext() ? last.next().key + 1 : 0;
        }
    }

    private void forget(long sequence) {
        if (sequence < 0) {
            return;
        }
        String oldest = order.delete(sequence);
        if (oldest != null) {
            seen.delete(oldest);
        }
    }
}
