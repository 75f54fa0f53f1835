package io.aipulse.cli;

import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * When offline inputs count as received. An article whose text and URL give no date is dated by its reception, and
 * the day-month dates of a text without a year are read back from that day: a fixed instant makes a run's results
 * the same on any day (an evaluation repeated next month scores the same).
 */
final class ReceivedAtOption {

    @Option(names = "--received-at", paramLabel = "INSTANT",
            description = "When the inputs count as received, e.g. 2026-12-06T00:00:00Z (default: now). Dates "
                    + "articles that print none, and the year of their day-month dates.")
    Instant receivedAt;

    /** The instant given, else now. */
    Instant instant() {
        return receivedAt != null ? receivedAt : Instant.now();
    }
}
