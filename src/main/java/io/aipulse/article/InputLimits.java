package io.aipulse.article;

import java.time.Duration;
import java.time.Instant;

/**
 * What an acceptable article looks like: at most {@code maxBytes} of UTF-8, published no earlier than
 * {@code earliest} and no later than {@code futureSkew} after now (a 2100 date is a broken feed, not news),
 * and an id of at most {@code maxIdChars} characters: the id is the Kafka key of the article and travels in
 * every event and window record, so a 600 KB id made records the broker refused.
 */
public record InputLimits(int maxBytes, Instant earliest, Duration futureSkew, int maxJsonDepth, int maxIdChars) {

    /** Ours are 18 characters; room for a feed's own ids (a URL, a UUID) without letting one fill a record. */
    public static final int DEFAULT_MAX_ID_CHARS = 512;

    public InputLimits(int maxBytes, Instant earliest, Duration futureSkew, int maxJsonDepth) {
        this(maxBytes, earliest, futureSkew, maxJsonDepth, DEFAULT_MAX_ID_CHARS);
    }

    public static InputLimits defaults() {
        return new InputLimits(1_048_576, Instant.parse("1990-01-01T00:00:00Z"), Duration.ofDays(2), 16);
    }

    /** The defaults with the configurable limits ({@code input.max.bytes}, {@code input.max.id.chars}) set. */
    public static InputLimits of(int maxBytes, int maxIdChars) {
        InputLimits defaults = defaults();
        return new InputLimits(maxBytes, defaults.earliest(), defaults.futureSkew(), defaults.maxJsonDepth(), maxIdChars);
    }

    void checkId(String id) throws RejectedInputException {
        if (id.length() > maxIdChars) {
            throw new RejectedInputException("id-too-long",
                    "article id of " + id.length() + " characters is over the maximum of " + maxIdChars);
        }
    }

    void checkSize(int bytes) throws RejectedInputException {
        if (bytes > maxBytes) {
            throw new RejectedInputException("too-large",
                    "article of " + bytes + " bytes is over the configured maximum of " + maxBytes);
        }
    }

    void checkPublished(Instant publishedAt, Instant now) throws RejectedInputException {
        if (!plausible(publishedAt, now)) {
            throw new RejectedInputException("implausible-date",
                    "publication time " + publishedAt + " is outside [" + earliest + ", now + " + futureSkew + "]");
        }
    }

    boolean plausible(Instant publishedAt, Instant now) {
        return !publishedAt.isBefore(earliest) && !publishedAt.isAfter(now.plus(futureSkew));
    }
}
