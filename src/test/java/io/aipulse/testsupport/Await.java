package io.aipulse.testsupport;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waiting in tests: poll a condition until it holds, fail after a generous timeout. Tests wait for
 * conditions and never assert on durations, so a slow or shared machine only makes them wait longer.
 */
public final class Await {

    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final long LONGEST_PAUSE_MILLIS = 250;

    private Await() {
    }

    /**
     * A condition to poll. An {@link IOException} means "not answering yet" (a server still starting) and
     * is polled again; any other exception or error ends the wait at once.
     */
    @FunctionalInterface
    public interface Condition {
        boolean met() throws Exception;
    }

    /** Polls until {@code condition} holds and returns how long that took; fails after {@code timeout}. */
    public static Duration until(String what, Duration timeout, Condition condition) {
        return until(what, timeout, condition, () -> "");
    }

    /** As {@link #until(String, Duration, Condition)}, with {@code diagnosis} (a log tail, say) in the failure. */
    public static Duration until(String what, Duration timeout, Condition condition, Supplier<String> diagnosis) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        IOException notAnswering = null;
        while (true) {
            try {
                if (condition.met()) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
                notAnswering = null;
            } catch (IOException e) {
                notAnswering = e;
            } catch (RuntimeException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            } catch (Exception e) {
                throw new AssertionError("waiting for " + what + ": " + e, e);
            }
            if (System.nanoTime() > deadline) {
                String diagnosed = diagnosis.get();
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + (notAnswering == null ? "" : " (last error: " + notAnswering + ")")
                        + (diagnosed.isEmpty() ? "" : "\n" + diagnosed), notAnswering);
            }
            sleep(pause);
            pause = Math.min(LONGEST_PAUSE_MILLIS, pause + 25);
        }
    }

    /** {@link Thread#sleep} for tests: an interruption fails the test instead of being a checked exception. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
