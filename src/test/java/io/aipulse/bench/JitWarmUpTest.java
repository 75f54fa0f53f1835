package io.aipulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.article.Article;
import io.aipulse.testsupport.TestArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JitWarmUpTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Corpus CORPUS = Corpus.of(List.of(
            TestArticle.withText("一".repeat(100) + "。\n" + "二".repeat(80) + "。").publishedAt(START).build()));

    /** Articles made when read: a list of thousands costs a few int arrays. */
    private static List<Article> articles(int count) {
        return CORPUS.articles(count, 200, START, Duration.ofMinutes(30), 1L, "https://x.invalid/");
    }

    /** A compiler clock that gains {@code busyMillis} in each of the first {@code busyRounds} rounds, then nothing. */
    private static final class ScriptedCompiler {
        final AtomicLong millis = new AtomicLong();
        final long busyMillis;
        final int busyRounds;
        int rounds;

        ScriptedCompiler(long busyMillis, int busyRounds) {
            this.busyMillis = busyMillis;
            this.busyRounds = busyRounds;
        }

        void round() {
            if (rounds++ < busyRounds) {
                millis.addAndGet(busyMillis);
            }
        }
    }

    @Test
    void stopsAtTheFirstRoundWhoseCompilationsFallBelowTheQuietShare() throws Exception {
        // given a JIT that compiles for a minute in each of the first three rounds, then nothing
        ScriptedCompiler compiler = new ScriptedCompiler(60_000, 3);
        List<Integer> slices = new ArrayList<>();

        // when warming over 10 rounds' worth of articles
        JitWarmUp.Outcome outcome = JitWarmUp.of(compiler.millis::get)
                .run(articles(10 * JitWarmUp.ROUND_ARTICLES), slice -> {
                    slices.add(slice.size());
                    compiler.round();
                });

        // then the fourth round, the first quiet one, is the last
        assertThat(outcome.rounds()).isEqualTo(4);
        assertThat(outcome.articles()).isEqualTo(4 * JitWarmUp.ROUND_ARTICLES);
        assertThat(outcome.quiet()).isTrue();
        assertThat(slices).containsOnly(JitWarmUp.ROUND_ARTICLES);
    }

    @Test
    void runsTheMinimumRoundsEvenWhenTheJitIsQuietFromTheStart() throws Exception {
        // given a JIT with nothing to compile
        ScriptedCompiler compiler = new ScriptedCompiler(0, 0);

        // when warming
        JitWarmUp.Outcome outcome = JitWarmUp.of(compiler.millis::get)
                .run(articles(10 * JitWarmUp.ROUND_ARTICLES), slice -> compiler.round());

        // then the first rounds still run: they are the ones that queue the compilations
        assertThat(outcome.rounds()).isEqualTo(JitWarmUp.MIN_ROUNDS);
    }

    @Test
    void usesEveryArticleAndSaysSoWhenTheJitNeverQuiets() throws Exception {
        // given a JIT busy in every round, and two and a half rounds of articles
        ScriptedCompiler compiler = new ScriptedCompiler(60_000, Integer.MAX_VALUE);
        List<Integer> slices = new ArrayList<>();

        // when warming
        JitWarmUp.Outcome outcome = JitWarmUp.of(compiler.millis::get)
                .run(articles(2 * JitWarmUp.ROUND_ARTICLES + 500), slice -> {
                    slices.add(slice.size());
                    compiler.round();
                });

        // then the last round takes what is left, and the outcome reports a JIT not yet quiet
        assertThat(slices).containsExactly(JitWarmUp.ROUND_ARTICLES, JitWarmUp.ROUND_ARTICLES, 500);
        assertThat(outcome.articles()).isEqualTo(2 * JitWarmUp.ROUND_ARTICLES + 500);
        assertThat(outcome.quiet()).isFalse();
    }
}
