package io.aipulse.metrics;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The metrics package's periodic helpers (samplers, sweepers) each run on one named daemon thread. */
final class Background {

    private Background() {
    }

    /**
     * One scheduler thread called {@code name}. A daemon: the owner shuts it down on close, and a forgotten one
     * must not keep the JVM from exiting after SIGTERM.
     */
    static ScheduledExecutorService singleThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
