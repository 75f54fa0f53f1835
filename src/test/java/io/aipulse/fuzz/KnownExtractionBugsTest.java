package io.aipulse.fuzz;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.aipulse.article.Article;
import io.aipulse.article.TimeSource;
import io.aipulse.extract.Event;
import io.aipulse.extract.EventExtractor;
import io.aipulse.extract.EventType;
import io.aipulse.extract.ExtractionSettings;
import io.aipulse.extract.Knowledge;
import io.aipulse.extract.RuleBasedExtractor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bugs the fuzzer found, each as its minimal reproducer: disabled until the fix lands (the integrator
 * enables the test with the fix), and recognised by {@link ExtractionFuzzTest} so the properties go on
 * guarding the rest meanwhile.
 */
class KnownExtractionBugsTest {

    static final String FUNDING_COREFERENCE = "funding-coreference (StringIndexOutOfBoundsException in "
            + "ArticleExtraction.valuation for a funding sentence whose subject is a coreference to an earlier "
            + "sentence holding an amount)";

    static final String INVERTED_RANGE = "inverted-range (AmountParser reads \"11-5元\" as min 11, max 5)";

    private static EventExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = new RuleBasedExtractor(Knowledge.load(Path.of("config")), ExtractionSettings.defaults());
    }

    static final String PERSONNEL_ANNOUNCER = "personnel-announcer (StringIndexOutOfBoundsException in "
            + "ArticleExtraction.personnel for an actor that ends after the trigger)";

    /** True for the failure of {@link #FUNDING_COREFERENCE}. */
    static boolean isFundingCoreference(Throwable e) {
        return isIndexBugIn(e, "valuation");
    }

    /** True for a StringIndexOutOfBoundsException whose first frame in ArticleExtraction is {@code method}. */
    static boolean isIndexBugIn(Throwable e, String method) {
        if (!(e instanceof StringIndexOutOfBoundsException)) {
            return false;
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals("io.aipulse.extract.ArticleExtraction")) {
                return frame.getMethodName().equals(method);
            }
        }
        return false;
    }

    /** True for the contract violation of {@link #INVERTED_RANGE}: an amount whose min is above its max. */
    static boolean isInvertedRange(Throwable e) {
        return e instanceof AssertionError && e.getMessage() != null
                && (e.getMessage().startsWith("amount: min <= max") || e.getMessage().startsWith("amount: cnyMin <= cnyMax"));
    }

    /** The name of the known bug {@code e} is, or null for any other failure. */
    /** The open bugs the fuzz properties tolerate: none (the three found are fixed). */
    static String knownBug(Throwable e) {
        return null;
    }

    @Test
    void anAppointmentSentenceWithAnOrganisationAfterTheTriggerIsExtracted() {
        Article article = new Article("t-personnel", null, null, null, "首席行官上海出任中心",
                Instant.parse("2023-07-26T02:00:00Z"), TimeSource.TEXT, "fuzz");
        assertThatCode(() -> extractor.extract(article)).doesNotThrowAnyException();
    }

    @Test
    void aRangeWrittenHighToLowKeepsMinAtMostMax() {
        // given a range whose second number is the smaller one
        Article article = new Article("t-range", null, null, null, "毫末智行收购11-5元",
                Instant.parse("2023-07-26T02:00:00Z"), TimeSource.TEXT, "fuzz");

        // when
        List<Event> events = extractor.extract(article);

        // then every amount has min <= max
        Assertions.assertThat(events).allSatisfy(e -> {
            if (e.amount() != null && e.amount().min() != null && e.amount().max() != null) {
                Assertions.assertThat(e.amount().min()).isLessThanOrEqualTo(e.amount().max());
            }
        });
    }

    @Test
    void aFundingSentenceWhoseSubjectIsACoreferenceToAnEarlierSentenceIsExtracted() {
        // given two funding sentences, the second one about "公司" (the company of the first)
        Article article = new Article("t-coref", null, null, null, "百度完成数千万元A轮融资。公司完成B轮融资。",
                Instant.parse("2023-07-26T02:00:00Z"), TimeSource.TEXT, "fuzz");

        // when / then: no exception, and the second round does not borrow the first round's amount
        assertThatCode(() -> extractor.extract(article)).doesNotThrowAnyException();
        List<Event> events = extractor.extract(article);
        Assertions.assertThat(events).filteredOn(e -> e.type() == EventType.FUNDING).isNotEmpty();
    }

    @Test
    void theToleratedSignatureIsExactlyThatBug() {
        // the fuzz properties tolerate only this failure: check the recogniser on the reproducer itself
        Article article = new Article("t-coref", null, null, null, "百度完成数千万元A轮融资。公司完成B轮融资。",
                Instant.parse("2023-07-26T02:00:00Z"), TimeSource.TEXT, "fuzz");
        try {
            extractor.extract(article);
        } catch (RuntimeException e) {
            Assertions.assertThat(isFundingCoreference(e)).as("recognised: %s", e).isTrue();
        }
        Assertions.assertThat(isFundingCoreference(new StringIndexOutOfBoundsException("elsewhere"))).isFalse();
    }
}
