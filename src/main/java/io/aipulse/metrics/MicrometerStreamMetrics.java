package io.aipulse.metrics;

import io.aipulse.extract.Event;
import io.aipulse.stream.StreamMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The service's own meters. Tag values come from closed lists only (event types, sector ids, known
 * dead-letter reasons, window sizes), so a hostile input cannot create unbounded time series.
 */
public final class MicrometerStreamMetrics implements StreamMetrics {

    static final Set<String> SECTORS = Set.of("foundation-models", "compute-chips", "enterprise-software", "finance",
            "healthcare-biotech", "education", "transportation", "manufacturing", "media-entertainment",
            "ecommerce-marketing", "security-governance", "robotics", "science", "consumer-devices", "general");
    static final Set<String> DEAD_LETTER_REASONS = Set.of("not-json", "invalid-utf8", "empty-body", "empty-text",
            "too-large", "binary", "null-value", "not-an-object", "missing-field", "wrong-type", "bad-date",
            "implausible-date", "too-deep", "processing-error");
    private static final String OTHER = "other";

    private final MeterRegistry registry;
    private final Counter articles;
    private final Counter duplicates;
    private final Timer extraction;
    private final DistributionSummary publicationLag;

    public MicrometerStreamMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.articles = Counter.builder("aipulse.articles.consumed")
                .description("Input records read from the articles topic").register(registry);
        this.duplicates = Counter.builder("aipulse.articles.duplicates")
                .description("Republished articles dropped by the de-duplication store").register(registry);
        this.extraction = Timer.builder("aipulse.extraction.time")
                .description("Cleaning and extraction time per article")
                .publishPercentileHistogram()
                .register(registry);
        this.publicationLag = DistributionSummary.builder("aipulse.publication.lag")
                .description("Time from an article's publication to its processing")
                .baseUnit("seconds")
                .publishPercentileHistogram()
                .register(registry);
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
        Counter.builder("aipulse.deadletters")
                .description("Records sent to the dead-letter topic, by reason")
                .tag("reason", DEAD_LETTER_REASONS.contains(reason) ? reason : OTHER)
                .register(registry)
                .increment();
    }

    @Override
    public void eventsExtracted(List<Event> events) {
        for (Event event : events) {
            Counter.builder("aipulse.events.extracted")
                    .description("Events extracted, by type and sector")
                    .tag("type", event.type().name())
                    .tag("sector", SECTORS.contains(event.sector()) ? event.sector() : OTHER)
                    .register(registry)
                    .increment();
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
        Counter.builder("aipulse.late.records")
                .description("Records that arrived after their window closed")
                .tag("window", "P1D".equals(window) || "P7D".equals(window) ? window : OTHER)
                .register(registry)
                .increment();
    }
}
