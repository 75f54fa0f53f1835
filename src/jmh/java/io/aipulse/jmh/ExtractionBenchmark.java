package io.aipulse.jmh;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import io.aipulse.article.Article;
import io.aipulse.article.ArticleSources;
import io.aipulse.article.ArticleJson;
import io.aipulse.article.InputLimits;
import io.aipulse.article.RawTextArticleParser;
import io.aipulse.bench.Corpus;
import io.aipulse.extract.EventExtractor;
import io.aipulse.extract.ExtractionSettings;
import io.aipulse.extract.Knowledge;
import io.aipulse.extract.RuleBasedExtractor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One operation = one pass over a whole text set (the seed articles, or a corpus recombined from their
 * paragraphs), so MB/s = bytes of the set x operations/s. The reference is HanLP's segmentation with
 * place and organisation recognition over the same text in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ExtractionBenchmark {

    @Param({"seeds", "corpus"})
    public String textSet;

    private EventExtractor extractor;
    private Segment hanlp;
    private List<Article> articles;

    @Setup(Level.Trial)
    public void setUp() {
        articles = texts(textSet);
        extractor = new RuleBasedExtractor(Knowledge.load(Path.of("config")), ExtractionSettings.defaults());
        hanlp = HanLP.newSegment().enablePlaceRecognize(true).enableOrganizationRecognize(true);
    }

    /** The articles of a text set, built the same way every run. */
    static List<Article> texts(String textSet) {
        InputLimits limits = InputLimits.defaults();
        ArticleSources sources = new ArticleSources(new RawTextArticleParser(ExtractionSettings.DEFAULT_ZONE, limits),
                new ArticleJson(ExtractionSettings.DEFAULT_ZONE, limits), limits);
        List<Article> seeds = sources.read(List.of("seeds"), System.in, Instant.parse("2024-08-01T00:00:00Z"))
                .stream().filter(ArticleSources.Item::accepted).map(ArticleSources.Item::article).toList();
        if ("seeds".equals(textSet)) {
            return seeds;
        }
        // copied: the corpus makes an article's text when it is read, which is not what is measured here
        return List.copyOf(Corpus.of(seeds).articles(200, 10_000, Instant.parse("2024-01-01T00:00:00Z"),
                Duration.ofHours(1), 42L, "https://jmh.aipulse.invalid/"));
    }

    @Benchmark
    public void cleanAndExtract(Blackhole sink) {
        for (Article article : articles) {
            sink.consume(extractor.extract(article));
        }
    }

    @Benchmark
    public void hanlpPlaceAndOrganisationRecognition(Blackhole sink) {
        for (Article article : articles) {
            sink.consume(hanlp.seg(article.fullText()));
        }
    }
}
