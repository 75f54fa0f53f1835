package io.aipulse.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the service's topics that do not exist yet. Aggregate topics and the company registry are
 * compacted: the latest record per key is the current truth.
 */
public final class TopicSetup {

    private final Topics topics;
    private final int partitions;
    private final short replicationFactor;
    private final int maxMessageBytes;
    private final long retentionMs;

    /**
     * @param maxMessageBytes record size the input and dead-letter topics accept: larger than the
     *                        article limit, so an oversized article reaches the topology and is refused
     *                        there with a reason, whole, instead of bouncing off the broker
     */
    public TopicSetup(Topics topics, int partitions, short replicationFactor, int maxMessageBytes) {
        this(topics, partitions, replicationFactor, maxMessageBytes, -1L);
    }

    /**
     * @param retentionMs {@code retention.ms} of the delete-policy topics (input, events, dead letters,
     *                    late). Their records carry the publication time and the broker deletes by time
     *                    against the wall clock: with its default (7 days) a backfill of older news would
     *                    be deleted as soon as its segment rolls, before it is read. -1 keeps everything.
     */
    public TopicSetup(Topics topics, int partitions, short replicationFactor, int maxMessageBytes, long retentionMs) {
        this.retentionMs = retentionMs;
        this.topics = topics;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.maxMessageBytes = maxMessageBytes;
    }

    public static TopicSetup from(Topics topics, io.aipulse.config.Settings settings) {
        return new TopicSetup(topics, settings.getInt("topic.partitions"),
                Short.parseShort(settings.get("topic.replication.factor")), settings.getInt("topic.max.message.bytes"),
                Long.parseLong(settings.get("topic.retention.ms", "-1").strip()));
    }

    public List<NewTopic> newTopics() {
        List<NewTopic> all = new ArrayList<>();
        for (Topic<String, ?> topic : topics.all()) {
            NewTopic newTopic = new NewTopic(topic.name(), partitions, replicationFactor);
            if (isCompacted(topic)) {
                newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            } else if (topic == topics.articles || topic == topics.deadLetters) {
                newTopic.configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes),
                        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retentionMs)));
            } else {
                newTopic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retentionMs)));
            }
            all.add(newTopic);
        }
        return all;
    }

    private boolean isCompacted(Topic<String, ?> topic) {
        return topic == topics.companies || topics.allAggregates().contains(topic);
    }

    /** Creates what is missing; returns the names it created. */
    public List<String> ensure(Properties adminProps) {
        try (Admin admin = Admin.create(adminProps)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = newTopics().stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics: " + e.getMessage(), e);
        }
    }
}
