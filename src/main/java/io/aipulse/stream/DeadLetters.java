package io.aipulse.stream;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/** Headers that say why a record went to the dead-letter topic. */
public final class DeadLetters {

    /** A short stable code: {@code not-json}, {@code empty-text}, {@code too-large}, ... */
    public static final String REASON_HEADER = "aipulse.error.reason";
    /** A sentence for a person. */
    public static final String MESSAGE_HEADER = "aipulse.error.message";

    private DeadLetters() {
    }

    static void annotate(Headers headers, String reason, String message) {
        headers.remove(REASON_HEADER).remove(MESSAGE_HEADER);
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(MESSAGE_HEADER, truncate(message).getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String message) {
        String text = message == null ? "" : message;
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
