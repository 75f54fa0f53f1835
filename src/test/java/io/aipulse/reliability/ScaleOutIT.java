package io.aipulse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.broker.BrokerOptions;
import io.aipulse.testsupport.Await;
import io.aipulse.testsupport.FreePort;
import io.aipulse.testsupport.ServiceProcess;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two instances of one application on 4-partition topics share the work; one is killed with SIGKILL
 * halfway through; the survivor takes its tasks over (short session timeout) and the results are the
 * ones of an uninterrupted run.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ScaleOutIT {

    /** The input topic and the two repartition topics (into the identity stage and the aggregation). */
    private static final int SOURCE_TOPICS = 3;

    private Harness harness;

    @BeforeEach
    void startBroker() {
        harness = Harness.start("ScaleOutIT", BrokerOptions.ephemeral());
    }

    @AfterEach
    void killEverything() {
        harness.close();
    }

    @Test
    void survivorTakesOverFromAKilledInstanceWithExactResults() {
        Corpus corpus = References.corpus();
        Snapshot reference = References.fourPartitions(harness);

        RunTopics topics = RunTopics.of("scale", 4);
        topics.create(harness.admin());
        long total = corpus.items().size();
        String app = "scale";
        ServiceProcess a = harness.launch("scale-a", app, topics, harness.stateDir("scale-a"), FreePort.onLoopback(),
                References.NEVER_LATE);
        ServiceProcess b = harness.launch("scale-b", app, topics, harness.stateDir("scale-b"), FreePort.onLoopback(),
                References.NEVER_LATE);
        a.awaitRunning(Duration.ofSeconds(120));
        b.awaitRunning(Duration.ofSeconds(120));

        // both members own work before any input exists (with state on one member only, Kafka Streams
        // would give the other warm-up tasks and move active tasks only at a probing rebalance)
        Await.until("two members sharing the partitions", Duration.ofSeconds(120), () -> {
            ConsumerGroupDescription group = describe(app);
            return group != null && group.members().size() == 2
                    && group.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
        });
        harness.produce(topics.input(), corpus.items());
        // kill the second one halfway through the input
        Await.until("half of the input committed", Duration.ofSeconds(180), () -> {
            a.process().assertAlive();
            b.process().assertAlive();
            return harness.committedInput(app, topics) >= total / 2;
        });
        ConsumerGroupDescription before = describe(app);
        long atKill = harness.committedInput(app, topics);
        b.kill9();
        long killed = System.nanoTime();
        harness.log("SIGKILL %s with %d of %d input records committed; assignment before: %s", b, atKill, total,
                assignment(before));
        assertThat(atKill).as("killed while input remained").isLessThan(total);

        Duration takeover = Await.until("the survivor owning every partition", Duration.ofSeconds(120), () -> {
            ConsumerGroupDescription group = describe(app);
            return group != null && group.members().size() == 1
                    && group.members().iterator().next().assignment().topicPartitions().size() == SOURCE_TOPICS * topics.partitions();
        });
        harness.log("survivor %s owns all %d partitions %d ms after the kill: %s", a, SOURCE_TOPICS * topics.partitions(),
                takeover.toMillis(), assignment(describe(app)));
        Duration caughtUp = harness.awaitCaughtUp(app, topics, Duration.ofSeconds(180), a);
        harness.log("caught up %d ms after the kill (%d ms after the takeover)",
                Duration.ofNanos(System.nanoTime() - killed).toMillis(), caughtUp.toMillis());

        Snapshot actual = harness.snapshot(topics);
        Verifier.Result result = Verifier.content(reference, actual);
        harness.log("compared with the uninterrupted run: %s", result);
        assertThat(Verifier.duplicateEventIds(actual)).as("event ids committed more than once").isEmpty();
        assertThat(result.identical()).as("%s", result).isTrue();
    }

    private ConsumerGroupDescription describe(String group) {
        try {
            return harness.admin().describeConsumerGroups(Set.of(group)).describedGroups().get(group)
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    private static String assignment(ConsumerGroupDescription group) {
        if (group == null) {
            return "unknown";
        }
        StringBuilder out = new StringBuilder();
        for (MemberDescription member : group.members()) {
            Set<String> parts = new TreeSet<>();
            for (TopicPartition tp : member.assignment().topicPartitions()) {
                parts.add(tp.topic().replaceFirst("^scale-by-event-identity-repartition", "identities")
                        .replaceFirst("^scale-by-aggregate-group-repartition", "groups")
                        .replaceFirst("^scale\\.articles", "input") + "-" + tp.partition());
            }
            // client id: <application.id>-<process uuid>-StreamThread-<n>-consumer
            out.append(member.clientId().replaceAll("^scale-(\\p{XDigit}{8}).*$", "process $1")).append(parts)
                    .append(' ');
        }
        return out.toString().trim();
    }
}
