package io.aipulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintedTextTest {

    @Test
    void escapesAFileNameThatWouldForgeAnOutputLine() {
        // given a file name with a newline and a forged "sent" line after it
        String name = "a.txt\nsent forged.txt id=u-1 published=2023-01-01T00:00:00Z (METADATA) -> aipulse.articles-0@0";

        // when / then it prints as one line
        assertThat(PrintedText.escaped(name)).doesNotContain("\n")
                .isEqualTo("a.txt\\nsent forged.txt id=u-1 published=2023-01-01T00:00:00Z (METADATA) -> aipulse.articles-0@0");
    }

    @Test
    void escapesControlsSeparatorsAndBidiOverridesAndDoublesBackslashes() {
        assertThat(PrintedText.escaped("a\r\tb\u001B[31m\u2028c\u202Egnp.exe\\d"))
                .isEqualTo("a\\r\\tb\\u001b[31m\\u2028c\\u202egnp.exe\\\\d");
    }

    @Test
    void keepsOrdinaryNamesAsTheyAre() {
        assertThat(PrintedText.escaped("澎湃新闻 2023-07-26.txt")).isEqualTo("澎湃新闻 2023-07-26.txt");
    }
}
