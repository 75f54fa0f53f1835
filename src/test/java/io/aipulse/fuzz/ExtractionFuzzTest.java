package io.aipulse.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.article.Article;
import io.aipulse.article.TimeSource;
import io.aipulse.article.clean.TextCleaner;
import io.aipulse.extract.Event;
import io.aipulse.extract.EventExtractor;
import io.aipulse.extract.ExtractionSettings;
import io.aipulse.extract.Knowledge;
import io.aipulse.extract.RuleBasedExtractor;
import io.aipulse.testsupport.TestArticle;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of cleaning + extraction ({@link RuleBasedExtractor} with the shipped knowledge in
 * {@code config/}) over generated input: no exception escapes, and every event follows the contract
 * ({@link EventContract}); the same article gives the same events twice. What the fuzzer has found stays
 * fixed in {@code io.aipulse.extract.ExtractionOfFuzzFoundInputsTest}.
 */
class ExtractionFuzzTest {

    private static EventExtractor extractor;
    private static final TextCleaner CLEANER = new TextCleaner();

    @BeforeAll
    static void loadTheShippedKnowledge() {
        extractor = new RuleBasedExtractor(Knowledge.load(Path.of("config")), ExtractionSettings.defaults());
    }

    @Test
    void randomUnicodeNeverBreaksExtraction() {
        Fuzz.forAll("random Unicode: no exception, events follow the contract", Fuzz.tries(600),
                r -> NewsText.unicode(r, 400), ExtractionFuzzTest::extractsByContract);
    }

    @Test
    void randomMixesOfNewsFragmentsFollowTheContract() {
        Fuzz.forAll("news fragments: no exception, events follow the contract", Fuzz.tries(1_000),
                r -> NewsText.news(r, 60), ExtractionFuzzTest::extractsByContract);
    }

    @Test
    void newsShapedSentencesWithHostilePiecesFollowTheContract() {
        Fuzz.forAll("news-shaped sentences: no exception, events follow the contract", Fuzz.tries(1_000),
                r -> NewsText.sentences(r, 8), ExtractionFuzzTest::extractsByContract);
    }

    @Test
    void longRunsOfOneCharacterFinishAndFollowTheContract() {
        Fuzz.forAll("long runs of one character amid news: no exception, contract", Fuzz.tries(150),
                r -> NewsText.sentences(r, 2) + NewsText.run(r) + NewsText.sentences(r, 2),
                ExtractionFuzzTest::extractsByContract);
    }

    @Test
    void everyArticleShapeFollowsTheContract() {
        // titles, summaries, URLs and every time source around the same generated bodies
        Function<Random, String> body = NewsText.oneOf(r -> NewsText.sentences(r, 5), r -> NewsText.news(r, 30));
        Fuzz.forAll("article shapes (title, summary, url, time source): contract", Fuzz.tries(400), body, text -> {
            // the shape follows from the body, so that shrinking re-checks the same shape
            Random shapes = new Random(Fuzz.seed() ^ text.hashCode());
            TimeSource source = TimeSource.values()[shapes.nextInt(TimeSource.values().length)];
            Article article = new Article("t-fuzz", shapes.nextBoolean() ? "https://example.com/2023-07-26/a" : null,
                    shapes.nextBoolean() ? NewsText.sentences(shapes, 1) : null,
                    shapes.nextBoolean() ? NewsText.news(shapes, 5) : null, text,
                    TestArticle.PUBLISHED.plusSeconds(shapes.nextInt(1_000_000_000) - 500_000_000L), source, "fuzz");
            checkArticle(article);
        });
    }

    @Test
    void theFuzzerFindsAndShrinksAContractViolation() {
        // the harness itself: a property that fails on any text holding '亿' is shrunk to "亿"
        Throwable failure = Fuzz.failure(input -> Fuzz.forAll("self-test", 200, r -> NewsText.sentences(r, 6), text -> {
            if (text.contains("亿")) {
                throw new AssertionError("contains 亿");
            }
        }), "");
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage()).contains("minimal input (1 chars): \"亿\"").contains("-Daipulse.fuzz.seed=");
    }

    static void extractsByContract(String text) {
        checkArticle(TestArticle.withText(text).id("t-fuzz").build());
    }

    private static void checkArticle(Article article) {
        List<Event> events = extractor.extract(article);
        EventContract.check(article, CLEANER.clean(article.fullText()).text(), events);
        List<Event> again = extractor.extract(article);
        if (!again.equals(events)) {
            throw new AssertionError("determinism: the same article gives the same events\n  first: " + events
                    + "\n  again: " + again);
        }
    }
}
