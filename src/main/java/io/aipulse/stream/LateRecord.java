package io.aipulse.stream;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An event that arrived after its window had closed (window end + grace passed in stream time). */
@JsonPropertyOrder({"reason", "dimension", "key", "window", "windowStart", "windowEnd", "graceEnd", "streamTime",
        "recordTime", "eventId", "articleId"})
public record LateRecord(
        String reason,
        String dimension,
        String key,
        String window,
        String windowStart,
        String windowEnd,
        String graceEnd,
        String streamTime,
        String recordTime,
        String eventId,
        String articleId) {
}
