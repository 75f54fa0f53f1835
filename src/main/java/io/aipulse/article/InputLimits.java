package io.aipulse.article;

import java.time.Duration;
import java.time.Instant;

/**
 * What an acceptable article looks like: at most {@code maxBytes} of UTF-8, published no earlier than
 * {@code earliest} and no later than {@code futureSkew} after now (a 2100 date is a broken feed, not news).
 */
public record InputLimits(int maxBytes, Instant earliest, Duration futureSkew, int maxJsonDepth) {

    public static InputLimits defaults() {
        return new InputLimits(1_048_576, Instant.parse("1990-01-01T00:00:00Z"), Duration.ofDays(2), 16);
    }

    void checkSize(int bytes) throws RejectedInputException {
        if (bytes > maxBytes) {
            throw new RejectedInputException("too-large",
                    "article of " + bytes + " bytes is over the configured maximum of " + maxBytes);
        }
    }

    void checkPublished(Instant publishedAt, Instant now) throws RejectedInputException {
        if (publishedAt.isBefore(earliest) || publishedAt.isAfter(now.plus(futureSkew))) {
            throw new RejectedInputException("implausible-date",
                    "publication time " + publishedAt + " is outside [" + earliest + ", now + " + futureSkew + "]");
        }
    }
}
