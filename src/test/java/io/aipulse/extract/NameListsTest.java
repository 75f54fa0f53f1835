package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The hand-written list cutting answers what the patterns answer, on many generated lists. */
class NameListsTest {

    private static final String[] PIECES = {
        "本轮融资", "本轮", "此轮", "该轮", "由", "联合", "共同", "种子轮", "天使轮", "老股东", "领投方", "投资方", "等", "等机构", "机构",
        "、", "和", "与", "及", "以及", "以", ",", "，", "红杉中国", "IDG资本", "A", " ", "\n", "\r", "\r\n", "\u0085", "\u2028",
        "\u2029", "\uD840\uDC00", "领投", "轮"};

    @Test
    void listsAndNamesAreCutAsThePatternsCutThem() {
        for (String s : GeneratedTexts.of(17, 50_000, 0, 8, PIECES)) {
            assertThat(NameLists.trimList(s)).as(s)
                    .isEqualTo(NameLists.LIST_TAIL.matcher(NameLists.LIST_HEAD.matcher(s).replaceAll("")).replaceAll(""));
            assertThat(NameLists.trimName(s)).as(s)
                    .isEqualTo(NameLists.NAME_TAIL.matcher(NameLists.NAME_HEAD.matcher(s).replaceAll("")).replaceAll(""));
            assertThat(NameLists.parts(s)).as(s)
                    .isEqualTo(Arrays.stream(NameLists.SEPARATORS.split(s)).filter(p -> !p.isEmpty()).toList());
        }
    }
}
