package io.aipulse.stream;

import io.aipulse.article.Article;
import io.aipulse.article.ArticleJson;
import io.aipulse.article.RejectedInputException;
import io.aipulse.article.TimeSource;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Reads input records as JSON articles. A record that is not one is kept as it arrived, with the reason
 * in its headers, for the dead-letter topic. An article dated in its metadata is timed by that date;
 * one without keeps the record timestamp (the producer's ingest time).
 */
final class ArticleParser implements FixedKeyProcessor<String, byte[], ArticleOutcome> {

    private final ArticleJson json;
    private final StreamMetrics metrics;
    private FixedKeyProcessorContext<String, ArticleOutcome> context;

    ArticleParser(ArticleJson json, StreamMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ArticleOutcome> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        metrics.articleConsumed();
        Instant received = Instant.ofEpochMilli(record.timestamp());
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        try {
            Article article = json.read(record.value(), now, received);
            long time = article.timeSource() == TimeSource.INGEST ? record.timestamp()
                    : article.publishedAt().toEpochMilli();
            context.forward(record.withValue(ArticleOutcome.accepted(article)).withTimestamp(time));
        } catch (RejectedInputException e) {
            metrics.deadLetter(e.reason());
            DeadLetters.annotate(record.headers(), e.reason(), e.getMessage());
            context.forward(record.withValue(ArticleOutcome.rejected(record.value(), e.reason())));
        }
    }
}
