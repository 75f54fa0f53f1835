package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written aggregate test answers what its pattern's find() answers on every part of many texts. */
class AggregatesTest {

    private static final String[] PIECES = {
        "累计", "总额", "总计", "共计", "连续", "先后", "融资前", "总融资", "合计", "轮融资", "融资", "轮", "多", "数", "两", "三", "十",
        "百", "1", "12", "\uFF11", "\u0661", "a", " ", "\t", "\n", "\u3000", "完成", "A轮", "C", "累", "计", "总", "\uD840\uDC00", "，", "获"};

    @Test
    void answersWhatThePatternAnswers() {
        Random random = new Random(3);
        int found = 0;
        for (String text : GeneratedTexts.of(3, 20_000, 1, 10, PIECES)) {
            for (int from = 0; from <= text.length(); from += 1 + random.nextInt(3)) {
                for (int to = from; to <= text.length(); to += 1 + random.nextInt(3)) {
                    boolean expected = Aggregates.PATTERN.matcher(text.substring(from, to)).find();
                    found += expected ? 1 : 0;
                    assertThat(Aggregates.in(text, from, to)).as("%s [%d,%d)", text, from, to).isEqualTo(expected);
                }
            }
        }
        assertThat(found).isGreaterThan(10_000);
    }
}
