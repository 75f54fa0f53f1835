package io.aipulse.stream;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a dead letter, one convention for all of them (refused by validation, failed in
 * processing, not deserialisable, refused by the broker): Kafka Streams' own error headers (KIP-1034:
 * where the record was read, the exception and its message, the stack trace of a failure) and our short
 * reason code, next to the headers the record arrived with. Consumers of Kafka's dead-letter queues read
 * ours unchanged.
 */
public final class DeadLetters {

    /** A short stable code: {@code not-json}, {@code empty-text}, {@code too-large}, ... */
    public static final String REASON_HEADER = "aipulse.error.reason";
    /** The processor in which a record failed (processing errors). */
    public static final String PROCESSOR_HEADER = "aipulse.error.processor";
    /**
     * The one header our outputs carry: the input record they come from ({@code topic-partition@offset}), so
     * that an output the broker refuses can be traced to its input.
     */
    public static final String INPUT_HEADER = "aipulse.input";
    /**
     * Kafka Streams' names for the error headers of its own dead letters (KIP-1034; the constants are in
     * its internal {@code ExceptionHandlerUtils}), so consumers of either read the same headers.
     */
    public static final String STREAMS_EXCEPTION_HEADER = "__streams.errors.exception";
    public static final String STREAMS_MESSAGE_HEADER = "__streams.errors.message";
    public static final String STREAMS_STACKTRACE_HEADER = "__streams.errors.stacktrace";
    public static final String STREAMS_TOPIC_HEADER = "__streams.errors.topic";
    public static final String STREAMS_PARTITION_HEADER = "__streams.errors.partition";
    public static final String STREAMS_OFFSET_HEADER = "__streams.errors.offset";
    private static final int MAX_MESSAGE_CHARS = 500;

    private DeadLetters() {
    }

    /** Where a dead letter was read: its source topic, partition and offset. */
    record Source(String topic, int partition, long offset) {
    }

    /**
     * The headers a record arrived with (without error headers of an earlier dead letter, so each name is
     * there once), then the error headers of this one.
     *
     * @param withStackTrace true for a failure (an exception in processing, deserialisation or production),
     *                       as Kafka's dead letters carry; false for a refusal by validation, whose reason
     *                       and message say all there is
     */
    static Headers headers(Headers received, String reason, Source source, Exception error, boolean withStackTrace) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : received) {
            if (!isErrorHeader(header.key())) {
                headers.add(header);
            }
        }
        add(headers, STREAMS_EXCEPTION_HEADER, error.getClass().getName());
        add(headers, STREAMS_MESSAGE_HEADER, truncate(error.getMessage()));
        if (withStackTrace) {
            add(headers, STREAMS_STACKTRACE_HEADER, stackTrace(error));
        }
        add(headers, STREAMS_TOPIC_HEADER, source.topic());
        add(headers, STREAMS_PARTITION_HEADER, Integer.toString(source.partition()));
        add(headers, STREAMS_OFFSET_HEADER, Long.toString(source.offset()));
        add(headers, REASON_HEADER, reason);
        return headers;
    }

    /** Our error headers and Kafka Streams' ones: what a cut dead letter keeps. */
    static boolean isErrorHeader(String name) {
        return name.startsWith("aipulse.error.") || name.startsWith("__streams.errors.");
    }

    static String truncate(String message) {
        String text = message == null ? "" : message;
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "...";
    }

    private static String stackTrace(Exception error) {
        StringWriter trace = new StringWriter();
        try (PrintWriter writer = new PrintWriter(trace)) {
            error.printStackTrace(writer);
        }
        return trace.toString();
    }

    /** A header; a null value (a punctuation has no source topic) stays null, as in Kafka's dead letters. */
    static void add(Headers headers, String name, String value) {
        headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
