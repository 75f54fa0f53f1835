package io.aipulse.reliability;

import io.aipulse.testsupport.FreePort;
import io.aipulse.testsupport.ServiceProcess;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Uninterrupted reference runs: the corpus processed once by one {@code run} instance with its own
 * application id and topics, nothing injected. A reference is sanity-checked against the corpus
 * ({@link ReferenceChecks}) before any test compares with it.
 *
 * <p>The corpus is deterministic and the run's output depends only on it and on the settings, so a
 * reference is computed once per test JVM and configuration and reused by the test classes that need
 * the same one (on whichever broker the first of them runs); a class run alone computes its own.
 */
final class References {

    static final long SEED = Corpus.RELIABILITY_SEED;

    /**
     * Grace longer than the whole corpus for multi-partition runs: no mention is ever late, so the
     * aggregates do not depend on how far one input partition runs ahead of another (see
     * docs/RELIABILITY.md, finding 3).
     */
    static final Map<String, String> NEVER_LATE = Map.of("window.grace.day", "P60D", "window.grace.week", "P60D");

    private static final Map<String, Snapshot> CACHE = new HashMap<>();

    private References() {
    }

    static Corpus corpus() {
        return Corpus.reliability();
    }

    /** One partition, default windows and grace; the flush article closes every corpus window. */
    static Snapshot onePartition(Harness harness) {
        return get(harness, "ref1p", 1, Map.of(), true);
    }

    /** Four partitions, grace longer than the corpus. */
    static Snapshot fourPartitions(Harness harness) {
        return get(harness, "ref4p", 4, NEVER_LATE, false);
    }

    private static synchronized Snapshot get(Harness harness, String name, int partitions, Map<String, String> extra,
                                             boolean expectFinal) {
        Snapshot cached = CACHE.get(name);
        if (cached != null) {
            harness.log("reference %s: reusing the run of this JVM (%d records)", name, cached.totalRecords());
            return cached;
        }
        Corpus corpus = corpus();
        RunTopics topics = RunTopics.of(name, partitions);
        topics.create(harness.admin());
        harness.produce(topics.input(), corpus.items());
        ServiceProcess run = harness.launch(name, name, topics, harness.stateDir(name), FreePort.onLoopback(), extra);
        Snapshot snapshot;
        try {
            Duration running = run.awaitRunning(Duration.ofSeconds(120));
            Duration caughtUp = harness.awaitCaughtUp(name, topics, Duration.ofSeconds(240), run);
            harness.log("reference %s: RUNNING after %d ms, caught up %d ms later", name, running.toMillis(),
                    caughtUp.toMillis());
            snapshot = harness.snapshot(topics);
            harness.log("reference %s: input %d bytes on the broker; %s-aggregate-windows-changelog %d bytes", name,
                    harness.topicBytes(topics.input()), name, harness.topicBytes(name + "-aggregate-windows-changelog"));
        } finally {
            // everything is committed and read: no need to wait for a clean shutdown
            run.destroyForcibly();
        }
        ReferenceChecks.Summary summary = ReferenceChecks.verify(corpus, snapshot, expectFinal);
        harness.log("reference %s: %d input records (%d bytes); %d articles with events, %d events, %d aggregate keys,"
                        + " %d late records, %d dead letters, %d committed output records; events by sector %s",
                name, corpus.items().size(), corpus.totalBytes(), summary.articlesWithEvents(), summary.events(),
                summary.aggregateKeys(), summary.lateRecords(), summary.deadLetters(), snapshot.totalRecords(),
                summary.eventsBySector());
        CACHE.put(name, snapshot);
        return snapshot;
    }
}
