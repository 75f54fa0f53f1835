package io.aipulse.bench;

import io.aipulse.article.Article;
import io.aipulse.article.ArticleJson;
import io.aipulse.config.Settings;
import io.aipulse.extract.EventExtractor;
import io.aipulse.stream.AipulseTopology;
import io.aipulse.stream.StreamsSettings;
import io.aipulse.stream.TopicSetup;
import io.aipulse.stream.Topics;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The pipeline measured against its ceilings in one run: produce -> topology (exactly-once) ->
 * aggregates on a broker, the extractor alone on the same articles, and a plain consumer reading the
 * input topic; then the produce -> aggregate latency at a fixed rate.
 */
public final class EndToEndBenchmark {

    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(20);

    /** The benchmark's parameters. */
    public record Plan(int articles, int articleBytes, int threads, int latencyRate, int latencySeconds,
                       int articlesPerDay, int warmupArticles) {
    }

    /** Organisations in the generated leads: thousands, as in a national feed's month. */
    static final int POOL_SIZE = 5_000;
    /** Generated leads per article, before its recombined paragraphs. */
    static final int LEADS_PER_ARTICLE = 2;

    /** What it measured; {@link #json()} is the last line the command prints. */
    public record Report(int articles, int articlesPerDay, double articlesPerSec, double mbPerSec, double extractOnlyMbPerSec,
                         double rawConsumerMbPerSec, double p50Ms, double p99Ms, double peakHeapMb) {

        public double ratio() {
            return mbPerSec / extractOnlyMbPerSec;
        }

        public String json() {
            return String.format(java.util.Locale.ROOT,
                    "{\"articles\":%d,\"articlesPerDay\":%d,\"articlesPerSec\":%.1f,\"mbPerSec\":%.2f,\"extractOnlyMbPerSec\":%.2f,"
                            + "\"rawConsumerMbPerSec\":%.1f,\"ratio\":%.3f,\"p50Ms\":%.1f,\"p99Ms\":%.1f,"
                            + "\"peakHeapMb\":%.1f}",
                    articles, articlesPerDay, articlesPerSec, mbPerSec, extractOnlyMbPerSec, rawConsumerMbPerSec, ratio(), p50Ms,
                    p99Ms, peakHeapMb);
        }
    }

    private final Settings settings;
    private final EventExtractor extractor;
    private final ArticleJson articleJson;
    private final PrintStream out;

    public EndToEndBenchmark(Settings settings, EventExtractor extractor, ArticleJson articleJson, PrintStream out) {
        this.settings = settings;
        this.extractor = extractor;
        this.articleJson = articleJson;
        this.out = out;
    }

    public Report run(Corpus corpus, Plan plan) throws Exception {
        ZoneId zone = settings.zone();
        Instant throughputStart = Instant.parse("2000-01-01T00:00:00Z");
        NewsPool pool = new NewsPool(POOL_SIZE, 7L);
        Duration step = Duration.ofNanos(Duration.ofDays(1).toNanos() / plan.articlesPerDay());
        List<Article> articles = corpus.articles(plan.articles(), plan.articleBytes(), throughputStart,
                step, 42L, "https://bench.aipulse.invalid/a/", pool, LEADS_PER_ARTICLE);
        Instant latencyStart = articles.get(articles.size() - 1).publishedAt().plus(Duration.ofDays(3));
        List<Article> timed = corpus.articles(plan.latencyRate() * plan.latencySeconds(), plan.articleBytes(),
                latencyStart, Duration.ofDays(1), 4242L, "https://bench.aipulse.invalid/l/", pool, LEADS_PER_ARTICLE);
        long bytes = Corpus.utf8Bytes(articles);
        out.printf("corpus: %d articles, %.1f MB (%d paragraphs recombined, %d leads each from %d organisations),"
                        + " %d articles a day%n", articles.size(), bytes / 1e6, corpus.paragraphCount(), LEADS_PER_ARTICLE,
                POOL_SIZE, plan.articlesPerDay());

        // warm-up articles of their own, published before the timed ones
        List<Article> warmup = corpus.articles(plan.warmupArticles(), plan.articleBytes(),
                throughputStart.minus(step.multipliedBy(plan.warmupArticles())), step, 4343L,
                "https://bench.aipulse.invalid/w/", pool, LEADS_PER_ARTICLE);
        JitWarmUp jit = JitWarmUp.ofThisJvm();
        ExtractionCeiling.Result ceiling = ExtractionCeiling.measure(extractor, jit, warmup, articles, plan.threads());
        out.printf("extract only (%d thread%s): %.1f articles/s, %.2f MB/s, %d events (%s)%n", plan.threads(),
                plan.threads() == 1 ? "" : "s", ceiling.articlesPerSec(), ceiling.mbPerSec(), ceiling.events(),
                describe(ceiling.warmUp()));

        if (!warmup.isEmpty()) {
            PipelineWarmUp warm = warmUp(jit, warmup);
            out.printf("end to end, warm-up on topics of its own (Kafka's code cold at its start): %.1f articles/s (%s)%n",
                    warm.articlesPerSec(), describe(warm.outcome()));
        }
        Topics topics = Topics.from(settings);
        TopicSetup.from(topics, settings).prepare(settings.kafkaClientProperties());
        CountingMetrics metrics = new CountingMetrics();
        Path stateDir = Files.createTempDirectory("aipulse-bench-state");
        try (HeapSampler heap = new HeapSampler();
             KafkaStreams streams = startStreams(settings, topics, metrics, stateDir)) {
            long started = System.nanoTime();
            produce(topics, articles);
            awaitDrained(metrics, articles.size());
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("end to end (exactly-once): %.1f articles/s, %.2f MB/s (%d events, %d mentions)%n",
                    articles.size() / seconds, bytes / 1e6 / seconds, metrics.events.get(), metrics.mentions.get());
            if (metrics.events.get() != ceiling.events()) {
                out.printf("note: the stream extracted %d events, the extractor alone %d%n", metrics.events.get(),
                        ceiling.events());
            }

            double rawMbPerSec = rawConsumerMbPerSec(topics);
            out.printf("raw consumer of %s: %.1f MB/s%n", topics.articles.name(), rawMbPerSec);

            double[] latency = latency(topics, timed, plan.latencyRate(), zone);
            out.printf("latency at %d articles/s: p50 %.1f ms, p99 %.1f ms (%d articles with events)%n",
                    plan.latencyRate(), latency[0], latency[1], (long) latency[2]);
            out.printf("heap: peak used %.1f MB, peak used after a collection %.1f MB (of %d MB)%n", heap.peakMb(),
                    heap.peakAfterGcMb(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
            return new Report(articles.size(), plan.articlesPerDay(), articles.size() / seconds, bytes / 1e6 / seconds, ceiling.mbPerSec(),
                    rawMbPerSec, latency[0], latency[1], heap.peakMb());
        }
    }

    /** What the pipeline's warm-up did, and its articles/s from a cold start. */
    private record PipelineWarmUp(JitWarmUp.Outcome outcome, double articlesPerSec) {
    }

    /**
     * The same pipeline on topics and state of its own, closed afterwards: the JIT compiles the broker's, the
     * clients' and Kafka Streams' code before the timed run, as the ceiling's warm-up does for the extractor's.
     */
    private PipelineWarmUp warmUp(JitWarmUp jit, List<Article> warmup) throws Exception {
        Settings warm = settings.with("application.id", settings.get("application.id") + "-warmup");
        Set<String> names = new java.util.HashSet<>();
        Topics.from(settings).all().forEach(topic -> names.add(topic.name()));
        for (Map.Entry<String, String> entry : settings.withPrefix("topic.").entrySet()) {
            if (names.contains(entry.getValue())) {
                warm = warm.with("topic." + entry.getKey(), entry.getValue() + ".warmup");
            }
        }
        Topics topics = Topics.from(warm);
        TopicSetup.from(topics, warm).prepare(warm.kafkaClientProperties());
        CountingMetrics metrics = new CountingMetrics();
        Path stateDir = Files.createTempDirectory("aipulse-bench-warmup");
        try (KafkaStreams streams = startStreams(warm, topics, metrics, stateDir)) {
            long[] produced = {0};
            long started = System.nanoTime();
            JitWarmUp.Outcome outcome = jit.run(warmup, slice -> {
                produce(topics, slice);
                produced[0] += slice.size();
                awaitDrained(metrics, produced[0]);
            });
            return new PipelineWarmUp(outcome, outcome.articles() / ((System.nanoTime() - started) / 1e9));
        }
    }

    private static String describe(JitWarmUp.Outcome warm) {
        if (warm.rounds() == 0) {
            return "no warm-up";
        }
        return String.format(java.util.Locale.ROOT, "after %d warm-up articles in %d rounds, the JIT at %.0f %% of a core%s",
                warm.articles(), warm.rounds(), 100 * warm.lastCompileShare(), warm.quiet() ? "" : ", not yet quiet");
    }

    private KafkaStreams startStreams(Settings streamSettings, Topics topics, CountingMetrics metrics, Path stateDir)
            throws InterruptedException {
        AipulseTopology topology = AipulseTopology.from(topics, extractor, articleJson, streamSettings, metrics);
        KafkaStreams streams = new KafkaStreams(topology.build(),
                StreamsSettings.properties(streamSettings, stateDir.toString(), metrics));
        streams.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("streams did not reach RUNNING: " + streams.state());
            }
            Thread.sleep(50);
        }
        return streams;
    }

    private void produce(Topics topics, List<Article> articles) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (Article article : articles) {
                producer.send(new ProducerRecord<>(topics.articles.name(), null, article.publishedAt().toEpochMilli(),
                        article.id(), articleJson.write(article)));
            }
            producer.flush();
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties props = settings.kafkaClientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Until every article was read and every mention of the events extracted from them aggregated. */
    private static void awaitDrained(CountingMetrics metrics, long articles) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (metrics.articles.get() < articles || metrics.mentions.get() < 6L * metrics.events.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pipeline did not drain: " + metrics.mentions.get() + " mentions of "
                        + 6L * metrics.events.get() + ", " + metrics.articles.get() + " of " + articles + " articles, "
                        + metrics.deadLetters.get() + " dead letters");
            }
            Thread.sleep(5);
        }
    }

    private double rawConsumerMbPerSec(Topics topics) {
        Properties props = settings.kafkaClientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "aipulse-bench-raw-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topics.articles.name()).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            long read = 0;
            long bytes = 0;
            long started = System.nanoTime();
            while (read < total) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    bytes += record.value() == null ? 0 : record.value().length;
                    read++;
                }
            }
            return bytes / 1e6 / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** p50, p99 and the number of measured articles: produce -> first aggregate of the article's day. */
    private double[] latency(Topics topics, List<Article> timed, int rate, ZoneId zone) throws InterruptedException {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread watcher = new Thread(() -> watch(topics, seenAt, stop), "latency-watcher");
        watcher.start();
        Thread.sleep(2000);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long next = System.nanoTime();
            for (Article article : timed) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    // sleep, not spin: on two cores a spinning driver would take a core from the pipeline
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                next += interval;
                sentAt.put(article.publishedOn(zone).toString(), System.nanoTime());
                producer.send(new ProducerRecord<>(topics.articles.name(), null, article.publishedAt().toEpochMilli(),
                        article.id(), articleJson.write(article)));
                producer.flush();
            }
        }
        Set<String> withEvents = datesWithEvents(timed, zone);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!seenAt.keySet().containsAll(withEvents) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        stop.set(true);
        watcher.join();
        List<Double> millis = new ArrayList<>();
        for (String day : withEvents) {
            Long seen = seenAt.get(day);
            if (seen != null) {
                millis.add((seen - sentAt.get(day)) / 1e6);
            }
        }
        millis.sort(Double::compare);
        if (millis.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN, 0};
        }
        return new double[] {percentile(millis, 0.50), percentile(millis, 0.99), millis.size()};
    }

    private Set<String> datesWithEvents(List<Article> timed, ZoneId zone) {
        Set<String> dates = new java.util.HashSet<>();
        for (Article article : timed) {
            if (!extractor.extract(article).isEmpty()) {
                dates.add(article.publishedOn(zone).toString());
            }
        }
        return dates;
    }

    private void watch(Topics topics, Map<String, Long> seenAt, AtomicBoolean stop) {
        Properties props = settings.kafkaClientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "aipulse-bench-latency-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        String topic = topics.aggregate(io.aipulse.stream.Dimension.SECTOR, io.aipulse.stream.CalendarWindow.DAY).name();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    String key = record.key();
                    seenAt.putIfAbsent(key.substring(key.lastIndexOf('@') + 1), now);
                }
            }
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
