package io.aipulse.stream;

import io.aipulse.extract.Event;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link StreamMetrics} that remembers what the topology reported. */
final class RecordingStreamMetrics implements StreamMetrics {

    final AtomicInteger articlesConsumed = new AtomicInteger();
    final AtomicInteger duplicates = new AtomicInteger();
    final List<String> deadLetterReasons = new CopyOnWriteArrayList<>();
    final List<Event> eventsExtracted = new CopyOnWriteArrayList<>();
    final AtomicInteger extractions = new AtomicInteger();
    final List<String> lateWindows = new CopyOnWriteArrayList<>();

    @Override
    public void articleConsumed() {
        articlesConsumed.incrementAndGet();
    }

    @Override
    public void duplicateArticle() {
        duplicates.incrementAndGet();
    }

    @Override
    public void deadLetter(String reason) {
        deadLetterReasons.add(reason);
    }

    @Override
    public void eventsExtracted(List<Event> events) {
        eventsExtracted.addAll(events);
    }

    @Override
    public void extractionTime(Duration elapsed) {
        extractions.incrementAndGet();
    }

    @Override
    public void publicationLag(Duration lag) {
    }

    @Override
    public void lateRecord(String window) {
        lateWindows.add(window);
    }
}
