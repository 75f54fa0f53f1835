package io.aipulse.stream;

import io.aipulse.config.Settings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's topics as it needs them ({@link TopicSpec}): creates those that do not exist yet (unless
 * {@code topics.create=false}, for a cluster whose topics a platform team owns) and warns about existing
 * ones that differ ({@link TopicCheck}). Aggregate topics and the company registry are compacted: the
 * latest record per key is the current truth.
 */
public final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
    private static final long ADMIN_TIMEOUT_SECONDS = 60;

    private final Topics topics;
    private final int partitions;
    private final Optional<Short> replicationFactor;
    private final int maxMessageBytes;
    private final long retentionMs;
    private final boolean create;

    /**
     * @param replicationFactor empty: the broker's default ({@code default.replication.factor}), so that a
     *                          real cluster replicates the topics without being told
     * @param maxMessageBytes   record size the input and dead-letter topics accept: larger than the article
     *                          limit, so an oversized article reaches the topology and is refused there with
     *                          a reason, whole, instead of bouncing off the broker
     * @param retentionMs       {@code retention.ms} of the delete-policy topics (input, events, dead letters,
     *                          late). Their records carry the publication time and the broker deletes by time
     *                          against the wall clock: with its default (7 days) a backfill of older news would
     *                          be deleted as soon as its segment rolls, before it is read. -1 keeps everything.
     * @param create            false: missing topics are an error, not created
     */
    public TopicSetup(Topics topics, int partitions, Optional<Short> replicationFactor, int maxMessageBytes,
                      long retentionMs, boolean create) {
        this.topics = topics;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.maxMessageBytes = maxMessageBytes;
        this.retentionMs = retentionMs;
        this.create = create;
    }

    public static TopicSetup from(Topics topics, Settings settings) {
        return new TopicSetup(topics, settings.getInt("topic.partitions"), replicationFactor(settings),
                settings.getInt("topic.max.message.bytes"), Long.parseLong(settings.get("topic.retention.ms", "-1").strip()),
                Boolean.parseBoolean(settings.get("topics.create", "true").strip()));
    }

    /** {@code topic.replication.factor}; -1 (the default) leaves it to the broker. */
    public static Optional<Short> replicationFactor(Settings settings) {
        short factor = Short.parseShort(settings.get("topic.replication.factor", "-1").strip());
        return factor < 1 ? Optional.empty() : Optional.of(factor);
    }

    /** Every topic of the service with what it needs of it and what it is for, in {@link Topics#all()} order. */
    public List<TopicSpec> specs() {
        List<TopicSpec> specs = new ArrayList<>();
        for (Topic<String, ?> topic : topics.all()) {
            boolean compacted = isCompacted(topic);
            boolean largeRecords = topic == topics.articles || topic == topics.deadLetters;
            specs.add(new TopicSpec(topic.name(), topic == topics.articles, partitions, replicationFactor, compacted,
                    compacted ? Optional.empty() : Optional.of(retentionMs),
                    largeRecords ? Optional.of(maxMessageBytes) : Optional.empty(), purpose(topic)));
        }
        return specs;
    }

    public List<NewTopic> newTopics() {
        return specs().stream().map(TopicSpec::newTopic).toList();
    }

    private boolean isCompacted(Topic<String, ?> topic) {
        return topic == topics.companies || topics.allAggregates().contains(topic);
    }

    private String purpose(Topic<String, ?> topic) {
        if (topic == topics.articles) {
            return "input: articles (JSON), key = article id, record time = publication time; `produce` writes here";
        } else if (topic == topics.events) {
            return "output: one record per extracted event, key = event id";
        } else if (topic == topics.deadLetters) {
            return "dead letters: refused or failed input records as received, why in the headers "
                    + "(__streams.errors.*, aipulse.error.reason)";
        } else if (topic == topics.late) {
            return "output: records that arrived for a window already closed";
        } else if (topic == topics.companies) {
            return "company registry (city, sector) read as a global table; loaded on first start, latest record "
                    + "per name wins";
        }
        String[] parts = topic.name().split("\\.");
        return "output: aggregates, latest record per group and window is the current truth ("
                + (parts.length >= 2 ? parts[parts.length - 2] + ", " + parts[parts.length - 1] : topic.name()) + ")";
    }

    /**
     * What {@link #prepare} did, or {@link #inspect} found: the topics missing (created by prepare unless
     * {@code topics.create=false}), and the differences of the others from what the service needs.
     */
    public record Outcome(List<String> missing, List<String> warnings) {
    }

    /** Compares the cluster's topics with what the service needs; creates and logs nothing. */
    public Outcome inspect(Properties adminProps) {
        try (Admin admin = Admin.create(adminProps)) {
            return inspect(admin);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read topics: " + e.getMessage(), e);
        }
    }

    /**
     * Creates what is missing (or, with {@code topics.create=false}, fails saying what is missing), and logs
     * as a warning every difference of the topics that existed from what the service needs.
     */
    public Outcome prepare(Properties adminProps) {
        try (Admin admin = Admin.create(adminProps)) {
            Outcome outcome = inspect(admin);
            if (!outcome.missing().isEmpty() && !create) {
                throw new IllegalStateException("topics.create=false and these topics do not exist: "
                        + String.join(", ", outcome.missing()) + " (`aipulse topics` prints what each needs)");
            }
            create(admin, specs().stream().filter(spec -> outcome.missing().contains(spec.name())).toList());
            outcome.warnings().forEach(warning -> LOG.warn("topic {}", warning));
            return outcome;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot prepare topics: " + e.getMessage(), e);
        }
    }

    private Outcome inspect(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicSpec> specs = specs();
        return new Outcome(specs.stream().map(TopicSpec::name).filter(name -> !existing.contains(name)).toList(),
                check(admin, specs.stream().filter(spec -> existing.contains(spec.name())).toList()));
    }

    private static void create(Admin admin, List<TopicSpec> missing)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing.stream().map(TopicSpec::newTopic).toList()).all()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /**
     * The differences of each existing topic, as {@code name: difference}. A cluster that does not let the
     * service describe its topics (no Describe/DescribeConfigs permission) gets one warning saying so.
     */
    private static List<String> check(Admin admin, Collection<TopicSpec> present) throws InterruptedException {
        if (present.isEmpty()) {
            return List.of();
        }
        List<String> names = present.stream().map(TopicSpec::name).toList();
        try {
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                            .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<String> warnings = new ArrayList<>();
            for (TopicSpec spec : present) {
                int partitions = descriptions.get(spec.name()).partitions().size();
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
                TopicCheck.differences(spec, partitions, config)
                        .forEach(difference -> warnings.add(spec.name() + ": " + difference));
            }
            return warnings;
        } catch (ExecutionException | TimeoutException e) {
            return List.of("cannot check the existing topics against what the service needs (" + e.getMessage() + ")");
        }
    }
}
