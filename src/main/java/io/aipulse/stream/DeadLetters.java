package io.aipulse.stream;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/** Headers that say why a record went to the dead-letter topic. */
public final class DeadLetters {

    /** A short stable code: {@code not-json}, {@code empty-text}, {@code too-large}, ... */
    public static final String REASON_HEADER = "aipulse.error.reason";
    /** A sentence for a person. */
    public static final String MESSAGE_HEADER = "aipulse.error.message";
    /** Where the record was read: {@code topic-partition@offset}. */
    public static final String SOURCE_HEADER = "aipulse.error.source";
    /**
     * The one header our outputs carry: the input record they come from ({@code topic-partition@offset}), so
     * that an output the broker refuses can be traced to its input.
     */
    public static final String INPUT_HEADER = "aipulse.input";
    /**
     * Kafka Streams' names for the error headers of its own dead letters (KIP-1034,
     * {@code ExceptionHandlerUtils}, an internal class), so consumers of either read the same headers.
     */
    public static final String STREAMS_EXCEPTION_HEADER = "__streams.errors.exception";
    public static final String STREAMS_MESSAGE_HEADER = "__streams.errors.message";
    public static final String STREAMS_TOPIC_HEADER = "__streams.errors.topic";
    public static final String STREAMS_PARTITION_HEADER = "__streams.errors.partition";
    public static final String STREAMS_OFFSET_HEADER = "__streams.errors.offset";
    private static final int MAX_MESSAGE_CHARS = 500;

    private DeadLetters() {
    }

    static void annotate(Headers headers, String reason, String message) {
        headers.remove(REASON_HEADER).remove(MESSAGE_HEADER);
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(MESSAGE_HEADER, truncate(message).getBytes(StandardCharsets.UTF_8));
    }

    /** Our error headers and Kafka Streams' ones: what a cut dead letter keeps. */
    static boolean isErrorHeader(String name) {
        return name.startsWith("aipulse.error.") || name.startsWith("__streams.errors.");
    }

    static String truncate(String message) {
        String text = message == null ? "" : message;
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
}
