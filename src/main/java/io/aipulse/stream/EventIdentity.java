package io.aipulse.stream;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.Utils;

/**
 * What makes mentions candidates for one event: type and canonical subject (case and spaces ignored),
 * {@code FUNDING|力文所}. Which of them are one event is decided by their dates ({@link EventClusters}).
 */
final class EventIdentity {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private EventIdentity() {
    }

    static String of(Mention mention) {
        // compiled once: String.replaceAll would compile the pattern for every mention
        return mention.type() + "|" + SPACES.matcher(Objects.requireNonNullElse(mention.subject(), "")
                .toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** The partition of the identity stage that decides this identity's events. */
    static int partitionOf(String identity, int partitions) {
        return Utils.toPositive(Utils.murmur2(identity.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
