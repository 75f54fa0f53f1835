package io.aipulse.stream;

import io.aipulse.extract.Event;
import java.time.Duration;
import java.util.List;

/** What the topology reports as it goes; the metrics package records it in Micrometer. */
public interface StreamMetrics {

    void articleConsumed();

    void duplicateArticle();

    void deadLetter(String reason);

    void eventsExtracted(List<Event> events);

    void extractionTime(Duration elapsed);

    void publicationLag(Duration lag);

    void lateRecord(String window);

    /** One mention reached its window (aggregated, unchanged, or late): benchmarks count these. */
    default void mentionProcessed() {
    }

    /** A stream thread failed with an exception nothing handled; it is replaced. */
    default void streamThreadFailed() {
    }

    /** Records nothing: for tests and tools that do not export metrics. */
    static StreamMetrics none() {
        return new StreamMetrics() {
            @Override public void articleConsumed() { }
            @Override public void duplicateArticle() { }
            @Override public void deadLetter(String reason) { }
            @Override public void eventsExtracted(List<Event> events) { }
            @Override public void extractionTime(Duration elapsed) { }
            @Override public void publicationLag(Duration lag) { }
            @Override public void lateRecord(String window) { }
        };
    }
}
