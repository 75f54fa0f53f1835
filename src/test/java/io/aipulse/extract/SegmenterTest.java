package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The cheap test in front of the dateline pattern turns away no sentence that the pattern and the former, looser
 * test both let through (the looser one counts UTF-16 units where the pattern counts code points, which the
 * output has always followed, so it stays the reference).
 */
class SegmenterTest {

    private static final String[] PIECES = {
        "据", "根据", "报道", "消息", "援引", "发布的文章", "月", "日", "电", "讯", "晚间消息", "早间消息", "获悉", "7", "26", "1",
        " ", "\t", "\n", "，", "。", ",", ";", "；", "TechCrunch", "《科创板日报》", "新华社", "北京", "记者", "OpenAI", "发布",
        "\uD840\uDC00", "12", "年", "晚", "早", "据悉", "据了解", "介绍", "发布", "的文章", "根"};

    private static List<String> texts() {
        List<String> out = new ArrayList<>(List.of("7月26日电", "北京7 月 26 日消息", "新华社北京7月26日 晚间消息",
                "据TechCrunch 7月26日报道", "记者获悉", "7月26日，OpenAI发布", "7月 26日\n电"));
        out.addAll(GeneratedTexts.of(5, 20_000, 1, 12, PIECES));
        return out;
    }

    @Test
    void everyDatelineThePatternFindsPassesTheCheapTest() {
        int matches = 0;
        for (String text : texts()) {
            for (int start = 0; start < text.length(); start++) {
                for (int end = start + 1; end <= text.length(); end += Math.max(1, (text.length() - start) / 3)) {
                    Matcher m = Segmenter.DATELINE.matcher(text).region(start, Math.min(end, start + 80));
                    boolean former = formerTest(text, start, end);
                    boolean now = Segmenter.mayOpenWithDateline(text, start, end);
                    assertThat(!now || former).as("%s [%d,%d)", text, start, end).isTrue();
                    if (m.lookingAt() && former) {
                        matches++;
                        assertThat(now).as("%s [%d,%d)", text, start, end).isTrue();
                    }
                }
            }
        }
        assertThat(matches).isGreaterThan(1000);
    }

    /** The test as it was before it looked at the digit before 月 and the word after 日 (and a wire's parenthesis). */
    private static boolean formerTest(String text, int start, int end) {
        char c = text.charAt(start);
        return c == '据' || c == '根' && start + 1 < end && text.charAt(start + 1) == '据'
                || (c == '(' || c == '（') && text.startsWith("中央社", start + 1)
                || Segmenter.dateOrSourceNearStart(text, start, end);
    }

    @Test
    void aMediumThatLearntTheNewsIsItsSourceButAnUnnamedOneIsNot() {
        // given a sentence whose source learnt the news, and one that names no source
        String text = "据网易科技了解,某团队负责人宣布离职。据了解,他将休整。";
        // when
        List<Segmenter.Sentence> sentences = Segmenter.split(text);
        // then: the first opens with a dateline, the second does not
        assertThat(text.substring(sentences.get(0).start, sentences.get(0).datelineEnd)).isEqualTo("据网易科技了解");
        assertThat(sentences.get(1).datelineEnd).isEqualTo(sentences.get(1).start);
    }

    @Test
    void aWireAgencysDatelineWithItsDayOnlyOpensTheItem() {
        // given Taiwan news opening with the agency's dateline in parentheses
        String text = "（中央社记者王小明台北19日电）某公司宣布完成新一轮融资。";
        // when
        Segmenter.Sentence s = Segmenter.split(text).get(0);
        // then: the dateline is read apart from the news, and its day is a date
        assertThat(text.substring(s.start, s.datelineEnd)).isEqualTo("（中央社记者王小明台北19日电）");
        assertThat(DateParser.findAll(text, s.start, s.datelineEnd, LocalDate.of(2024, 11, 20), 2024, null))
                .extracting(DateParser.Mention::date).containsExactly(LocalDate.of(2024, 11, 19));
    }

    @Test
    void aListFlattenedIntoOneLineIsOneSentencePerItemButARangeStaysWhole() {
        // given a page's bulleted list on one line, and a range written with a dash
        String text = "融资进展 - 甲科技完成天使轮融资 [3] - 乙科技完成A轮融资。对价为2000 - 3000万元。";
        // when
        List<String> sentences = Segmenter.split(text).stream().map(x -> text.substring(x.start, x.end)).toList();
        // then
        assertThat(sentences).containsExactly("融资进展", "甲科技完成天使轮融资 [3]", "乙科技完成A轮融资。", "对价为2000 - 3000万元。");
    }
}
