package io.aipulse.stream;

import io.aipulse.article.Article;
import io.aipulse.article.ArticleJson;
import io.aipulse.article.RejectedInputException;
import io.aipulse.article.TimeSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Reads input records as JSON articles. A record that is not one is kept as it arrived (cut to fit the
 * dead-letter topic when it would not), with Kafka's error headers and our reason, for the dead-letter topic. An
 * article dated in its metadata is timed by that date; one without keeps the record timestamp (the
 * producer's ingest time); either is brought into the range the broker accepts. An accepted article
 * carries one header, ours: where it was read; the headers it came with stay behind.
 */
final class ArticleParser implements FixedKeyProcessor<String, byte[], ArticleOutcome> {

    private final ArticleJson json;
    private final InputGuards guards;
    private final DeadLetterCopy deadLetterCopy;
    private final StreamMetrics metrics;
    private FixedKeyProcessorContext<String, ArticleOutcome> context;

    ArticleParser(ArticleJson json, InputGuards guards, StreamMetrics metrics) {
        this.json = json;
        this.guards = guards;
        this.deadLetterCopy = guards.deadLetterCopy();
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ArticleOutcome> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        metrics.articleConsumed();
        long now = context.currentSystemTimeMs();
        DeadLetters.Source source = source();
        String position = PoisonedInputs.position(source.topic(), source.partition(), source.offset());
        try {
            refuseIfPoisoned(position);
            guards.recordLimits().check(record.key(), record.headers());
            Article article = json.read(record.value(), Instant.ofEpochMilli(now), Instant.ofEpochMilli(record.timestamp()));
            long time = article.timeSource() == TimeSource.INGEST ? record.timestamp()
                    : article.publishedAt().toEpochMilli();
            context.forward(record.withValue(ArticleOutcome.accepted(article))
                    .withTimestamp(guards.brokerLimits().recordTime(time, now))
                    .withHeaders(header(DeadLetters.INPUT_HEADER, position)));
        } catch (RejectedInputException e) {
            metrics.deadLetter(e.reason());
            forwardDeadLetter(record, e, source, now);
        }
    }

    /** An input an output of which the broker refused: dead-lettered this time, not processed again. */
    private void refuseIfPoisoned(String position) throws RejectedInputException {
        Optional<String> error = guards.poisoned().errorAt(position);
        if (error.isPresent()) {
            throw new RejectedInputException(DeadLetterProductionHandler.REASON, error.get());
        }
    }

    private void forwardDeadLetter(FixedKeyRecord<String, byte[]> record, RejectedInputException e,
                                   DeadLetters.Source source, long now) {
        Headers headers = DeadLetters.headers(record.headers(), e.reason(), source, e, false);
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        DeadLetterCopy.Parts parts = deadLetterCopy.fit(key, record.value(), headers);
        String deadLetterKey = parts.key() == null ? null : new String(parts.key(), StandardCharsets.UTF_8);
        context.forward(record.withValue(ArticleOutcome.rejected(deadLetterKey, parts.value(), e.reason()))
                .withHeaders(parts.headers())
                .withTimestamp(guards.brokerLimits().deadLetterTime(record.timestamp(), now)));
    }

    private DeadLetters.Source source() {
        return context.recordMetadata()
                .map(m -> new DeadLetters.Source(m.topic(), m.partition(), m.offset()))
                .orElse(new DeadLetters.Source(null, -1, -1));
    }

    private static Headers header(String name, String value) {
        return new RecordHeaders().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
