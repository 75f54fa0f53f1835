package io.aipulse.bench;

import io.aipulse.article.Article;
import io.aipulse.extract.EventExtractor;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** The extractor alone over a corpus on N threads: the ceiling of the pipeline. */
public final class ExtractionCeiling {

    /** What one pass measured. */
    public record Result(long articles, long bytes, long events, double seconds, JitWarmUp.Outcome warmUp) {
        public double mbPerSec() {
            return bytes / 1e6 / seconds;
        }

        public double articlesPerSec() {
            return articles / seconds;
        }
    }

    private ExtractionCeiling() {
    }

    /** Untimed passes over {@code warmupArticles} until the JIT is quiet, then one timed pass over {@code articles}. */
    public static Result measure(EventExtractor extractor, JitWarmUp jit, List<Article> warmupArticles,
                                 List<Article> articles, int threads) throws Exception {
        JitWarmUp.Outcome warm = jit.run(warmupArticles, slice -> run(extractor, slice, threads));
        Pass pass = run(extractor, articles, threads);
        return new Result(articles.size(), Corpus.utf8Bytes(articles), pass.events(), pass.busiestThreadNanos() / 1e9,
                warm);
    }

    /**
     * The events found, and the time of the busiest thread spent inside the extractor (the corpus makes an
     * article's text when it is read; that is the benchmark's work, not the extractor's).
     */
    private record Pass(long events, long busiestThreadNanos) {
    }

    private static Pass run(EventExtractor extractor, List<Article> articles, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong events = new AtomicLong();
        AtomicLong busiest = new AtomicLong();
        try {
            List<Future<?>> parts = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                parts.add(pool.submit(() -> {
                    long busy = 0;
                    for (int i = offset; i < articles.size(); i += threads) {
                        Article article = articles.get(i);
                        long started = System.nanoTime();
                        events.addAndGet(extractor.extract(article).size());
                        busy += System.nanoTime() - started;
                    }
                    busiest.accumulateAndGet(busy, Math::max);
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("extraction failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Pass(events.get(), busiest.get());
    }
}
