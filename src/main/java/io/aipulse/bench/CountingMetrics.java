package io.aipulse.bench;

import io.aipulse.extract.Event;
import io.aipulse.stream.StreamMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what the topology did, so the benchmark knows when the pipeline has drained. */
final class CountingMetrics implements StreamMetrics {

    final AtomicLong articles = new AtomicLong();
    final AtomicLong events = new AtomicLong();
    final AtomicLong mentions = new AtomicLong();
    final AtomicLong deadLetters = new AtomicLong();
    final AtomicLong late = new AtomicLong();

    @Override
    public void articleConsumed() {
        articles.incrementAndGet();
    }

    @Override
    public void duplicateArticle() {
    }

    @Override
    public void deadLetter(String reason) {
        deadLetters.incrementAndGet();
    }

    @Override
    public void eventsExtracted(List<Event> extracted) {
        events.addAndGet(extracted.size());
    }

    @Override
    public void extractionTime(Duration elapsed) {
    }

    @Override
    public void publicationLag(Duration lag) {
    }

    @Override
    public void lateRecord(String window) {
        late.incrementAndGet();
    }

    @Override
    public void mentionProcessed() {
        mentions.incrementAndGet();
    }
}
