package io.aipulse.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Compares a topic that exists with what the service needs of it ({@link TopicSpec}) and says, in words,
 * each difference that matters and what it does: a platform team may have created the topic, or an older
 * version of the service, and nothing else would notice an aggregate topic without compaction or an input
 * topic that deletes a backfill as it arrives.
 */
public final class TopicCheck {

    private TopicCheck() {
    }

    /** The differences between {@code spec} and the topic as the broker describes it; empty when it fits. */
    public static List<String> differences(TopicSpec spec, int partitions, Config config) {
        List<String> found = new ArrayList<>();
        if (spec.input() && partitions != spec.partitions()) {
            found.add(partitions + " partitions where the service is configured for " + spec.partitions()
                    + " (topic.partitions): the stream's internal topics are made with topic.partitions, so at most "
                    + Math.min(partitions, spec.partitions()) + " stream threads share the work; set topic.partitions="
                    + partitions + " before the first start");
        }
        Set<String> policy = policies(value(config, TopicConfig.CLEANUP_POLICY_CONFIG));
        if (spec.compacted() && !policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            found.add("cleanup.policy=" + String.join(",", policy) + " where the service needs compact: the latest "
                    + "record per key is the current truth, and without compaction the broker deletes it by age");
        }
        if (policy.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
            long retention = parseLong(value(config, TopicConfig.RETENTION_MS_CONFIG), -1);
            long needed = spec.retentionMs().orElse(-1L);
            if (spec.compacted() && retention >= 0 && policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                found.add("cleanup.policy=" + String.join(",", policy) + " with retention.ms=" + retention
                        + ": records older than " + describe(retention) + " are deleted, even the latest of their key");
            } else if (!spec.compacted() && retention != needed) {
                found.add("retention.ms=" + retention + " (" + describe(retention) + ") where the service is configured "
                        + "for " + needed + " (topic.retention.ms)" + (retention < 0 ? "" : ". Records carry their "
                        + "publication time and the broker deletes by it: articles published more than "
                        + describe(retention) + " ago are deleted as soon as their segment rolls, maybe before they "
                        + "are read"));
            }
        }
        spec.maxMessageBytes().ifPresent(needed -> {
            long accepted = parseLong(value(config, TopicConfig.MAX_MESSAGE_BYTES_CONFIG), needed);
            if (accepted < needed) {
                found.add("max.message.bytes=" + accepted + " where the service needs " + needed
                        + " (topic.max.message.bytes): larger records are refused by the broker instead of being "
                        + "dead-lettered whole with their reason");
            }
        });
        return found;
    }

    private static Set<String> policies(String value) {
        if (value == null || value.isBlank()) {
            return Set.of(TopicConfig.CLEANUP_POLICY_DELETE);
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    static String describe(long retentionMs) {
        if (retentionMs < 0) {
            return "no time limit";
        }
        Duration duration = Duration.ofMillis(retentionMs);
        return duration.toDays() >= 1 && duration.toHours() % 24 == 0 ? duration.toDays() + " days"
                : duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private static String value(Config config, String name) {
        ConfigEntry entry = config == null ? null : config.get(name);
        return entry == null ? null : entry.value();
    }

    private static long parseLong(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
