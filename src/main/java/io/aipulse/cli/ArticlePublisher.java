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
 */
final class ArticlePublisher {

    /** What one call sent and refused. */
    record Report(int sent, int refused) {
    }

    private final Settings settings;
    private final Topics topics;

    ArticlePublisher(Settings settings) {
        this.settings = settings;
        this.topics = Topics.from(settings);
    }

    Report publish(List<ArticleSources.Item> items, PrintStream out) {
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
            return new Report(0, refused);
        }
        TopicSetup.from(topics, settings).prepare(settings.kafkaClientProperties());
        ArticleJson json = Assembly.articleJson(settings);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Article article : articles) {
                Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topics.articles.name(), null,
                        article.publishedAt().toEpochMilli(), article.id(), json.write(article)));
                RecordMetadata metadata = sent.get();
                out.printf("sent %s id=%s published=%s (%s) -> %s-%d@%d%n", PrintedText.escaped(article.source()),
                        PrintedText.escaped(article.id()),
                        article.publishedAt(), article.timeSource(), metadata.topic(), metadata.partition(),
                        metadata.offset());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sending failed: " + e.getCause().getMessage(), e.getCause());
        }
        return new Report(articles.size(), refused);
    }

    private Properties producerProps() {
        Properties props = settings.kafkaClientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(Math.max(1_048_576,
                settings.getInt("input.max.bytes") * 2)));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return props;
    }
}
