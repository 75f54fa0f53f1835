package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aipulse.article.Article;
import io.aipulse.testsupport.TestArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The confidence model drops the events it finds unlikely, keeps the rest, and keeps all without a model. */
class EventConfidenceTest {

    private static final String TEXT = "星衡科技宣布完成1亿元A轮融资。星衡科技今日正式发布服务机器人“星衡一号”。";

    private static Article article() {
        return TestArticle.withText(TEXT).id("c1").publishedAt("2024-11-20T02:00:00Z").build();
    }

    @Test
    void aModelIsALogisticFunctionOfItsWeightedFeatures() {
        // given a bias, a threshold and two weights
        EventConfidence model = EventConfidence.of(List.of(new String[] {"(bias)", "0.5"},
                new String[] {"(threshold)", "0.4"}, new String[] {"amount", "1.5"}, new String[] {"guessed", "-3"},
                new String[] {"broken", "not a number"}));
        // when
        double withAmount = model.probability(Map.of("amount", 1.0, "unknown feature", 7.0));
        double guessed = model.probability(Map.of("guessed", 1.0));
        // then
        assertThat(withAmount).isCloseTo(1 / (1 + Math.exp(-2.0)), within(1e-9));
        assertThat(guessed).isCloseTo(1 / (1 + Math.exp(2.5)), within(1e-9));
        assertThat(model.keeps(withAmount)).isTrue();
        assertThat(model.keeps(guessed)).isFalse();
    }

    @Test
    void withoutAModelEveryEventIsKept() {
        // given no rows at all
        EventConfidence none = EventConfidence.of(List.of());
        // when / then
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.keeps(0.0)).isTrue();
    }

    @Test
    void theExtractorDropsWhatTheModelFindsUnlikelyAndScoredStillShowsIt(@TempDir Path config) throws IOException {
        // given a model that finds every product launch unlikely (the other knowledge files are the shipped ones)
        Files.write(config.resolve("event-confidence.csv"), List.of("feature,weight", "(bias),3", "(threshold),0.5",
                "type:PRODUCT_LAUNCH,-10"), StandardCharsets.UTF_8);
        RuleBasedExtractor extractor = new RuleBasedExtractor(Knowledge.load(config), ExtractionSettings.defaults());
        // when
        List<Event> kept = extractor.extract(article());
        List<RuleBasedExtractor.Scored> all = extractor.scored(article(), CompanyDirectory.empty());
        // then: the funding stays, the launch is found but dropped
        assertThat(all).extracting(s -> s.event().type()).contains(EventType.FUNDING, EventType.PRODUCT_LAUNCH);
        assertThat(kept).extracting(Event::type).contains(EventType.FUNDING).doesNotContain(EventType.PRODUCT_LAUNCH);
        assertThat(all).allSatisfy(s -> assertThat(s.features()).containsKey("type:" + s.event().type()));
    }

    @Test
    void theTrainerWeighsUpWhatIsRightAndDownWhatIsWrongAndPicksAThreshold() {
        // given articles whose events with "named" are right and those with "guessed" wrong, and an optional one
        ConfidenceTrainer trainer = new ConfidenceTrainer();
        for (int a = 0; a < 40; a++) {
            String article = "a" + a;
            trainer.addArticle(article, 1);
            trainer.add(article, Map.of("named", 1.0), ConfidenceTrainer.Label.RIGHT);
            trainer.add(article, Map.of("guessed", 1.0), ConfidenceTrainer.Label.WRONG);
            trainer.add(article, Map.of("guessed", 1.0, "named", 1.0), ConfidenceTrainer.Label.OPTIONAL);
        }
        // when
        EventConfidence model = EventConfidence.of(trainer.rows().stream().map(r -> r.split(",")).toList());
        // then: the model keeps the right ones, drops the wrong ones, and says what it measured
        assertThat(model.keeps(model.probability(Map.of("named", 1.0)))).isTrue();
        assertThat(model.keeps(model.probability(Map.of("guessed", 1.0)))).isFalse();
        assertThat(trainer.summary()).contains("cross-validated F1 1.000");
    }

    @Test
    void furtherGuessesGetTheirOwnWeightWithoutMovingTheOthers() {
        // given the same right and wrong events, once alone and once beside many wrong further guesses
        ConfidenceTrainer alone = new ConfidenceTrainer();
        ConfidenceTrainer beside = new ConfidenceTrainer();
        for (int a = 0; a < 40; a++) {
            String article = "a" + a;
            for (ConfidenceTrainer t : List.of(alone, beside)) {
                t.addArticle(article, 1);
                t.add(article, Map.of("named", 1.0), ConfidenceTrainer.Label.RIGHT);
                t.add(article, Map.of("named", 1.0, "lead", 1.0), ConfidenceTrainer.Label.RIGHT);
                t.add(article, Map.of("guessed", 1.0), ConfidenceTrainer.Label.WRONG);
            }
            for (int g = 0; g < 3; g++) {
                beside.add(article, Map.of("named", 1.0, ConfidenceFeatures.GUESSED_ANOTHER, 1.0),
                        g == 0 ? ConfidenceTrainer.Label.RIGHT : ConfidenceTrainer.Label.WRONG);
            }
        }
        // when
        EventConfidence first = EventConfidence.of(alone.rows().stream().map(r -> r.split(",")).toList());
        EventConfidence both = EventConfidence.of(beside.rows().stream().map(r -> r.split(",")).toList());
        // then the events without the further guesses' feature are weighed as if those were not there
        for (Map<String, Double> event : List.of(Map.of("named", 1.0), Map.of("named", 1.0, "lead", 1.0),
                Map.of("guessed", 1.0))) {
            assertThat(both.probability(event)).isCloseTo(first.probability(event), within(1e-9));
        }
        // and a further guess, right one time in three, weighs less than the same event read by a rule
        Map<String, Double> further = Map.of("named", 1.0, ConfidenceFeatures.GUESSED_ANOTHER, 1.0);
        assertThat(both.probability(further)).isLessThan(both.probability(Map.of("named", 1.0)));
        assertThat(both.weighs(ConfidenceFeatures.GUESSED_ANOTHER)).isTrue();
    }
}
