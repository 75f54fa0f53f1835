package io.aipulse.metrics;

import io.aipulse.extract.Event;
import io.aipulse.extract.EventType;
import io.aipulse.stream.StreamMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's own meters (docs/OBSERVABILITY.md lists them with their Prometheus names).
 *
 * <p>Tag values come from closed lists only ({@link EventType}, {@link MetricTags}), so a hostile input
 * cannot create unbounded time series. Every counter is registered at zero for every value of its
 * closed lists when the service starts: a series that exists before its first increment lets
 * {@code rate()} and {@code increase()} see that increment, and a dashboard shows 0 rather than "no
 * data" for dead letters and late records that have not happened.
 *
 * <p>Counters count processing, not committed output: under exactly-once, a batch that is aborted and
 * re-processed is counted again.
 */
public final class MicrometerStreamMetrics implements StreamMetrics {

    public static final String ARTICLES_CONSUMED = "aipulse.articles.consumed";
    public static final String ARTICLES_DUPLICATES = "aipulse.articles.duplicates";
    public static final String EVENTS_EXTRACTED = "aipulse.events.extracted";
    public static final String EVENTS_BY_CITY = "aipulse.events.extracted.by.city";
    public static final String EXTRACTION_TIME = "aipulse.extraction.time";
    public static final String PUBLICATION_LAG = "aipulse.publication.lag";
    public static final String DEAD_LETTERS = "aipulse.deadletters";
    public static final String LATE_RECORDS = "aipulse.late.records";
    public static final String THREAD_REPLACEMENTS = "aipulse.stream.thread.replacements";

    /** Histogram buckets of the extraction time: 0.5 ms to 10 s. */
    static final Duration[] EXTRACTION_BUCKETS = {Duration.ofNanos(500_000), Duration.ofMillis(1),
            Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    /**
     * Histogram buckets of the publication lag, in seconds: 1 s to one year (news is processed seconds
     * after publication in steady state; a replay of old articles lands in the last buckets).
     */
    static final double[] PUBLICATION_LAG_BUCKETS = {1, 5, 15, 60, 300, 900, 3_600, 6 * 3_600, 86_400,
            7 * 86_400, 30 * 86_400, 365 * 86_400};

    private final MeterRegistry registry;
    private final Counter articles;
    private final Counter duplicates;
    private final Counter threadReplacements;
    private final Timer extraction;
    private final DistributionSummary publicationLag;
    private final Map<String, Counter> eventsByTypeAndSector = new ConcurrentHashMap<>();
    private final Map<String, Counter> eventsByCity = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Counter> lateRecords = new ConcurrentHashMap<>();

    public MicrometerStreamMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.articles = Counter.builder(ARTICLES_CONSUMED)
                .description("Input records read from the articles topic (valid or not)").register(registry);
        this.duplicates = Counter.builder(ARTICLES_DUPLICATES)
                .description("Republished articles dropped by the de-duplication store").register(registry);
        this.threadReplacements = Counter.builder(THREAD_REPLACEMENTS)
                .description("Stream threads that failed and were replaced since start").register(registry);
        this.extraction = Timer.builder(EXTRACTION_TIME)
                .description("Cleaning and extraction time per article")
                .serviceLevelObjectives(EXTRACTION_BUCKETS)
                .register(registry);
        this.publicationLag = DistributionSummary.builder(PUBLICATION_LAG)
                .description("Time from an article's publication (its record timestamp) to its processing")
                .baseUnit("seconds")
                .serviceLevelObjectives(PUBLICATION_LAG_BUCKETS)
                .register(registry);
        List<String> sectors = new ArrayList<>(MetricTags.SECTORS);
        sectors.add(MetricTags.OTHER);
        for (EventType type : EventType.values()) {
            for (String sector : sectors) {
                eventCounter(type.name(), sector);
            }
        }
        List<String> cities = new ArrayList<>(MetricTags.CITIES);
        cities.add(MetricTags.OTHER);
        cities.forEach(this::cityCounter);
        List<String> reasons = new ArrayList<>(MetricTags.DEAD_LETTER_REASONS);
        reasons.add(MetricTags.OTHER);
        reasons.forEach(this::deadLetterCounter);
        MetricTags.WINDOWS.forEach(this::lateCounter);
    }

    @Override
    public void articleConsumed() {
        articles.increment();
    }

    @Override
    public void duplicateArticle() {
        duplicates.increment();
    }

    @Override
    public void deadLetter(String reason) {
        deadLetterCounter(MetricTags.deadLetterReason(reason)).increment();
    }

    @Override
    public void eventsExtracted(List<Event> events) {
        for (Event event : events) {
            String type = event.type() == null ? MetricTags.OTHER : event.type().name();
            eventCounter(type, MetricTags.sector(event.sector())).increment();
            cityCounter(MetricTags.city(event.city())).increment();
        }
    }

    @Override
    public void extractionTime(Duration elapsed) {
        extraction.record(elapsed);
    }

    @Override
    public void publicationLag(Duration lag) {
        publicationLag.record(Math.max(0, lag.toMillis()) / 1000.0);
    }

    @Override
    public void lateRecord(String window) {
        lateCounter(MetricTags.window(window)).increment();
    }

    @Override
    public void streamThreadFailed() {
        threadReplacements.increment();
    }

    /** Stream threads failed (and replaced) since start. */
    public long threadReplacements() {
        return (long) threadReplacements.count();
    }

    private Counter eventCounter(String type, String sector) {
        return eventsByTypeAndSector.computeIfAbsent(type + '|' + sector, key -> Counter.builder(EVENTS_EXTRACTED)
                .description("Events extracted, by type and sector")
                .tag("type", type)
                .tag("sector", sector)
                .register(registry));
    }

    private Counter cityCounter(String city) {
        return eventsByCity.computeIfAbsent(city, key -> Counter.builder(EVENTS_BY_CITY)
                .description("Events extracted, by the city of their main actor (known cities; others: other)")
                .tag("city", city)
                .register(registry));
    }

    private Counter deadLetterCounter(String reason) {
        return deadLetters.computeIfAbsent(reason, key -> Counter.builder(DEAD_LETTERS)
                .description("Records sent to the dead-letter topic by input validation, by reason")
                .tag("reason", reason)
                .register(registry));
    }

    private Counter lateCounter(String window) {
        return lateRecords.computeIfAbsent(window, key -> Counter.builder(LATE_RECORDS)
                .description("Mentions that arrived after their window closed (sent to the late topic)")
                .tag("window", window)
                .register(registry));
    }
}
