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
        String subject = Objects.requireNonNullElse(mention.subject(), "").toLowerCase(Locale.ROOT);
        // a regular expression only for the rare subject with white space: this runs for every mention
        if (subject.chars().anyMatch(Character::isWhitespace)) {
            subject = SPACES.matcher(subject).replaceAll("");
        }
        return mention.type() + "|" + subject;
    }

    /** The partition of the identity stage that decides this identity's events. */
    static int partitionOf(String identity, int partitions) {
        return Utils.toPositive(Utils.murmur2(identity.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
