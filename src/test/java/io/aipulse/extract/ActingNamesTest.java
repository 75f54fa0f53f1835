package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The hand-written acting name answers exactly what {@link NamePatterns#ACTING_NAME} answers. */
class ActingNamesTest {

    /** names, asides, punctuation, adverbs, months, every verb and its parts, gap characters */
    private static final String[] PIECES = {
        "深度", "视界", "星海图", "灵初智能", "公司", "的", "(Psi Robot)", "(", ")", "（以下简称“云岫”）", "（", "）", "()", " ", "\t",
        "\n", ",", "，", ":", "：", "。", ";", "；", "正式", "近日", "日前", "今日", "今天", "昨日", "昨天", "已经", "已", "也", "亦",
        "还", "再次", "首次", "同步", "刚刚", "近期", "成功", "于", "悄然", "宣布", "1", "12", "3 ", "05", "9", "47", "6 8", "月", "日",
        "号", "发布", "推出",
        "上线", "完成", "递交", "递表", "签署", "携手", "官宣", "亮相", "收购", "并购", "裁员", "开源", "与", "和", "停止", "暂停",
        "关闭", "解散", "破产", "全面", "以", "入股", "亿元", "被曝", "被传", "遭遇", "登陆", "挂牌", "敲钟", "冲刺", "在", "港交所",
        "上市", "通过", "聆讯", "科创板", "创业板", "北交所", "港股", "美股", "IPO", "签订", "达成", "共同", "联合", "合作", "AI", "x"};

    private static List<String> texts() {
        Random random = new Random(17);
        List<String> out = new ArrayList<>(List.of("深度视界发布了", "星海图(Galaxea)完成融资", "初创企业深度视界推出",
                "星河智联,2月27日完成", "星河智联:完成", "深度视界与华为签署协议", "深度视界以12亿元收购", "科大讯飞在港交所挂牌上市",
                "云岫通过港交所上市聆讯", "云岫科创板IPO获受理", "云岫正式宣布开源", "云岫 3 月 8 日正式发布"));
        // every length around the bounds of the gaps and the aside
        for (int k = 0; k <= 34; k++) {
            String gap = "亿元x".repeat(12).substring(0, k);
            for (String verb : new String[] {"以%s收购", "在%s挂牌", "通过%s聆讯", "与%s签署", "和%s合作", "(%s)发布", "（%s）发布",
                "(%s) 已发布", "以%s，收购"}) {
                out.add("深度视界" + verb.formatted(gap));
                out.add("深度视界" + verb.formatted(gap) + "了");
            }
        }
        for (int d = 0; d <= 9; d++) { // months and days of every digit
            out.add("深度视界" + d + "月发布");
            out.add("深度视界" + d + d + "日发布");
            out.add("深度视界" + d + " 月" + d + d + "日正式发布");
            out.add("深度视界 " + d + d + "月" + d + " 号已推出");
        }
        for (int n = 0; n < 6000; n++) {
            StringBuilder sb = new StringBuilder();
            if (random.nextBoolean()) {
                sb.append(random.nextBoolean() ? " " : "").append(PIECES[random.nextInt(4)]);
            }
            for (int i = 0, pieces = 1 + random.nextInt(10); i < pieces; i++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void theHandWrittenMatcherIsInUse() {
        assertThat(ActingNames.AVAILABLE).as("ACTING_NAME changed shape: write the change into ActingNames").isTrue();
    }

    @Test
    void answersWhatThePatternAnswersAtEveryPlace() {
        int matches = 0;
        for (String text : texts()) {
            for (int reach = 0; reach <= text.length(); reach += Math.max(1, text.length() / 4)) {
                for (int p = 0; p <= reach; p++) {
                    Matcher m = NamePatterns.ACTING_NAME.matcher(text).region(p, reach);
                    String expected = m.lookingAt() ? m.start(1) + "-" + m.end(1) + "/" + m.end() : null;
                    NamePatterns.Found f = ActingNames.find(text, p, reach);
                    assertThat(f == null ? null : f.start() + "-" + f.end() + "/" + f.matchEnd())
                            .as("%s [%d,%d)", text, p, reach).isEqualTo(expected);
                    matches += expected == null ? 0 : 1;
                }
            }
        }
        assertThat(matches).isGreaterThan(1000); // the texts do exercise the pattern
    }
}
