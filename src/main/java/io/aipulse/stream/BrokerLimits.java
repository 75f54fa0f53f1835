package io.aipulse.stream;

import io.aipulse.article.RejectedInputException;
import java.time.Duration;
import java.time.Instant;

/**
 * What the broker accepts of the records this service writes: how far a record timestamp may be before or
 * after the broker's clock ({@code message.timestamp.before.max.ms}, {@code message.timestamp.after.max.ms})
 * and how large a dead-letter record may be. A record outside them is refused by the broker, and under
 * exactly-once one refusal aborts the whole transaction: the same input fails again on every retry.
 *
 * @param timestampsBefore how far in the past a record time may be; {@code null}: no limit
 * @param timestampsAfter  how far in the future a record time may be
 */
public record BrokerLimits(int deadLetterMaxBytes, Duration timestampsBefore, Duration timestampsAfter) {

    /** Kafka's defaults: any time in the past, at most one hour ahead. */
    public static final Duration KAFKA_DEFAULT_AFTER = Duration.ofHours(1);
    private static final Duration MARGIN = Duration.ofMinutes(5);

    public static BrokerLimits kafkaDefaults(int deadLetterMaxBytes) {
        return new BrokerLimits(deadLetterMaxBytes, null, KAFKA_DEFAULT_AFTER);
    }

    /**
     * The record time to write for an accepted article published at {@code time}. Later than the broker
     * accepts (a feed labelling Beijing wall-clock time as UTC is eight hours ahead): now, when it was
     * published at the latest. Earlier than the broker accepts: refused, as moving old news to today would
     * put it in the wrong windows. Both with a margin: the output is appended up to a commit interval later
     * and the broker's clock may differ from ours.
     */
    long recordTime(long time, long now) throws RejectedInputException {
        if (time > latestAccepted(now)) {
            return now;
        }
        if (time < earliestAccepted(now)) {
            throw new RejectedInputException("too-old-for-topics",
                    "publication time " + Instant.ofEpochMilli(time) + " is older than the topics accept"
                            + " (message.timestamp.before.max.ms = " + timestampsBefore.toMillis() + ")");
        }
        return time;
    }

    /** The time of a dead letter: as received when the broker takes it, else now. */
    long deadLetterTime(long time, long now) {
        return time > latestAccepted(now) || time < earliestAccepted(now) || time < 0 ? now : time;
    }

    private long latestAccepted(long now) {
        // a topic may allow any future (Long.MAX_VALUE ms): capped so that the sum cannot wrap
        long after = Math.min(timestampsAfter.toMillis(), Long.MAX_VALUE / 4);
        return now + after - margin(after);
    }

    private long earliestAccepted(long now) {
        if (timestampsBefore == null || timestampsBefore.toMillis() >= now) {
            return Long.MIN_VALUE;
        }
        long before = timestampsBefore.toMillis();
        return now - before + margin(before);
    }

    /** A fifth of the allowance, at most five minutes: far more than a commit interval or clock skew. */
    private static long margin(long allowance) {
        return Math.min(allowance / 5, MARGIN.toMillis());
    }
}
