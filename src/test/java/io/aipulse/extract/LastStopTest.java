package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass stop-word search answers what a lastIndexOf per stop word answered. */
class LastStopTest {

    /**
     * The former search: the last occurrence of each word that is not part of a word of the name (据 of 数据, a
     * name's first character that opens the run), unless it ends the run; the largest end.
     */
    private static int reference(String text, int from, int to, boolean strongOnly) {
        String run = text.substring(from, to);
        int best = 0;
        for (String w : strongOnly ? NameStops.STRONG_STOP_WORDS : NameStops.STOP_WORDS) {
            int i = run.lastIndexOf(w);
            while (i >= 0 && (w.equals("据") && i > 0 && "数证票单".indexOf(run.charAt(i - 1)) >= 0
                    || i == 0 && w.length() == 1 && "中上下任个家和".indexOf(w.charAt(0)) >= 0)) {
                i = i == 0 ? -1 : run.lastIndexOf(w, i - 1);
            }
            if (i >= 0 && i + w.length() > best && i + w.length() < run.length()) {
                best = i + w.length();
            }
        }
        return from + best;
    }

    @Test
    void findsTheSameCutAsALastIndexOfPerWord() {
        Random random = new Random(9);
        String[] pieces = {"的", "旗下", "下", "联合", "合", "公司", "司", "北京", "百川", "智能", "科技", "在", "上海", "由", "和", "与",
            "宣布", "布", "共建", "建设", "设立", "AI", " ", "及", "完成", "参与", "入股", "中", "数据", "据", "个人"};
        for (int n = 0; n < 20000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0, count = random.nextInt(12); i < count; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            int from = text.isEmpty() ? 0 : random.nextInt(Math.min(3, text.length()) + 1);
            int to = Math.max(from, text.length() - random.nextInt(3));
            for (boolean strong : new boolean[] {false, true}) {
                assertThat(NameStops.lastStop(text, from, to, strong)).as("%s [%d, %d) %s", text, from, to, strong)
                        .isEqualTo(reference(text, from, to, strong));
            }
        }
    }

    @Test
    void doesNotCutAtTheJuOfDataInsideACompanysName() {
        // given the run of a legal name whose core ends in 数据 (data), and one read after 据 (according to)
        String data = "星河数据科技";
        String accordingTo = "据星河研究";

        // then 数据 keeps its 据, while 据 of its own cuts the run
        assertThat(NameStops.lastStop(data, 0, data.length(), false)).isZero();
        assertThat(NameStops.lastStop(accordingTo, 0, accordingTo.length(), false)).isEqualTo(1);
    }

    @Test
    void keepsAStopThatOpensTheRunAsTheNamesFirstCharacter() {
        // given names that open with a stop (中, 上, 和), a run where 中 ends "在...中" before the name, and one that
        // opens with the preposition 由
        String opening = "中联数据";
        String openingUp = "上元科技";
        String openingAnd = "和达科技";
        String inner = "在此过程中智源";
        String preposition = "由智源";

        // then the opening stop stays in the name, the inner one and the preposition cut
        assertThat(NameStops.lastStop(opening, 0, opening.length(), false)).isZero();
        assertThat(NameStops.lastStop(openingUp, 0, openingUp.length(), false)).isZero();
        assertThat(NameStops.lastStop(openingAnd, 0, openingAnd.length(), false)).isZero();
        assertThat(NameStops.lastStop(inner, 0, inner.length(), false)).isEqualTo(5);
        assertThat(NameStops.lastStop(preposition, 0, preposition.length(), false)).isEqualTo(1);
    }
}
