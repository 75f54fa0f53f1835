package io.aipulse.bench;

import io.aipulse.article.Article;
import io.aipulse.article.ArticleJson;
import io.aipulse.article.ArticleSources;
import io.aipulse.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code produce} measured against Kafka's own speed, side by side in one run, on the same articles written
 * as raw text files: the way {@code produce} sent before issue 16 (files read and parsed, then one send at a
 * time, each waited for), {@code produce} as it is (the command's own code, passed in), and a plain
 * {@link KafkaProducer} with Kafka's defaults sending the same records asynchronously (records made
 * beforehand: what a producer alone costs). Each writes to a topic of its own; every round runs all three.
 */
public final class ProduceBenchmark {

    /** The {@code produce} command on {@code paths} to {@code topic}; returns how many articles it sent. */
    @FunctionalInterface
    public interface ProduceCommand {
        int run(List<String> paths, String topic) throws Exception;
    }

    /** One round's seconds: waiting for each send, {@code produce}, the plain producer. */
    public record Round(double waitingSeconds, double produceSeconds, double plainSeconds) {

        public double speedup() {
            return waitingSeconds / produceSeconds;
        }
    }

    /** What it measured; {@link #json()} is the last line the command prints. */
    public record Report(int articles, double megabytes, List<Round> rounds, double peakHeapMb) {

        public String json() {
            StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                    "{\"articles\":%d,\"megabytes\":%.1f,\"peakHeapMb\":%.0f,\"rounds\":[", articles, megabytes,
                    peakHeapMb));
            for (int i = 0; i < rounds.size(); i++) {
                Round round = rounds.get(i);
                json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"waitingSeconds\":%.2f,\"produceSeconds\":%.2f,\"plainSeconds\":%.2f,\"speedup\":%.1f}",
                        round.waitingSeconds(), round.produceSeconds(), round.plainSeconds(), round.speedup()));
            }
            return json.append("]}").toString();
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final Settings settings;
    private final ArticleSources sources;
    private final ArticleJson json;
    private final PrintStream out;

    public ProduceBenchmark(Settings settings, ArticleSources sources, ArticleJson json, PrintStream out) {
        this.settings = settings;
        this.sources = sources;
        this.json = json;
        this.out = out;
    }

    public Report run(Corpus corpus, int count, int articleBytes, int rounds, ProduceCommand produce) throws Exception {
        Path dir = Files.createTempDirectory("aipulse-produce-bench");
        try (HeapSampler heap = new HeapSampler()) {
            long bytes = writeFiles(corpus, count, articleBytes, dir);
            List<String> paths = List.of(dir.toString());
            out.printf(Locale.ROOT, "corpus: %d raw text files, %.1f MB (%d bytes each on average), in %s%n", count,
                    bytes / 1e6, bytes / count, dir);
            List<ProducerRecord<String, byte[]>> records = records(paths, "unused");
            List<Round> measured = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                String suffix = "-" + round + "-" + System.currentTimeMillis();
                createTopics(List.of("bench-waiting" + suffix, "bench-plain" + suffix));
                double waiting = seconds(() -> sendWaitingForEach(records(paths, "bench-waiting" + suffix)));
                int[] sent = new int[1];
                double produced = seconds(() -> sent[0] = produce.run(paths, "bench-produce" + suffix));
                if (sent[0] != records.size()) {
                    out.printf(Locale.ROOT, "note: produce sent %d of %d articles%n", sent[0], records.size());
                }
                double plain = seconds(() -> sendPlain(retarget(records, "bench-plain" + suffix)));
                Round result = new Round(waiting, produced, plain);
                measured.add(result);
                out.printf(Locale.ROOT, "round %d: waiting for each send %.2f s (%.0f articles/s) | produce %.2f s "
                                + "(%.0f articles/s, %.1fx) | plain producer, records made beforehand %.2f s (%.0f articles/s)%n",
                        round, waiting, count / waiting, produced, count / produced, result.speedup(), plain,
                        count / plain);
            }
            return new Report(count, bytes / 1e6, measured, heap.peakMb());
        } finally {
            deleteAll(dir);
        }
    }

    /** The articles as raw text files like the seeds: title, link, a date-time stamp, the text. */
    private long writeFiles(Corpus corpus, int count, int articleBytes, Path dir) throws IOException {
        ZoneId zone = settings.zone();
        List<Article> articles = corpus.articles(count, articleBytes, Instant.parse("2024-01-01T00:00:00Z"),
                Duration.ofMinutes(17), 16L, "https://bench.aipulse.invalid/produce/");
        long bytes = 0;
        for (int i = 0; i < articles.size(); i++) {
            Article article = articles.get(i);
            byte[] file = ("标题: 基准文章 " + i + "\n链接: " + article.url() + "\n总结: "
                    + STAMP.format(article.publishedAt().atZone(zone)) + "\n" + article.text())
                    .getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(String.format(Locale.ROOT, "a%05d.txt", i)), file);
            bytes += file.length;
        }
        return bytes;
    }

    /** The files read and parsed as {@code produce} reads them, oldest first, as records for {@code topic}. */
    private List<ProducerRecord<String, byte[]>> records(List<String> paths, String topic) {
        return sources.read(paths, InputStream.nullInputStream(), Instant.now()).stream()
                .filter(ArticleSources.Item::accepted).map(ArticleSources.Item::article)
                .sorted(Comparator.comparing(Article::publishedAt))
                .map(article -> new ProducerRecord<>(topic, null, article.publishedAt().toEpochMilli(), article.id(),
                        json.write(article)))
                .toList();
    }

    /** {@code produce} before issue 16: its producer settings, and each send waited for. */
    private int sendWaitingForEach(List<ProducerRecord<String, byte[]>> records) throws Exception {
        Properties props = settings.kafkaClientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(Math.max(1_048_576,
                settings.getInt("input.max.bytes") * 2)));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record).get();
            }
        }
        return records.size();
    }

    /** A producer with Kafka's defaults, asynchronous sends, one flush. */
    private int sendPlain(List<ProducerRecord<String, byte[]>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
        return records.size();
    }

    private static List<ProducerRecord<String, byte[]>> retarget(List<ProducerRecord<String, byte[]>> records,
                                                                 String topic) {
        return records.stream().map(r -> new ProducerRecord<>(topic, null, r.timestamp(), r.key(), r.value())).toList();
    }

    private void createTopics(List<String> names) throws Exception {
        try (Admin admin = Admin.create(settings.kafkaClientProperties())) {
            admin.createTopics(names.stream().map(name -> new NewTopic(name, Optional.of(1), Optional.empty())).toList()).all()
                    .get(60, TimeUnit.SECONDS);
        }
    }

    @FunctionalInterface
    private interface Timed {
        int run() throws Exception;
    }

    private static double seconds(Timed timed) throws Exception {
        long start = System.nanoTime();
        timed.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void deleteAll(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
