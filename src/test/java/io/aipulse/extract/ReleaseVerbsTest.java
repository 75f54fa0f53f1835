package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The hand-written release verb answers what its pattern's lookingAt() answers at every place. */
class ReleaseVerbsTest {

    private static final String[] PIECES = {
        "发布", "发布并开源", "发布并", "并开源", "推出", "上线", "开源", "公布", "公开", "官宣", "亮相", "开放", "首发", "揭晓", "上架",
        "提供下载", "提供", "问世", "面世", "了", "了了", "发", "布", "模型", " ", "\uD840\uDC00", "，"};

    @Test
    void answersWhatThePatternAnswersEverywhere() {
        int matches = 0;
        for (String text : GeneratedTexts.of(23, 5_000, 1, 6, PIECES)) {
            for (int to = 0; to <= text.length(); to++) {
                for (int p = 0; p < to; p++) {
                    Matcher m = ReleaseVerbs.PATTERN.matcher(text).region(p, to);
                    int[] expected = m.lookingAt() ? new int[] {m.start(), m.end(), m.start(1), m.end(1)} : null;
                    matches += expected != null ? 1 : 0;
                    assertThat(Arrays.toString(ReleaseVerbs.at(text, p, to))).as("%s [%d,%d)", text, p, to)
                            .isEqualTo(Arrays.toString(expected));
                }
            }
        }
        assertThat(matches).isGreaterThan(10_000);
    }
}
