package io.aipulse.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitlesTest {

    private static final String TEXT = "工信部印发《2025年人工智能发展行动计划》,百度于2025年发布新模型。";

    @Test
    void aPlaceBetweenTheMarksIsInsideTheTitle() {
        int year = TEXT.indexOf("2025年人工");
        assertThat(Titles.inside(TEXT, 0, year, 60)).isTrue();
    }

    @Test
    void aPlaceAfterTheClosingMarkIsOutside() {
        int year = TEXT.indexOf("2025年发布");
        assertThat(Titles.inside(TEXT, 0, year, 60)).isFalse();
    }

    @Test
    void anOpeningMarkBeyondTheReachOrBeforeTheLowestPlaceDoesNotCount() {
        int inside = TEXT.indexOf("行动计划");
        int open = TEXT.indexOf('《');
        assertThat(Titles.inside(TEXT, 0, inside, inside - open - 1)).isFalse();
        assertThat(Titles.inside(TEXT, open + 1, inside, 60)).isFalse();
    }

    @Test
    void aTitleDoesNotRunOverALineBreak() {
        String text = "《未闭合的标题\n2025年百度发布新模型";
        assertThat(Titles.inside(text, 0, text.indexOf("2025"), 60)).isFalse();
    }
}
