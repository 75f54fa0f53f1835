package io.aipulse.bench;

import io.aipulse.article.Article;
import io.aipulse.article.ArticleIds;
import io.aipulse.article.TimeSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

    /**
     * {@code count} articles of about {@code targetBytes} UTF-8 bytes each, published {@code step} apart
     * from {@code firstPublished}, with distinct URLs (so distinct ids).
     */
    public List<Article> articles(int count, int targetBytes, Instant firstPublished, Duration step, long seed,
                                  String urlPrefix) {
        Random random = new Random(seed);
        List<Article> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int bytes = 0;
            while (bytes < targetBytes) {
                String paragraph = paragraphs.get(random.nextInt(paragraphs.size()));
                text.append(paragraph).append('\n');
                bytes += paragraph.getBytes(StandardCharsets.UTF_8).length + 1;
            }
            String url = urlPrefix + i;
            String body = text.toString();
            articles.add(new Article(ArticleIds.of(url, body), url, null, null, body,
                    firstPublished.plus(step.multipliedBy(i)), TimeSource.METADATA, "bench-" + i));
        }
        return articles;
    }

    public static long utf8Bytes(List<Article> articles) {
        long total = 0;
        for (Article article : articles) {
            total += article.text().getBytes(StandardCharsets.UTF_8).length;
        }
        return total;
    }
}
