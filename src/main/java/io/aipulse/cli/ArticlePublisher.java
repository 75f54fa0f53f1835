package io.aipulse.cli;

import io.aipulse.article.Article;
import io.aipulse.article.ArticleJson;
import io.aipulse.article.ArticleSources;
import io.aipulse.config.Settings;
import io.aipulse.stream.TopicSetup;
import io.aipulse.stream.Topics;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends articles to the input topic with an idempotent producer (acks=all), keyed by article id and
 * timestamped with the publication time. A backfill is sent oldest first, so windows of older news are
 * still open when it arrives.
 *
 * <p>Sends are asynchronous, each with a callback that prints where its article went or why it failed, and
 * one flush waits for all of them: waiting for each send made every article cost a whole produce request
 * (the producer's linger and the broker's answer), 3,000 articles of 17 KB took 35 s. The idempotent
 * producer keeps the order of one call's articles on each partition whatever is in flight.
 */
final class ArticlePublisher {

    /**
     * What one call did: articles the broker acknowledged, inputs refused before sending, and articles
     * whose send failed (each reported with its error).
     */
    record Report(int sent, int refused, int failed) {

        /** The exit code of {@code produce}: 0 when everything read was sent, 1 otherwise. */
        int exitCode() {
            return refused == 0 && failed == 0 ? 0 : 1;
        }

        String summary() {
            return "sent " + sent + ", refused " + refused + (failed == 0 ? "" : ", failed " + failed);
        }
    }

    /**
     * The producer's batch: an article (10-20 KB) is larger than Kafka's default batch of 16 KB, which would
     * put one article in each request. Within {@code max.request.size}, which is at least twice this.
     */
    static final int BATCH_BYTES = 512 * 1024;

    private final Settings settings;
    private final Topics topics;

    ArticlePublisher(Settings settings) {
        this.settings = settings;
        this.topics = Topics.from(settings);
    }

    Report publish(List<ArticleSources.Item> items, PrintStream out) {
        return publish(items, out, ProduceProgress.silent());
    }

    Report publish(List<ArticleSources.Item> items, PrintStream out, ProduceProgress progress) {
        int refused = 0;
        for (ArticleSources.Item item : items) {
            if (!item.accepted()) {
                refused++;
                System.err.printf("refused %s: %s: %s%n", PrintedText.escaped(item.name()),
                        PrintedText.escaped(item.refusal().reason()), PrintedText.escaped(item.refusal().getMessage()));
            }
        }
        List<Article> articles = items.stream().filter(ArticleSources.Item::accepted).map(ArticleSources.Item::article)
                .sorted(Comparator.comparing(Article::publishedAt)).toList();
        if (articles.isEmpty()) {
            return new Report(0, refused, 0);
        }
        TopicSetup.from(topics, settings).prepare(settings.kafkaClientProperties());
        ArticleJson json = Assembly.articleJson(settings);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        progress.sending(articles.size());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Article article : articles) {
                byte[] value = json.write(article);
                Future<RecordMetadata> send = producer.send(new ProducerRecord<>(topics.articles.name(), null,
                        article.publishedAt().toEpochMilli(), article.id(), value), (metadata, error) -> {
                            if (error == null) {
                                sent.incrementAndGet();
                                progress.sent(value.length);
                                printSent(out, article, metadata);
                            } else {
                                failed.incrementAndGet();
                                printFailed(article, error);
                            }
                        });
                if (sent.get() == 0) {
                    awaitFirst(send);
                }
            }
            producer.flush();
        }
        return new Report(sent.get(), refused, failed.get());
    }

    /**
     * Waits for the sends until one is acknowledged. A topic created a moment ago may answer its first
     * requests with NOT_LEADER_OR_FOLLOWER; with several requests in flight the idempotent producer then
     * retried the first batch behind later ones the broker had taken, was refused with
     * OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery timeout, and 429 of 3,000 articles failed (measured on
     * the in-process broker). All partitions of a topic come into being together, so once one article is
     * acknowledged the rest can be in flight at once. A failed send is reported by its callback.
     */
    private static void awaitFirst(Future<RecordMetadata> send) {
        try {
            send.get();
        } catch (ExecutionException e) {
            // reported by the callback; the next article waits in its turn
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        }
    }

    private static void printSent(PrintStream out, Article article, RecordMetadata metadata) {
        out.printf("sent %s id=%s published=%s (%s) -> %s-%d@%d%n", PrintedText.escaped(article.source()),
                PrintedText.escaped(article.id()), article.publishedAt(), article.timeSource(), metadata.topic(),
                metadata.partition(), metadata.offset());
    }

    private static void printFailed(Article article, Exception error) {
        System.err.printf("failed %s id=%s: %s: %s%n", PrintedText.escaped(article.source()),
                PrintedText.escaped(article.id()), error.getClass().getSimpleName(),
                PrintedText.escaped(String.valueOf(error.getMessage())));
    }

    private Properties producerProps() {
        Properties props = settings.kafkaClientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        int maxRequest = Math.max(1_048_576, settings.getInt("input.max.bytes") * 2);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(maxRequest));
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(Math.min(BATCH_BYTES, maxRequest / 2)));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return props;
    }
}
