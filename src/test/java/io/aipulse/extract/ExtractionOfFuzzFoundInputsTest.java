package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.aipulse.article.Article;
import io.aipulse.testsupport.TestArticle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inputs the fuzzer ({@code io.aipulse.fuzz.ExtractionFuzzTest}) once found breaking extraction, each as its
 * minimal reproducer, through the public extractor with the shipped knowledge: they stay fixed.
 */
class ExtractionOfFuzzFoundInputsTest {

    private static EventExtractor extractor;

    @BeforeAll
    static void loadTheShippedKnowledge() {
        extractor = new RuleBasedExtractor(Knowledge.load(Path.of("config")), ExtractionSettings.defaults());
    }

    @Test
    void anAppointmentWhoseOrganisationComesAfterTheTriggerIsReadWithoutAnError() {
        // given an appointment sentence (出任) whose organisation (中心) stands after the trigger
        Article article = TestArticle.withText("首席行官上海出任中心").id("t-personnel").build();

        // when / then
        assertThatCode(() -> extractor.extract(article)).doesNotThrowAnyException();
    }

    @Test
    void anInvertedRangeLike11To5YuanNeverGivesMinAboveMax() {
        // given a range whose second number is the smaller one
        Article article = TestArticle.withText("毫末智行收购11-5元").id("t-range").build();

        // when
        List<Event> events = extractor.extract(article);

        // then every amount has min <= max
        assertThat(events).allSatisfy(e -> {
            if (e.amount() != null && e.amount().min() != null && e.amount().max() != null) {
                assertThat(e.amount().min()).isLessThanOrEqualTo(e.amount().max());
            }
        });
    }

    @Test
    void aFundingSentenceAboutTheCompanyOfAnEarlierFundingSentenceIsExtracted() {
        // given two funding sentences, the second about "公司" (the company of the first, which has an amount)
        Article article = TestArticle.withText("百度完成数千万元A轮融资。公司完成B轮融资。").id("t-coref").build();

        // when
        List<Event> events = extractor.extract(article);

        // then
        assertThat(events).filteredOn(e -> e.type() == EventType.FUNDING).isNotEmpty();
    }
}
