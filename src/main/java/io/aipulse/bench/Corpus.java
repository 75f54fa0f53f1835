package io.aipulse.bench;

import io.aipulse.article.Article;
import io.aipulse.article.ArticleIds;
import io.aipulse.article.TimeSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.RandomAccess;

/**
 * A deterministic benchmark corpus made by recombining the paragraphs of real articles: the same seed
 * always gives the same articles, so runs on different machines measure the same work.
 */
public final class Corpus {

    private static final int MIN_PARAGRAPH = 40;
    private static final int MAX_PARAGRAPH = 1200;

    private final List<String> paragraphs;

    private Corpus(List<String> paragraphs) {
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("no paragraphs to recombine");
        }
        this.paragraphs = List.copyOf(paragraphs);
    }

    /** Splits source articles into paragraphs (long lines into sentence groups). */
    public static Corpus of(List<Article> sources) {
        List<String> paragraphs = new ArrayList<>();
        for (Article article : sources) {
            for (String line : article.text().split("\n")) {
                splitLong(line.strip(), paragraphs);
            }
        }
        return new Corpus(paragraphs);
    }

    private static void splitLong(String line, List<String> out) {
        if (line.length() < MIN_PARAGRAPH) {
            return;
        }
        StringBuilder current = new StringBuilder();
        for (String sentence : line.split("(?<=。)")) {
            current.append(sentence);
            if (current.length() >= MAX_PARAGRAPH / 2) {
                out.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() >= MIN_PARAGRAPH) {
            out.add(current.toString());
        }
    }

    public int paragraphCount() {
        return paragraphs.size();
    }

    /** The same articles without generated leads: only the seeds' paragraphs, recombined. */
    public List<Article> articles(int count, int targetBytes, Instant firstPublished, Duration step, long seed,
                                  String urlPrefix) {
        return articles(count, targetBytes, firstPublished, step, seed, urlPrefix, null, 0);
    }

    /**
     * {@code count} articles of about {@code targetBytes} UTF-8 bytes each, published {@code step} apart
     * from {@code firstPublished}, with distinct URLs (so distinct ids), each opening with
     * {@code leads} generated news leads from {@code pool} (see {@link NewsPool}) before its paragraphs.
     *
     * <p>Only the choice of paragraphs is kept; an article's text is put together when it is read. 20,000
     * articles of 10 KB held as strings would take about 140 MB of the heap the benchmark measures.
     */
    public List<Article> articles(int count, int targetBytes, Instant firstPublished, Duration step, long seed,
                                  String urlPrefix, NewsPool pool, int leads) {
        int[] paragraphBytes = paragraphs.stream()
                .mapToInt(p -> p.getBytes(StandardCharsets.UTF_8).length + 1).toArray();
        Random random = new Random(seed);
        int[][] chosen = new int[count][];
        for (int i = 0; i < count; i++) {
            int[] picks = new int[8];
            int n = 0;
            for (int bytes = 0; bytes < targetBytes; n++) {
                if (n == picks.length) {
                    picks = Arrays.copyOf(picks, n * 2);
                }
                picks[n] = random.nextInt(paragraphs.size());
                bytes += paragraphBytes[picks[n]];
            }
            chosen[i] = Arrays.copyOf(picks, n);
        }
        return new RecombinedArticles(chosen, firstPublished, step, urlPrefix, pool, leads, seed);
    }

    /** The articles of {@link #articles}, each made from its paragraphs when it is read. */
    private final class RecombinedArticles extends AbstractList<Article> implements RandomAccess {

        private final int[][] chosen;
        private final Instant firstPublished;
        private final Duration step;
        private final String urlPrefix;
        private final NewsPool pool;
        private final int leads;
        private final long seed;

        RecombinedArticles(int[][] chosen, Instant firstPublished, Duration step, String urlPrefix, NewsPool pool,
                           int leads, long seed) {
            this.chosen = chosen;
            this.firstPublished = firstPublished;
            this.step = step;
            this.urlPrefix = urlPrefix;
            this.pool = pool;
            this.leads = leads;
            this.seed = seed;
        }

        @Override
        public Article get(int i) {
            StringBuilder text = new StringBuilder();
            // a random of its own per article: the same article whichever order articles are read in
            Random random = new Random(seed * 1_000_003L + i);
            for (int lead = 0; lead < leads; lead++) {
                text.append(pool.lead(random)).append('\n');
            }
            for (int paragraph : chosen[i]) {
                text.append(paragraphs.get(paragraph)).append('\n');
            }
            String url = urlPrefix + i;
            String body = text.toString();
            return new Article(ArticleIds.of(url, body), url, null, null, body,
                    firstPublished.plus(step.multipliedBy(i)), TimeSource.METADATA, "bench-" + i);
        }

        @Override
        public int size() {
            return chosen.length;
        }
    }

    public static long utf8Bytes(List<Article> articles) {
        long total = 0;
        for (Article article : articles) {
            total += article.text().getBytes(StandardCharsets.UTF_8).length;
        }
        return total;
    }
}
