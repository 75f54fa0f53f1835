package io.aipulse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.broker.BrokerOptions;
import io.aipulse.stream.AipulseTopology;
import io.aipulse.testsupport.Await;
import io.aipulse.testsupport.FreePort;
import io.aipulse.testsupport.ServiceProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A backfill of old news (like {@code seeds/}, from 2023) on the topics the service creates itself: the
 * broker must not delete any of it, and state restored after a SIGKILL must still know every article.
 *
 * <p>Records are time-stamped with the publication time, while the broker deletes by time against the
 * wall clock: on a delete-policy topic with the default 7-day retention (and on the window-store
 * changelog of the query store, 181 days) an old backfill goes as soon as its segment rolls. Regression test for
 * finding 1 of docs/RELIABILITY.md; enable it with the fix.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class BackfillRetentionIT {

    private Harness harness;

    @BeforeEach
    void startBroker() {
        // check retention every second instead of every five minutes
        harness = Harness.start("BackfillRetentionIT", BrokerOptions.ephemeral()
                .withProp("log.retention.check.interval.ms", "1000")
                .withProp("log.initial.task.delay.ms", "0"));
    }

    @AfterEach
    void killEverything() {
        harness.close();
    }

    @Test
    void anOldBackfillIsKeptAndRemembered() {
        Corpus corpus = Corpus.generate(References.SEED, 400, Instant.parse("2023-09-01T00:00:00Z"));
        RunTopics topics = RunTopics.of("old", 1);
        String app = "old";
        int port = FreePort.onLoopback();
        // no topics created by the test: the service creates its own
        ServiceProcess run = harness.launch(app + "-0", app, topics, harness.stateDir(app), port, Map.of());
        run.awaitRunning(Duration.ofSeconds(120));
        harness.produce(topics.input(), corpus.items());
        Await.sleep(3_000);
        assertThat(earliestOffset(topics.input())).as("input records deleted by the broker").isZero();
        harness.awaitCaughtUp(app, topics, Duration.ofSeconds(120), run);
        Await.sleep(3_000);
        for (String topic : List.of(topics.events(), topics.late(), topics.dlq(),
                changelog(app, AipulseTopology.SEEN_ARTICLES_STORE), changelog(app, AipulseTopology.SEEN_ORDER_STORE),
                changelog(app, AipulseTopology.RESULT_STORE))) {
            assertThat(earliestOffset(topic)).as("records deleted by the broker from %s", topic).isZero();
        }

        // state restored from the changelogs still remembers the first article
        run.kill9();
        Harness.wipe(harness.stateDir(app));
        run = harness.launch(app + "-1", app, topics, harness.stateDir(app), port, Map.of());
        run.awaitRunning(Duration.ofSeconds(120));
        // republish the first 20 funding articles (same URL: same article id) three hours later
        List<Corpus.Item> again = corpus.items().stream()
                .filter(i -> i.kind() == Corpus.Kind.ARTICLE && "FUNDING".equals(i.type())).limit(20)
                .map(i -> {
                    long later = i.timestamp() + Duration.ofHours(3).toMillis();
                    String json = i.json().replaceFirst("\"publishedAt\":\"[^\"]*\"",
                            "\"publishedAt\":\"" + Instant.ofEpochMilli(later) + "\"");
                    return new Corpus.Item(Corpus.Kind.REPUBLISHED, i.key(), json, later, i.articleId(), i.url(),
                            i.type(), i.title());
                })
                .toList();
        harness.produce(topics.input(), again);
        harness.awaitCaughtUp(app, topics, Duration.ofSeconds(120), run);
        assertThat(Verifier.duplicateEventIds(harness.snapshot(topics)))
                .as("events of republished articles committed a second time").isEmpty();
    }

    private static String changelog(String app, String store) {
        return app + "-" + store + "-changelog";
    }

    private long earliestOffset(String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try {
            return harness.admin().listOffsets(Map.of(partition, OffsetSpec.earliest())).all()
                    .get(10, TimeUnit.SECONDS).get(partition).offset();
        } catch (Exception e) {
            throw new AssertionError("cannot read the earliest offset of " + topic, e);
        }
    }
}
