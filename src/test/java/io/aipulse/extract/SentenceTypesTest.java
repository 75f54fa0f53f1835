package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentence-type model: how text is read into n-grams, and how a guess is scored. */
class SentenceTypesTest {

    private static SentenceTypes model(String... rows) {
        return SentenceTypes.of(java.util.Arrays.stream(rows).map(r -> r.split(",", -1)).toList());
    }

    private static List<String> ngrams(String text) {
        List<String> out = new ArrayList<>();
        SentenceTypes.forEachNgram(text, 0, text.length(), (key, at) -> out.add(SentenceTypes.text(key) + "@" + at));
        return out;
    }

    @Test
    void readsPairsAndTriplesOfHanCharactersWithRunsOfDigitsAndLettersAsOneSymbol() {
        // when
        List<String> grams = ngrams("推出Qwen3模型");
        // then "Qwen" reads as a, "3" as 0
        assertThat(grams).containsExactly("推出@0", "出a@1", "推出a@0", "a0@2", "出a0@1", "0模@6", "a0模@2", "模型@7", "0模型@6");
    }

    @Test
    void punctuationAndSpacesBreakNgrams() {
        assertThat(ngrams("融资，完成")).containsExactly("融资@0", "完成@3");
        assertThat(ngrams("融 资")).isEmpty();
    }

    @Test
    void guessesTheTypeWhoseWeightsSumHighestAndPointsAtItsStrongestNgram() {
        // given
        SentenceTypes model = model("融资,FUNDING,3.0", "完成,FUNDING,1.0", "完成,IPO,1.5", "上市,IPO,2.0");
        String text = "某公司完成A轮融资";
        // when
        SentenceTypes.Guess guess = model.guess(text, 0, text.length());
        // then FUNDING 3.0 + 1.0 beats IPO 1.5
        assertThat(guess.type()).isEqualTo(EventType.FUNDING);
        assertThat(guess.score()).isEqualTo(4.0);
        assertThat(guess.at()).isEqualTo(text.indexOf("融资"));
    }

    @Test
    void anNgramCountsOncePerSentence() {
        SentenceTypes model = model("融资,FUNDING,2.0");
        String text = "融资，融资，融资";
        assertThat(model.guess(text, 0, text.length()).score()).isEqualTo(2.0);
    }

    @Test
    void noKnownNgramNoGuessAndBadRowsAreSkipped() {
        SentenceTypes model = model("融资,FUNDING,2.0", "融资,NOT_A_TYPE,1.0", "上市,IPO,many", "a,IPO,1.0", "四个字的,IPO,1.0");
        assertThat(model.size()).isEqualTo(1);
        assertThat(model.guess("天气很好", 0, 4)).isNull();
        assertThat(SentenceTypes.none().guess("融资", 0, 2)).isNull();
    }

    @Test
    void theTrainerWeighsNgramsOfEventSentencesAgainstSentencesOfNoEvent() {
        // given three team-written articles: each tells one funding round and one thing that is no event
        SentenceTypesTrainer trainer = new SentenceTypesTrainer();
        String[] articles = {
            "甲科技宣布完成数亿元B轮融资。今天北京天气晴朗。",
            "乙智能近日完成新一轮融资。会场里人很多。",
            "丙机器人获得千万元天使轮融资。天气转凉了。"};
        for (String a : articles) {
            String evidence = a.substring(0, a.indexOf('。'));
            trainer.add(a, List.of(new SentenceTypesTrainer.Evidence(EventType.FUNDING, evidence)));
        }
        // when
        SentenceTypes model = trainer.model();
        // then the shared words of the rounds count for FUNDING, the weather for nothing
        String unseen = "丁数据完成战略融资";
        assertThat(model.guess(unseen, 0, unseen.length()).type()).isEqualTo(EventType.FUNDING);
        assertThat(model.guess("天气", 0, 2)).isNull();
        assertThat(trainer.rows()).allMatch(r -> Double.parseDouble(r.split(",")[2]) > 0)
                .anyMatch(r -> r.startsWith("融资,FUNDING,"));
        assertThat(trainer.unplaced()).isZero();
    }
}
