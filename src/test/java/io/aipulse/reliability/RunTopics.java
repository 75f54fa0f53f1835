package io.aipulse.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics of one run of the service, all under one prefix so that a reference run and a faulty run
 * can share a broker ({@code --set topic.*=...}).
 *
 * @param input the input topic (may be shared by several runs)
 */
record RunTopics(String prefix, String input, int partitions) {

    /** The six aggregate topics, by role: {@code sector.1d} ... {@code sector-city.1w}. */
    static final List<String> AGGREGATES = List.of("sector.1d", "sector.1w", "city.1d", "city.1w", "sector-city.1d",
            "sector-city.1w");

    static RunTopics of(String prefix, int partitions) {
        return new RunTopics(prefix, prefix + ".articles", partitions);
    }

    RunTopics withInput(String sharedInput) {
        return new RunTopics(prefix, sharedInput, partitions);
    }

    String events() {
        return prefix + ".events";
    }

    String dlq() {
        return prefix + ".dlq";
    }

    String late() {
        return prefix + ".late";
    }

    String companies() {
        return prefix + ".companies";
    }

    String aggregate(String role) {
        return prefix + ".agg." + role;
    }

    /** Every output topic by role: events, dlq, late and the six aggregates. */
    Map<String, String> outputs() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("events", events());
        all.put("dlq", dlq());
        all.put("late", late());
        AGGREGATES.forEach(role -> all.put(role, aggregate(role)));
        return all;
    }

    /** The {@code --set} values naming these topics, and the partition count of the topics the service creates. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("topic.articles", input);
        settings.put("topic.events", events());
        settings.put("topic.dlq", dlq());
        settings.put("topic.late", late());
        settings.put("topic.companies", companies());
        AGGREGATES.forEach(role -> settings.put("topic.agg." + role, aggregate(role)));
        settings.put("topic.partitions", Integer.toString(partitions));
        return settings;
    }

    /**
     * Creates the delete-policy topics (input, events, dead letters, late) with {@code retention.ms=-1}
     * before the service starts; the service creates the compacted ones itself.
     *
     * <p>Why: records carry the publication time as their timestamp, and a backfill a few weeks old on a
     * topic with the broker's default retention (7 days) is deleted by the broker as soon as its segment
     * rolls, before the service reads it. That is a production bug (docs/RELIABILITY.md, finding 1); the
     * tests create these topics the way an operator must until TopicSetup does it.
     */
    void create(Admin admin) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : List.of(input, events(), dlq(), late())) {
            topics.add(new NewTopic(name, partitions, (short) 1).configs(Map.of(
                    "retention.ms", "-1", "max.message.bytes", "16777216")));
        }
        for (NewTopic topic : topics) {
            try {
                admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create " + topic.name(), e.getCause());
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot create " + topic.name(), e);
            }
        }
    }
}
