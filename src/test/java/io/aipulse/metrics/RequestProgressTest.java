package io.aipulse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The slow-request rule on sampled counters; time is a plain number of nanoseconds here. */
class RequestProgressTest {

    private static final long TIMEOUT = 10_000;
    private final RequestProgress progress = new RequestProgress();

    @Test
    void aHeadThatKeepsTricklingPastTheTimeoutIsOverdue() {
        // given a connection whose first bytes arrived at t=100
        assertThat(progress.overdue(0, 0, 0, TIMEOUT)).isFalse();
        assertThat(progress.overdue(0, 3, 100, TIMEOUT)).isFalse();

        // when more bytes keep arriving without ever completing a request head
        assertThat(progress.overdue(0, 5, 5_000, TIMEOUT)).isFalse();

        // then it is overdue once the timeout has passed since the first of them
        assertThat(progress.overdue(0, 6, 10_100, TIMEOUT)).isTrue();
    }

    @Test
    void aConnectionThatSentNothingIsLeftToTheIdleTimeout() {
        // given a connection that never sent a byte
        // when much more than the timeout passes
        boolean overdue = progress.overdue(0, 0, 50 * TIMEOUT, TIMEOUT);

        // then it is not overdue here
        assertThat(overdue).isFalse();
    }

    @Test
    void aKeepAliveConnectionQuietBetweenRequestsIsNotOverdue() {
        // given a connection that completed a request with its 80 bytes
        progress.overdue(0, 40, 0, TIMEOUT);
        progress.overdue(1, 80, 1_000, TIMEOUT);

        // when it stays quiet for much longer than the timeout
        boolean overdue = progress.overdue(1, 80, 30 * TIMEOUT, TIMEOUT);

        // then it is not overdue
        assertThat(overdue).isFalse();
    }

    @Test
    void eachCompletedRequestRestartsTheClock() {
        // given a request arriving since t=0
        progress.overdue(0, 10, 0, TIMEOUT);

        // when it completes just before the timeout and the next one starts arriving
        assertThat(progress.overdue(1, 80, TIMEOUT - 1, TIMEOUT)).isFalse();
        assertThat(progress.overdue(1, 90, TIMEOUT + 500, TIMEOUT)).isFalse();

        // then the next one is timed from its own first bytes
        assertThat(progress.overdue(1, 95, 2 * TIMEOUT, TIMEOUT)).isFalse();
        assertThat(progress.overdue(1, 99, 2 * TIMEOUT + 500, TIMEOUT)).isTrue();
    }
}
