package io.aipulse.stream;

import io.aipulse.article.Article;
import io.aipulse.extract.Company;
import io.aipulse.extract.CompanyDirectory;
import io.aipulse.extract.Event;
import io.aipulse.extract.EventExtractor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Runs the extractor on each article and forwards the article's events together, keyed by article id
 * (the topology writes them one by one and routes them to their windows as one batch). Company look-ups go to
 * the live company table (the global store of {@code aipulse.companies}) before the bundled registry,
 * so a correction produced at runtime applies to the next article.
 */
final class EventExtraction implements Processor<String, Article, String, List<Event>> {

    private final EventExtractor extractor;
    private final String companyStoreName;
    private final StreamMetrics metrics;
    private ProcessorContext<String, List<Event>> context;
    private CompanyDirectory liveCompanies;

    EventExtraction(EventExtractor extractor, String companyStoreName, StreamMetrics metrics) {
        this.extractor = extractor;
        this.companyStoreName = companyStoreName;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, List<Event>> context) {
        this.context = context;
        ReadOnlyKeyValueStore<String, Object> store = context.getStateStore(companyStoreName);
        this.liveCompanies = name -> Optional.ofNullable(unwrap(store.get(name)));
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        long started = System.nanoTime();
        List<Event> events = extractor.extract(article, liveCompanies);
        metrics.extractionTime(Duration.ofNanos(System.nanoTime() - started));
        metrics.eventsExtracted(events);
        metrics.publicationLag(Duration.between(Instant.ofEpochMilli(record.timestamp()),
                Instant.ofEpochMilli(context.currentSystemTimeMs())));
        context.forward(record.withValue(events));
    }

    private static Company unwrap(Object stored) {
        if (stored instanceof ValueAndTimestamp<?> timestamped) {
            return (Company) timestamped.value();
        }
        return (Company) stored;
    }
}
