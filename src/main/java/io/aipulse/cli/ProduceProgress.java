package io.aipulse.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A line on stderr every few seconds while {@code produce} reads and sends a large input: how many articles,
 * how many MB, how fast. An input read and sent within the first interval prints nothing (seeds/, a file).
 * The counts are updated from the reading thread and the producer's callbacks; a daemon thread prints.
 */
final class ProduceProgress implements AutoCloseable {

    private static final double MB = 1024.0 * 1024.0;

    private final PrintStream err;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService printer;
    private final AtomicLong readItems = new AtomicLong();
    private final AtomicLong readBytes = new AtomicLong();
    private final AtomicLong sentArticles = new AtomicLong();
    private final AtomicLong sentBytes = new AtomicLong();
    private volatile long toSend = -1;
    private volatile long sendStartNanos;

    private ProduceProgress(PrintStream err, Duration interval) {
        this.err = err;
        if (interval == null) {
            printer = null;
        } else {
            printer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "produce-progress");
                thread.setDaemon(true);
                return thread;
            });
            printer.scheduleAtFixedRate(this::print, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Prints to {@code err} every {@code interval}. */
    static ProduceProgress every(Duration interval, PrintStream err) {
        return new ProduceProgress(err, interval);
    }

    /** Counts and prints nothing ({@code --quiet}, and callers without a terminal such as {@code demo}). */
    static ProduceProgress silent() {
        return new ProduceProgress(null, null);
    }

    /** One input read (an article or a refusal) of {@code bytes}. */
    void read(long bytes) {
        readItems.incrementAndGet();
        readBytes.addAndGet(bytes);
    }

    /** Reading is done; {@code articles} are about to be sent. */
    void sending(long articles) {
        sendStartNanos = System.nanoTime();
        toSend = articles;
    }

    /** One article acknowledged by the broker, {@code bytes} of JSON. */
    void sent(long bytes) {
        sentArticles.incrementAndGet();
        sentBytes.addAndGet(bytes);
    }

    /** The line as it would be printed now. */
    String line() {
        long now = System.nanoTime();
        if (toSend < 0) {
            return String.format(Locale.ROOT, "produce: read %d inputs, %.1f MB, %s",
                    readItems.get(), readBytes.get() / MB, rates(readItems.get(), readBytes.get(), now - startNanos));
        }
        return String.format(Locale.ROOT, "produce: sent %d of %d articles, %.1f MB, %s",
                sentArticles.get(), toSend, sentBytes.get() / MB,
                rates(sentArticles.get(), sentBytes.get(), now - sendStartNanos));
    }

    private static String rates(long count, long bytes, long nanos) {
        double seconds = Math.max(nanos, 1) / 1e9;
        return String.format(Locale.ROOT, "%.0f articles/s, %.1f MB/s", count / seconds, bytes / MB / seconds);
    }

    private void print() {
        err.println(line());
    }

    @Override
    public void close() {
        if (printer != null) {
            printer.shutdownNow();
        }
    }
}
