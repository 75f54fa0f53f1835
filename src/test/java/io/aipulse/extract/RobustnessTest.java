package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.aipulse.testsupport.TestArticle;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RobustnessTest {

    private static EventExtractor extractor;

    @BeforeAll
    static void load() throws URISyntaxException {
        Knowledge k = Knowledge.load(Path.of(RobustnessTest.class.getResource("/extract/config").toURI()));
        extractor = new RuleBasedExtractor(k, ExtractionSettings.defaults());
    }

    private static List<Event> extract(String text) {
        return extractor.extract(TestArticle.withText(text).id("r").publishedAt("2024-01-01T00:00:00Z").build());
    }

    @Test
    void oddInputGivesNoEventsAndNoErrors() {
        for (String text : List.of("", " ", "。。。", "\n\n\n", "《", "》《", "“", "(", "（jié", "&#;", "<p", "据", "据报道",
                "完成", "融资", "发布了", "1亿美元", "数", "超", "2023年13月45日发布", "😀🚀发布融资", "\uD83D")) {
            assertThatCode(() -> extract(text)).as(text).doesNotThrowAnyException();
        }
    }

    @Test
    void aMegabyteLineWithoutPunctuationIsExtractedQuickly() {
        // given one line of 1 MB with trigger words and names but no punctuation
        String line = "上海人工智能产业规模持续扩大形成了从基础研究到创新应用的全产业链布局百度发布文心大模型".repeat(23_000);
        // when
        long t0 = System.nanoTime();
        List<Event> events = extract(line);
        // then
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(30_000);
        assertThat(events).isNotNull();
    }

    @Test
    void randomTextNeverBreaksTheExtractor() {
        Random random = new Random(42);
        String alphabet = "百度腾讯发布完成融资亿元美元年月日据报道。，、《》“”「」()（）:：;0123456789 ABCaiAI公司有限收购上市招股书印发合作旗下在被由与和等今年去年数超近约领投跟投\n";
        for (int n = 0; n < Integer.getInteger("aipulse.fuzz", 200); n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(400);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            assertThatCode(() -> extract(text)).as(text).doesNotThrowAnyException();
        }
    }
}
