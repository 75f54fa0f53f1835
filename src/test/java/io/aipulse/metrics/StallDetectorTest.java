package io.aipulse.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aipulse.metrics.StallDetector.Offsets;
import io.aipulse.metrics.StallDetector.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/** The stall rules on samples with their own times (no clock, no waiting). */
class StallDetectorTest {

    private static final TopicPartition ARTICLES = new TopicPartition("aipulse.articles", 0);
    private static final TopicPartition REPARTITION = new TopicPartition("aipulse-route-to-windows-repartition", 0);
    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

    private final StallDetector detector = new StallDetector(Duration.ofMinutes(2), 3, Duration.ofMinutes(10));

    @Test
    void aPartitionWithLagWhoseCommittedOffsetDoesNotMoveForTheWindowIsStalled() {
        // given records beyond the committed offset of the articles partition
        detector.observe(T0, 0, Map.of(ARTICLES, new Offsets(10, 12)));

        // when the committed offset stays at 10 for two minutes while more records arrive
        Verdict before = detector.observe(T0.plusSeconds(119), 0, Map.of(ARTICLES, new Offsets(10, 15)));
        Verdict after = detector.observe(T0.plusSeconds(120), 0, Map.of(ARTICLES, new Offsets(10, 15)));

        // then it is stalled from the two minutes on, and says where
        assertThat(before.stalled()).isFalse();
        assertThat(after.stalled()).isTrue();
        assertThat(after.reason()).contains("aipulse.articles-0", "no progress for PT2M", "committed offset 10",
                "end offset 15");
        assertThat(detector.verdict()).isEqualTo(after);
    }

    @Test
    void aPartitionWhoseCommittedOffsetMovesIsNotStalledHoweverLongItsLagLasts() {
        // given a partition that always has lag (a busy feed) but commits every sample
        Verdict verdict = null;
        for (int minute = 0; minute <= 10; minute++) {
            verdict = detector.observe(T0.plus(Duration.ofMinutes(minute)), 0,
                    Map.of(ARTICLES, new Offsets(100L * minute, 100L * minute + 50)));
        }

        // then it is never stalled
        assertThat(verdict.stalled()).isFalse();
    }

    @Test
    void aCaughtUpPartitionIsNotStalledHoweverLongNothingArrives() {
        // given a partition without lag
        detector.observe(T0, 0, Map.of(ARTICLES, new Offsets(42, 42)));

        // when an hour passes without a record
        Verdict verdict = detector.observe(T0.plus(Duration.ofHours(1)), 0, Map.of(ARTICLES, new Offsets(42, 42)));

        // then it is not stalled
        assertThat(verdict.stalled()).isFalse();
    }

    @Test
    void aStalledPartitionThatMovesAgainIsNoLongerStalled() {
        // given a stalled partition
        detector.observe(T0, 0, Map.of(ARTICLES, new Offsets(10, 12)));
        assertThat(detector.observe(T0.plusSeconds(180), 0, Map.of(ARTICLES, new Offsets(10, 12))).stalled()).isTrue();

        // when its committed offset moves
        Verdict verdict = detector.observe(T0.plusSeconds(185), 0, Map.of(ARTICLES, new Offsets(12, 12)));

        // then it is progressing
        assertThat(verdict).isEqualTo(new Verdict(false, ""));
    }

    @Test
    void aPartitionAwayFromThisInstanceKeepsItsClockAndIsJudgedWhenBack() {
        // given a partition stuck at offset 10 since T0
        detector.observe(T0, 0, Map.of(ARTICLES, new Offsets(10, 12)));

        // when its thread fails and it is away for 90 s (not judged meanwhile), then back at the same offset
        Verdict away = detector.observe(T0.plusSeconds(150), 1, Map.of());
        Verdict back = detector.observe(T0.plusSeconds(160), 1, Map.of(ARTICLES, new Offsets(10, 12)));

        // then its clock ran on: stalled since T0, not since its return
        assertThat(away.stalled()).isFalse();
        assertThat(back.stalled()).isTrue();
        assertThat(back.reason()).contains("no progress for PT2M40S");
    }

    @Test
    void threeThreadFailuresWithinTenMinutesMarkTheStreamStalledUntilTheyAgeOut() {
        // given two thread failures
        assertThat(detector.observe(T0, 2, Map.of()).stalled()).isFalse();

        // when a third one comes within ten minutes
        Verdict third = detector.observe(T0.plus(Duration.ofMinutes(4)), 3, Map.of());

        // then it is stalled, until the first two are ten minutes old
        assertThat(third.stalled()).isTrue();
        assertThat(third.reason()).isEqualTo("3 stream-thread failures in the last PT10M");
        assertThat(detector.observe(T0.plus(Duration.ofMinutes(9)), 3, Map.of()).stalled()).isTrue();
        assertThat(detector.observe(T0.plus(Duration.ofMinutes(10)), 3, Map.of()).stalled()).isFalse();
    }

    @Test
    void oneThreadFailureAndTheRebalanceAfterItAreNotAStall() {
        // given the cost of a record the broker refused: one failure, then a session timeout without progress
        detector.observe(T0, 0, Map.of(ARTICLES, new Offsets(10, 12), REPARTITION, new Offsets(5, 5)));
        detector.observe(T0.plusSeconds(1), 1, Map.of());

        // when the replacement thread gets the partition back and goes on
        Verdict verdict = detector.observe(T0.plusSeconds(46), 1,
                Map.of(ARTICLES, new Offsets(12, 12), REPARTITION, new Offsets(9, 9)));

        // then it never was a stall
        assertThat(verdict.stalled()).isFalse();
    }

    @Test
    void everyStalledPartitionAndTheFailuresAreNamedInTheReason() {
        // given two stuck partitions and three failures
        detector.observe(T0, 0, Map.of(ARTICLES, new Offsets(1, 2), REPARTITION, new Offsets(7, 9)));

        // when the window has passed
        Verdict verdict = detector.observe(T0.plusSeconds(130), 3,
                Map.of(ARTICLES, new Offsets(1, 2), REPARTITION, new Offsets(7, 9)));

        // then the reason names all three
        assertThat(verdict.reason().split("; ")).hasSize(3);
        assertThat(verdict.reason()).contains("aipulse.articles-0", "aipulse-route-to-windows-repartition-0",
                "3 stream-thread failures");
    }

    @Test
    void aStalledVerdictMakesARunningInstanceNotReadyButAlive() {
        // given a RUNNING instance whose progress is stalled
        Verdict stalled = new Verdict(true, "aipulse.articles-0 has made no progress for PT2M");

        // when its health is computed
        HttpEndpoints.Health health = HttpEndpoints.Health.of(KafkaStreams.State.RUNNING, stalled);

        // then it is not ready, says why, and stays alive (a restart would meet the same record)
        assertThat(health.ready()).isFalse();
        assertThat(health.live()).isTrue();
        assertThat(health.reason()).isEqualTo("stalled: aipulse.articles-0 has made no progress for PT2M");
        assertThat(HttpEndpoints.Health.of(KafkaStreams.State.RUNNING, new Verdict(false, "")).ready()).isTrue();
    }

    @Test
    void windowsMustBePositive() {
        assertThatThrownBy(() -> new StallDetector(Duration.ZERO, 3, Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StallDetector(Duration.ofMinutes(2), 0, Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
