package io.aipulse.bench;

import io.aipulse.article.Article;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Untimed rounds of work until the JIT compilers are quiet. On two cores the JVM's single C2 thread takes a
 * minute or more to catch up with a code base the size of the broker, the clients, Kafka Streams and the
 * extractor; a fixed warm-up of a few seconds left it compiling on 40-100 % of a core through the timed phases.
 * Both timed phases of the benchmark warm this way, so their ratio compares two steady states.
 */
public final class JitWarmUp {

    /** One untimed round of work over some articles. */
    @FunctionalInterface
    public interface Round {
        void run(List<Article> articles) throws Exception;
    }

    /** How the warm-up ended: articles used, rounds, and the compilers' share of one core in the last round. */
    public record Outcome(int articles, int rounds, double lastCompileShare) {
        public boolean quiet() {
            return lastCompileShare <= QUIET_SHARE;
        }
    }

    /** The compilers' time in a round, as a share of one core, below which the JIT counts as quiet. */
    static final double QUIET_SHARE = 0.15;
    /** Articles of one round. */
    static final int ROUND_ARTICLES = 1_000;
    /** Rounds that always run: the first ones queue most of the compilations. */
    static final int MIN_ROUNDS = 2;
    /** No round starts after this long: a JIT that never quiets must not stall the benchmark. */
    static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(90);

    private final LongSupplier compileMillis;

    private JitWarmUp(LongSupplier compileMillis) {
        this.compileMillis = compileMillis;
    }

    /** On the JVM's own compilers; without compilation monitoring a round never counts as quiet, so all of them run. */
    public static JitWarmUp ofThisJvm() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean monitored = jit != null && jit.isCompilationTimeMonitoringSupported();
        return new JitWarmUp(monitored ? jit::getTotalCompilationTime : System::currentTimeMillis);
    }

    /** On any clock of the compilers' total time, in milliseconds. */
    public static JitWarmUp of(LongSupplier compileMillis) {
        return new JitWarmUp(compileMillis);
    }

    /** Rounds over successive slices of {@code articles} until the JIT is quiet, the articles run out or time is up. */
    public Outcome run(List<Article> articles, Round round) throws Exception {
        int used = 0;
        int rounds = 0;
        double share = Double.NaN;
        long deadline = System.nanoTime() + MAX_NANOS;
        while (used < articles.size() && System.nanoTime() < deadline) {
            List<Article> slice = articles.subList(used, Math.min(articles.size(), used + ROUND_ARTICLES));
            long compiledBefore = compileMillis.getAsLong();
            long started = System.nanoTime();
            round.run(slice);
            double wallMillis = Math.max(1e-3, (System.nanoTime() - started) / 1e6);
            share = (compileMillis.getAsLong() - compiledBefore) / wallMillis;
            used += slice.size();
            rounds++;
            if (rounds >= MIN_ROUNDS && share <= QUIET_SHARE) {
                break;
            }
        }
        return new Outcome(used, rounds, share);
    }
}
