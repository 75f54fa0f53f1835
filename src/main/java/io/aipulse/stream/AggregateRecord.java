package io.aipulse.stream;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * One aggregate of spec/EVENTS.md: the events of one key in one calendar window. The latest record per
 * output key is the current truth; {@code final} is true once, when the window has closed.
 */
@JsonPropertyOrder({"key", "dimension", "windowStart", "windowEnd", "window", "events", "articles", "byType",
        "fundingCnyMin", "fundingCnyMax", "topSubjects", "final"})
public record AggregateRecord(
        String key,
        String dimension,
        String windowStart,
        String windowEnd,
        String window,
        long events,
        long articles,
        Map<String, Long> byType,
        Long fundingCnyMin,
        Long fundingCnyMax,
        List<SubjectCount> topSubjects,
        @com.fasterxml.jackson.annotation.JsonProperty("final") boolean isFinal) {

    /** A subject and its number of distinct events in the window. */
    public record SubjectCount(String subject, long events) {
    }

    /** The output-topic key: {@code healthcare-biotech@2023-07-24}. */
    public String outputKey() {
        return key + "@" + windowStart.substring(0, 10);
    }
}
