package io.aipulse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.broker.BrokerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGKILL the service at random points while it processes a backfill, restart it on the same state dir
 * (once on a wiped one), and check that what it committed in the end is exactly what an uninterrupted
 * run committed: nothing lost, nothing counted twice.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class KillNineIT {

    private static final int KILLS = 3;
    /** The restart after this kill starts from an empty state dir: all state comes back from the changelogs. */
    private static final int WIPE_AFTER_KILL = 2;

    private Harness harness;

    @BeforeEach
    void startBroker() {
        harness = Harness.start("KillNineIT", BrokerOptions.ephemeral());
    }

    @AfterEach
    void killEverything() {
        harness.close();
    }

    @Test
    void sigkillAtRandomPointsLosesNothingAndCountsNothingTwice() {
        Corpus corpus = References.corpus();
        Snapshot reference = References.onePartition(harness);

        RunTopics topics = RunTopics.of("kill9", 1);
        topics.create(harness.admin());
        List<Corpus.Item> items = corpus.items();
        int total = items.size();
        // the input arrives in KILLS + 1 slices, one more after each kill: every kill hits a run that has
        // input left to process (the backfill keeps arriving while the service restarts)
        int[] sliceEnd = new int[KILLS + 1];
        for (int s = 0; s <= KILLS; s++) {
            sliceEnd[s] = (int) ((long) total * (s + 1) / (KILLS + 1));
        }
        String app = "kill9";
        Path state = harness.stateDir(app);
        int port = Harness.freePort();
        Random random = new Random(corpus.seed() * 31 + 9);

        long t0 = System.nanoTime();
        harness.produce(topics.input(), items.subList(0, sliceEnd[0]));
        ServiceProcess run = harness.launch(app + "-0", app, topics, state, port, Map.of());
        for (int kill = 1; kill <= KILLS; kill++) {
            int sliceStart = kill == 1 ? 0 : sliceEnd[kill - 2];
            int produced = sliceEnd[kill - 1];
            // a random point of the slice, then a random delay into the 100 ms commit cycle
            long target = sliceStart + (long) ((produced - sliceStart) * (0.2 + 0.5 * random.nextDouble()));
            ServiceProcess current = run;
            Await.until("input offset " + target + " committed by " + current, Duration.ofSeconds(180), () -> {
                if (!current.isAlive()) {
                    throw new AssertionError(current + " died\n" + current.logTail(40));
                }
                return harness.committedInput(app, topics) >= target;
            });
            Await.sleep(random.nextInt(100));
            long atKill = harness.committedInput(app, topics);
            run.kill9();
            long events = Snapshot.readTopic(harness.bootstrap(), topics.events()).size();
            harness.log("kill %d: SIGKILL %s with %d of %d produced input records committed, %d events committed;"
                    + " exit status 137, no clean shutdown", kill, run, atKill, produced, events);
            assertThat(atKill).as("killed while input remained").isLessThan(produced);

            harness.produce(topics.input(), items.subList(produced, sliceEnd[kill]));
            boolean wipe = kill == WIPE_AFTER_KILL;
            if (wipe) {
                Harness.wipe(state);
            }
            long restarted = System.nanoTime();
            run = harness.launch(app + "-" + kill, app, topics, state, port, Map.of());
            Duration running = run.awaitRunning(Duration.ofSeconds(120));
            ServiceProcess resumed = run;
            Await.until("progress after restart " + kill, Duration.ofSeconds(120), () -> {
                if (!resumed.isAlive()) {
                    throw new AssertionError(resumed + " died\n" + resumed.logTail(40));
                }
                return harness.committedInput(app, topics) > atKill;
            });
            harness.log("restart %d%s: RUNNING after %d ms, committing input again after %d ms", kill,
                    wipe ? " (state dir wiped: state restored from the changelogs)" : " (same state dir)",
                    running.toMillis(), Duration.ofNanos(System.nanoTime() - restarted).toMillis());
        }
        Duration caughtUp = harness.awaitCaughtUp(app, topics, Duration.ofSeconds(180), run);
        harness.log("caught up %d ms after the last restart; %d s from the first start", caughtUp.toMillis(),
                Duration.ofNanos(System.nanoTime() - t0).toSeconds());

        Snapshot actual = harness.snapshot(topics);
        Verifier.Result result = Verifier.exact(reference, actual);
        harness.log("compared with the uninterrupted run: %s", result);
        assertThat(Verifier.duplicateEventIds(actual)).as("event ids committed more than once").isEmpty();
        assertThat(actual.records("events")).as("events").hasSameSizeAs(reference.records("events"));
        assertThat(result.identical()).as("%s", result).isTrue();
    }
}
