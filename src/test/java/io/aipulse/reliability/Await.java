package io.aipulse.reliability;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling with a generous deadline: tests wait for conditions, never assert on durations. */
final class Await {

    private Await() {
    }

    /** Polls {@code condition} every 50-250 ms until true; fails with {@code what} after {@code timeout}. */
    static Duration until(String what, Duration timeout, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long sleep = 50;
        while (true) {
            if (condition.getAsBoolean()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            sleep(sleep);
            sleep = Math.min(250, sleep + 25);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
