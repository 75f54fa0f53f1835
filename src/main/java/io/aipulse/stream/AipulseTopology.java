package io.aipulse.stream;

import io.aipulse.article.Article;
import io.aipulse.article.ArticleJson;
import io.aipulse.config.Settings;
import io.aipulse.extract.Event;
import io.aipulse.extract.EventExtractor;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The whole data flow, top to bottom: read articles, refuse what is not an article (dead-letter topic),
 * drop republished copies, extract events (joined with the live company table), write the events; then
 * send each article's events, with their calendar windows, to the identity stage (partitioned by event
 * identity), which decides once which distinct event each mention is and sends the windows only what
 * changes; aggregate those changes by group, and write updated and final aggregates (or late records).
 */
public final class AipulseTopology {

    public static final String COMPANY_STORE = "companies";
    /**
     * The article ids seen, each with its sequence number, and the ids by sequence number (to forget the
     * oldest). New names: the window store of earlier versions was called seen-articles, and its
     * changelog must not be read as a key-value store.
     */
    public static final String SEEN_ARTICLES_STORE = "article-ids-seen";
    public static final String SEEN_ORDER_STORE = "article-ids-order";
    /** Per event identity (type and canonical subject): one entry per date of its mentions. */
    public static final String IDENTITY_STORE = "identity-events";
    /** Per identity and date: the windows its mentions count in. */
    public static final String IDENTITY_WINDOWS_STORE = "identity-event-windows";
    /** The identities by the time they may be forgotten. */
    public static final String IDENTITY_EXPIRY_STORE = "identity-expiries";
    /** The identity stage's clock (the largest record time it has seen). */
    public static final String IDENTITY_CLOCK_STORE = "identity-clock";
    /** Each open window's totals. */
    public static final String WINDOW_STORE = "aggregate-windows";
    /** For each window and subject, how many of the window's events it is the subject of. */
    public static final String SUBJECT_STORE = "aggregate-subjects";
    /** The windows updated since their aggregate was last emitted (emitted once per commit interval). */
    public static final String UPDATED_STORE = "aggregate-updated-windows";
    /** Every emitted aggregate by group and window start, for interactive queries. */
    public static final String RESULT_STORE = "aggregate-results";
    /** The aggregation partition's clock (the largest record time it has seen) and next closing times. */
    public static final String CLOCK_STORE = "aggregate-clock";
    /** Articles' events to the identity stage, by event identity. */
    public static final String IDENTITY_REPARTITION = "by-event-identity";
    /** Window changes to the aggregation, by group (sector, city or sector x city key). */
    public static final String WINDOW_REPARTITION = "by-aggregate-group";
    private static final EventIdentities.StoreNames IDENTITY_STORES = new EventIdentities.StoreNames(IDENTITY_STORE,
            IDENTITY_WINDOWS_STORE, IDENTITY_EXPIRY_STORE, IDENTITY_CLOCK_STORE);
    private static final WindowAggregator.StoreNames AGGREGATOR_STORES = new WindowAggregator.StoreNames(WINDOW_STORE,
            SUBJECT_STORE, UPDATED_STORE, RESULT_STORE, CLOCK_STORE);

    static final String READ_ARTICLES = "read-articles";
    static final String PARSE_ARTICLES = "parse-articles";
    static final String SPLIT_OUTCOMES = "split-outcomes-";
    static final String ACCEPTED = "accepted";
    static final String REJECTED = "rejected";
    static final String UNWRAP_ARTICLES = "unwrap-articles";
    static final String UNWRAP_REJECTED = "unwrap-rejected";
    static final String WRITE_DEAD_LETTERS = "write-dead-letters";
    static final String DEDUPLICATE_ARTICLES = "deduplicate-articles";
    static final String EXTRACT_EVENTS = "extract-events";
    static final String KEY_EVENTS_BY_ID = "key-events-by-id";
    static final String WRITE_EVENTS = "write-events";
    static final String ROUTE_BY_IDENTITY = "route-by-identity";
    static final String DECIDE_EVENTS = "decide-events";
    static final String AGGREGATE_WINDOWS = "aggregate-windows";
    static final String SPLIT_RESULTS = "split-results-";
    static final String LATE = "late";
    static final String AGGREGATES = "aggregates";
    static final String UNWRAP_LATE = "unwrap-late";
    static final String UNWRAP_AGGREGATES = "unwrap-aggregates";
    static final String WRITE_LATE = "write-late";
    static final String WRITE_AGGREGATES = "write-aggregates";
    static final String READ_COMPANIES = "read-companies";

    private final Topics topics;
    private final EventExtractor extractor;
    private final ArticleJson articleJson;
    private final ZoneId zone;
    private final Map<CalendarWindow, Duration> grace;
    private final long dedupMaxArticles;
    private final WindowTime windowTime;
    private final Duration queryRetention;
    private final WorkingStores workingStores;
    private final StreamMetrics metrics;
    private final InputGuards guards;
    private final Duration identityRetention;
    private final int partitions;

    public AipulseTopology(Topics topics, EventExtractor extractor, ArticleJson articleJson, ZoneId zone,
                           Map<CalendarWindow, Duration> grace, long dedupMaxArticles, StreamMetrics metrics) {
        this(topics, extractor, articleJson, zone, grace, dedupMaxArticles, WindowTime.PUBLICATION,
                Duration.ofDays(180), WorkingStores.IN_MEMORY, metrics,
                new InputGuards(new InputRecordLimits(Integer.MAX_VALUE, Integer.MAX_VALUE),
                        BrokerLimits.kafkaDefaults(Integer.MAX_VALUE), new PoisonedInputs()),
                Duration.ofDays(7), 1);
    }

    /** The topology as the settings configure it (zone, grace, retentions, window time, working stores, limits). */
    public static AipulseTopology from(Topics topics, EventExtractor extractor, ArticleJson articleJson,
                                       Settings settings, StreamMetrics metrics) {
        return from(topics, extractor, articleJson, settings, metrics, InputGuards.from(settings));
    }

    /** The same, with the guards of a running service (the limits read from its topics). */
    public static AipulseTopology from(Topics topics, EventExtractor extractor, ArticleJson articleJson,
                                       Settings settings, StreamMetrics metrics, InputGuards guards) {
        return new AipulseTopology(topics, extractor, articleJson, settings.zone(), StreamsSettings.grace(settings),
                settings.getInt("dedup.max.articles"), StreamsSettings.windowTime(settings),
                settings.getDuration("query.retention"), WorkingStores.from(settings), metrics, guards,
                settings.getDuration("aggregation.identity.retention"), settings.getInt("topic.partitions"));
    }

    public AipulseTopology(Topics topics, EventExtractor extractor, ArticleJson articleJson, ZoneId zone,
                           Map<CalendarWindow, Duration> grace, long dedupMaxArticles, WindowTime windowTime,
                           Duration queryRetention, WorkingStores workingStores, StreamMetrics metrics,
                           InputGuards guards, Duration identityRetention, int partitions) {
        this.topics = topics;
        this.extractor = extractor;
        this.articleJson = articleJson;
        this.zone = zone;
        this.grace = Map.copyOf(grace);
        this.dedupMaxArticles = dedupMaxArticles;
        this.windowTime = windowTime;
        this.queryRetention = queryRetention;
        this.workingStores = workingStores;
        this.metrics = metrics;
        this.guards = guards;
        this.identityRetention = identityRetention;
        this.partitions = partitions;
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.globalTable(topics.companies.name(), topics.companies.consumed(READ_COMPANIES),
                Materialized.<String, io.aipulse.extract.Company, KeyValueStore<Bytes, byte[]>>as(COMPANY_STORE)
                        .withKeySerde(topics.companies.keySerde())
                        .withValueSerde(topics.companies.valueSerde()));
        builder.addStateStore(seenArticlesStore(SEEN_ARTICLES_STORE, Serdes.String(), Serdes.Long()));
        builder.addStateStore(seenArticlesStore(SEEN_ORDER_STORE, Serdes.Long(), Serdes.String()));
        builder.addStateStore(workingStore(IDENTITY_STORE, BinarySerdes.IDENTITY_STATE));
        builder.addStateStore(workingStore(IDENTITY_WINDOWS_STORE, BinarySerdes.WINDOW_SET));
        builder.addStateStore(workingStore(IDENTITY_EXPIRY_STORE, Serdes.Long()));
        builder.addStateStore(workingStore(IDENTITY_CLOCK_STORE, Serdes.Long()).withCachingEnabled());
        builder.addStateStore(workingStore(WINDOW_STORE, BinarySerdes.WINDOW_SUMMARY).withCachingEnabled());
        builder.addStateStore(workingStore(SUBJECT_STORE, Serdes.Long()));
        builder.addStateStore(workingStore(UPDATED_STORE, Serdes.Long()).withCachingEnabled());
        builder.addStateStore(resultStore());
        builder.addStateStore(workingStore(CLOCK_STORE, Serdes.Long()).withCachingEnabled());

        Map<String, KStream<String, ArticleOutcome>> outcomes = builder
                .stream(topics.articles.name(), topics.articles.consumed(READ_ARTICLES))
                .processValues(() -> new ArticleParser(articleJson, guards, metrics), Named.as(PARSE_ARTICLES))
                .split(Named.as(SPLIT_OUTCOMES))
                .branch((id, outcome) -> outcome.isAccepted(), Branched.as(ACCEPTED))
                .defaultBranch(Branched.as(REJECTED));

        outcomes.get(SPLIT_OUTCOMES + REJECTED)
                .map((key, outcome) -> KeyValue.pair(outcome.key(), outcome.raw()), Named.as(UNWRAP_REJECTED))
                .to(topics.deadLetters.name(), topics.deadLetters.produced(WRITE_DEAD_LETTERS));

        KStream<String, Article> articles = outcomes.get(SPLIT_OUTCOMES + ACCEPTED)
                .mapValues(ArticleOutcome::article, Named.as(UNWRAP_ARTICLES))
                .processValues(() -> new ArticleDeduplicator(SEEN_ARTICLES_STORE, SEEN_ORDER_STORE, dedupMaxArticles,
                        metrics), Named.as(DEDUPLICATE_ARTICLES), SEEN_ARTICLES_STORE, SEEN_ORDER_STORE);
        KStream<String, List<Event>> eventsByArticle = articles
                .process(() -> new EventExtraction(extractor, COMPANY_STORE, metrics), Named.as(EXTRACT_EVENTS));
        eventsByArticle
                .flatMap((articleId, events) -> events.stream().map(e -> KeyValue.pair(e.eventId(), e)).toList(),
                        Named.as(KEY_EVENTS_BY_ID))
                .to(topics.events.name(), topics.events.produced(WRITE_EVENTS));

        Map<String, KStream<String, WindowResult>> results = eventsByArticle
                .process(() -> new MentionRouter(zone, windowTime, partitions), Named.as(ROUTE_BY_IDENTITY))
                .repartition(Repartitioned.with(Serdes.String(), BinarySerdes.IDENTITY_BATCH)
                        .withStreamPartitioner(new BatchPartitioner<>())
                        .withNumberOfPartitions(partitions)
                        .withName(IDENTITY_REPARTITION))
                .process(() -> new EventIdentities(IDENTITY_STORES, zone, grace, identityRetention, partitions),
                        Named.as(DECIDE_EVENTS), IDENTITY_STORES.all())
                .repartition(Repartitioned.with(Serdes.String(), BinarySerdes.WINDOW_BATCH)
                        .withStreamPartitioner(new BatchPartitioner<>())
                        .withNumberOfPartitions(partitions)
                        .withName(WINDOW_REPARTITION))
                .process(() -> new WindowAggregator(AGGREGATOR_STORES, zone, grace, metrics),
                        Named.as(AGGREGATE_WINDOWS), AGGREGATOR_STORES.all())
                .split(Named.as(SPLIT_RESULTS))
                .branch((key, result) -> result.isLate(), Branched.as(LATE))
                .defaultBranch(Branched.as(AGGREGATES));

        results.get(SPLIT_RESULTS + LATE)
                .mapValues(WindowResult::late, Named.as(UNWRAP_LATE))
                .to(topics.late.name(), topics.late.produced(WRITE_LATE));
        results.get(SPLIT_RESULTS + AGGREGATES)
                .mapValues(WindowResult::aggregate, Named.as(UNWRAP_AGGREGATES))
                .to((key, aggregate, context) -> topicOf(aggregate),
                        org.apache.kafka.streams.kstream.Produced.with(Serdes.String(), topics.aggregateSerde)
                                .withName(WRITE_AGGREGATES));
        return builder.build();
    }

    private String topicOf(AggregateRecord aggregate) {
        return topics.aggregate(Dimension.fromId(aggregate.dimension()),
                CalendarWindow.fromIsoPeriod(aggregate.window())).name();
    }

    /**
     * On disk: they keep up to {@code dedup.max.articles} ids, far more than the open windows. Their
     * changelogs are compacted (Kafka Streams' default for key-value stores), so the broker never
     * deletes them by time, whatever the publication times of the articles.
     */
    private static <K, V> StoreBuilder<KeyValueStore<K, V>> seenArticlesStore(String name, Serde<K> keys,
                                                                             Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values)
                .withLoggingEnabled(Map.of());
    }

    private StoreBuilder<WindowStore<String, AggregateRecord>> resultStore() {
        Duration longestWindow = Duration.ofDays(8);
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(RESULT_STORE, maxOf(queryRetention, longestWindow), longestWindow, false),
                Serdes.String(), JsonSerde.of(AggregateRecord.class))
                .withCachingEnabled()
                .withLoggingEnabled(APPEND_TIME_CHANGELOG);
    }

    /**
     * Window-store changelogs delete by time (store retention + 1 day) against the wall clock, while
     * their records carry the publication time: a backfill older than that would vanish from the
     * changelog at once and be missing after a fail-over. Stamped on append, records expire by when
     * they were written; restoring does not read the record time (the window start is in the key).
     */
    private static final Map<String, String> APPEND_TIME_CHANGELOG =
            Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");

    private static Duration maxOf(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * The aggregation's working state: the open windows only (a closed window leaves it), so it stays
     * small and lives in memory, restored from its changelog on start. RocksDB cost more than the
     * aggregation itself. Stores whose keys are rewritten many times between commits (a window's
     * totals, the updated windows, the clock) are cached, so only their last value per commit reaches
     * the changelog; the others (groups, article and subject counters: a key rarely written twice in
     * one commit) go to it directly, as a cache would only add its own bookkeeping. Their changelogs
     * roll small segments: compaction only cleans rolled segments, and every start reads them whole.
     */
    private <V> StoreBuilder<KeyValueStore<String, V>> workingStore(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(workingStores.supplier(name), Serdes.String(), values)
                .withLoggingEnabled(SMALL_SEGMENTS);
    }

    private static final Map<String, String> SMALL_SEGMENTS =
            Map.of(TopicConfig.SEGMENT_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
}
