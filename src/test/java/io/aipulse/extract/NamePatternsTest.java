package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The hand-written name matchers answer exactly what their regular expressions answer. */
class NamePatternsTest {

    private static final String[] PIECES = {
        "科技", "智能", "网络", "数据", "信息", "软件", "机器人", "半导体", "传媒", "汽车", "医疗", "生物", "教育", "云", "股份",
        "正式", "近日", "日前", "今日", "宣布", "发布", "推出", "完成", "获得", "获", "上线", "开源", "与", "和", "在", "已",
        "也", "将", "于", "公司", "独角兽", "融资", "亿元", "A轮", "新壹", "秘塔", "无问芯穹", "百川", " ", "\t", ",", "，", "。",
        ";", "；", ":", "AI", "1", "\uD840\uDC00", "的", "人工智能", "\n"};

    private static List<String> texts() {
        Random random = new Random(11);
        List<String> out = new ArrayList<>(List.of("新壹科技发布了", "AI 搜索公司秘塔科技获得融资", "无问芯穹完成近5亿元A轮融资",
                " 百川智能 宣布", "公司\uD840\uDC00科技获得", "无问芯穹近日正式宣布完成" + "的".repeat(29) + "融资"));
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder();
            int pieces = 1 + random.nextInt(14);
            for (int i = 0; i < pieces; i++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            out.add(sb.toString());
        }
        // rounds: a name, optional time / 正式 / 宣布, a verb, up to ~35 characters, 融资
        String han = "无问芯穹百川智能科技公司的";
        String filler = "近5亿元A轮的,，。;；天使新一";
        for (int n = 0; n < 1000; n++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? " " : "");
            for (int i = 0, len = 1 + random.nextInt(7); i < len; i++) {
                sb.append(han.charAt(random.nextInt(han.length())));
            }
            for (String optional : new String[] {"亦", "刚刚", "刚", "于", "近日", "近期", "今年", "在", "1", "12", " ", "月", "8",
                "日", "初", "中旬", "正式", "宣布", "成功"}) {
                if (random.nextBoolean()) {
                    sb.append(optional);
                }
            }
            sb.append(new String[] {"完成", "获得", "拿下", "获", "获悉", "斩获", ""}[random.nextInt(7)]);
            for (int i = 0, len = random.nextInt(36); i < len; i++) {
                sb.append(filler.charAt(random.nextInt(filler.length())));
            }
            out.add(sb.append(random.nextInt(4) == 0 ? "投资" : "融资").toString());
        }
        return out;
    }

    private static String regex(Matcher m) {
        return m.start(1) + "-" + m.end(1) + "/" + m.end();
    }

    private static String ours(NamePatterns.Found f) {
        return f == null ? null : f.start() + "-" + f.end() + "/" + f.matchEnd();
    }

    @Test
    void hanNameAndFundedNameLookLikeTheirPatternsAtEveryPlace() {
        int[] matches = new int[2];
        for (String text : texts()) {
            for (int to = 0; to <= text.length(); to += Math.max(1, text.length() / 3)) {
                for (int p = 0; p <= to; p++) {
                    Matcher h = NamePatterns.HAN_NAME.matcher(text).region(p, to);
                    boolean hanMatch = h.lookingAt();
                    matches[0] += hanMatch ? 1 : 0;
                    assertThat(ours(NamePatterns.hanName(text, p, to))).as("%s [%d,%d)", text, p, to)
                            .isEqualTo(hanMatch ? regex(h) : null);
                    Matcher f = NamePatterns.FUNDED_NAME.matcher(text).region(p, to);
                    boolean fundedMatch = f.lookingAt();
                    matches[1] += fundedMatch ? 1 : 0;
                    assertThat(ours(NamePatterns.fundedName(text, p, to))).as("%s [%d,%d)", text, p, to)
                            .isEqualTo(fundedMatch ? regex(f) : null);
                }
            }
        }
        assertThat(matches[0]).isGreaterThan(100); // the texts do exercise both patterns
        assertThat(matches[1]).isGreaterThan(100);
    }

    @Test
    void describedHanFindsWhatFindFinds() {
        int found = 0;
        for (String text : texts()) {
            for (int from = 0; from < text.length(); from += 3) {
                Matcher m = NamePatterns.DESCRIBED_HAN.matcher(text).region(from, text.length());
                List<String> expected = new ArrayList<>();
                while (m.find()) {
                    expected.add(regex(m));
                }
                List<String> actual = new ArrayList<>();
                int pos = from;
                NamePatterns.Found d;
                while ((d = NamePatterns.describedHan(text, pos, text.length())) != null) {
                    actual.add(ours(d));
                    pos = d.matchEnd();
                }
                assertThat(actual).as(text).isEqualTo(expected);
                found += expected.size();
            }
        }
        assertThat(found).isGreaterThan(100);
    }

    @Test
    void adverbsOnlyAnswersWhatItsPatternAnswers() {
        String[] pieces = {"正式", "近日", "日前", "宣布", "已经", "已", "也", "还", "还将", "将", "并且", "并", "今年", "年", "月", "日",
            "中旬", "以来", "累计", " ", "\t", "\n", "1", "2023", "“", "”", "百度", "公司", "的", "\u0085", "A",
            // a manner is an adverbial too: "通过现金加股票的方式", "以协议转让的形式"
            "通过", "以", "方式", "形式", "，", "现金加股票的"};
        Random random = new Random(13);
        int matches = 0;
        for (int n = 0; n < 20000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0, count = random.nextInt(10); i < count; i++) {
                sb.append(pieces[random.nextInt(random.nextInt(4) == 0 ? pieces.length : 22)]);
            }
            String s = sb.toString();
            boolean expected = Cues.ADVERBS_ONLY.matcher(s).matches();
            matches += expected ? 1 : 0;
            assertThat(Cues.adverbsOnly(s)).as(s).isEqualTo(expected);
        }
        assertThat(matches).isGreaterThan(1000);
    }

    @Test
    void willBeforeAnswersWhatItsPatternAnswers() {
        String[] pieces = {"将", "正式", "全面", "陆续", "首次", "率先", "在", "北京", "上海市", ",", "，", "。", "于", "发布", "百度",
            "明年", "\n", "\u2028", "x"};
        Random random = new Random(17);
        int matches = 0;
        for (int n = 0; n < 20000; n++) {
            StringBuilder sb = new StringBuilder("前文");
            for (int i = 0, count = random.nextInt(8); i < count; i++) {
                sb.append(pieces[random.nextInt(random.nextInt(5) == 0 ? pieces.length : 17)]);
            }
            String text = sb + "后文";
            int from = random.nextInt(3);
            int to = text.length() - 2 - random.nextInt(2);
            if (to < from) {
                continue;
            }
            boolean expected = Cues.WILL.matcher(text.substring(from, to)).find();
            matches += expected ? 1 : 0;
            assertThat(Cues.willBefore(text, from, to)).as("%s [%d, %d)", text, from, to).isEqualTo(expected);
        }
        assertThat(matches).isGreaterThan(500);
    }
}
