package io.aipulse.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Generators of hostile and news-like text for the fuzz properties: random Unicode, and random mixes of
 * the pieces a Chinese AI-news article is made of (company names from the registry, trigger phrases,
 * amounts, dates, rounds, brackets, HTML, full-width forms, pinyin glosses, long runs of one character).
 */
final class NewsText {

    /** Organisation names: the registry's, and some it does not know. */
    static final List<String> ORGS;
    /** Coreferences, indefinite and legal names, government bodies: drawn as often as all registry names. */
    static final List<String> HAND_ORGS = List.of("力文所", "某AI公司", "一家初创公司", "该公司", "公司", "其", "这家公司",
            "杭州力文所生物科技有限公司", "一点知识(北京)科技有限公司", "深度求索", "OpenAI", "谷歌旗下DeepMind",
            "国务院", "工信部", "上海市人民政府", "红杉中国", "IDG资本", "真格基金", "中国信通院");
    /** City and district names of the gazetteer. */
    static final List<String> PLACES;

    static {
        List<String> orgs = new ArrayList<>(HAND_ORGS);
        // real registry names, from a fixed list: growing the registry leaves the generated texts alone
        for (String line : lines(Path.of("src/test/resources/fuzz/organisations.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                orgs.add(line.strip());
            }
        }
        ORGS = List.copyOf(new LinkedHashSet<>(orgs));
        PLACES = places();
    }

    static final List<String> VERBS = List.of("完成", "宣布完成", "获得", "获", "发布", "推出", "开源", "上线", "收购",
            "并购", "拟收购", "提交招股书", "递交招股书", "通过聆讯", "登陆", "上市", "挂牌", "撤回", "印发", "出台", "发布了",
            "与", "和", "签署战略合作协议", "达成合作", "合作", "投资", "建设", "成立", "裁员", "停工", "关停", "任命", "出任",
            "离职", "发表论文", "刷新纪录", "发布报告", "预计", "显示", "据", "报道", "消息", "领投", "跟投", "参投", "由",
            "旗下", "今年以来", "累计", "去年", "此前", "曾", "将", "计划");
    static final List<String> OBJECTS = List.of("融资", "A轮融资", "Pre-A轮融资", "B+轮融资", "天使轮融资", "战略融资",
            "新一轮融资", "数千万元A轮融资", "亿元级B轮融资", "大模型", "文心大模型4.0", "通义千问", "ChatGLM", "AI芯片",
            "智能体平台", "《生成式人工智能服务管理暂行办法》", "《关于加快人工智能产业发展的若干措施》", "行动计划", "白皮书",
            "报告", "研究成果", "自动驾驶", "人形机器人", "医疗大模型", "算力中心", "数据中心", "首席执行官", "CTO");
    static final List<String> AMOUNTS = List.of("数千万元", "超10亿美元", "约合", "约合人民币7.2亿元", "近5亿元", "数百万美元",
            "1亿美元", "10亿元人民币", "数亿元", "逾百亿", "3000万欧元", "2.5亿港元", "50亿日元", "1,000万美元", "一百万元",
            "数十亿", "百亿级", "千万级", "亿元", "万元", "0元", "9999999999999亿元", "-5亿元", "1e9美元", "约1亿", "合人民币");
    static final List<String> DATES = List.of("7月26日", "去年12月", "2023年7月", "2023-07-26", "2023年13月45日", "7月初",
            "本月", "上周", "今年", "次年", "2100年1月1日", "1970年1月1日", "0月0日", "2024年2月30日", "12月31日",
            "2023/9/9 23:12", "[2021/9/9 23:12:07]", "2023-08-01 18:42", "9月9日消息", "7 月 26 日报道");
    static final List<String> PUNCTUATION = List.of("，", "。", "、", "；", "：", "！", "？", ",", ".", ";", ":", "!", "?",
            "…", "——", "“", "”", "‘", "’", "\"", "'", " ", "\n", "\n\n", "\t", "|", "_", "-", "·");
    static final List<String> BRACKETS = List.of("(", ")", "（", "）", "《", "》", "「", "」", "【", "】", "[", "]", "{",
            "}", "<", ">", "〈", "〉", "(((", ")))", "《《", "》》");
    static final List<String> HTML = List.of("<p>", "</p>", "<br/>", "<div class=\"x\">", "</div>", "<a href=\"/x\">",
            "</a>", "<script>alert(1)</script>", "<!-- c -->", "<img src=\"/img/202386162600/1.jpg\">",
            "/img/2023/1.png\">", "&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;", "&#12290;", "&#x3002;", "&#65281;",
            "&#0;", "&#99999999;", "&#x;", "&bogus;", "&", "<", "<p", "</", "<\n>");
    static final List<String> FULL_WIDTH = List.of("ＡＩ", "１２３", "（", "）", "：", "，", "．", "％", "＄", "\u3000",
            "ＧＰＴ－４", "Ｏｐｅｎ　ＡＩ");
    static final List<String> PINYIN = List.of("字節(jié)跳動", "創(chuàng)新", "(jié)", "（jié）", "(ā)", "(zhōng)",
            "(abcdefghij)", "(", "(ǖ", "x(ǎ)");
    static final List<String> SPECIAL = List.of("\u200B", "\u200C", "\u200D", "\uFEFF", "\u00A0", "\r", "\r\n", "\u0000",
            "\u0001", "\u007F", "\u0085", "\u2028", "\u2029", "\uD83D\uDE00", "\uD83D", "\uDE00", "\uFFFD", "\uFFFF",
            "e\u0301", "\u202E", "相关阅读", "猜你喜欢", "版权所有", "责任编辑", "免责声明", "比特币", "以太坊", "区块链",
            "元宇宙", "据TechCrunch 7月26日报道，", "02、融资", "标题：", "链接：", "获悉，", "体育_娱乐_财经_科技_汽车_",
            "繁體中文", "臺灣", "廣州");
    static final List<String> CONNECTORS = List.of("的", "在", "于", "对", "将", "已", "正式", "今日", "近日", "日前",
            "北京时间", "本轮", "资金将用于", "由", "等", "共同", "联合", "旗下", "子公司", "母公司", "首次", "第二次");

    private NewsText() {
    }

    /** Any UTF-16 string: every plane, lone surrogates, controls, noncharacters, combining marks. */
    static String unicode(Random r, int maxLength) {
        int length = r.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            switch (r.nextInt(8)) {
                case 0 -> sb.append((char) r.nextInt(0x80)); // ASCII incl. controls
                case 1 -> sb.append((char) (0x4E00 + r.nextInt(0x9FFF - 0x4E00))); // CJK
                case 2 -> sb.appendCodePoint(r.nextInt(Character.MAX_CODE_POINT + 1)); // any code point
                case 3 -> sb.append((char) (0xD800 + r.nextInt(0x800))); // a lone surrogate
                case 4 -> sb.append((char) (0xFF00 + r.nextInt(0x100))); // full-width forms
                case 5 -> sb.append((char) (0x3000 + r.nextInt(0x100))); // CJK punctuation
                case 6 -> sb.append((char) (0x0300 + r.nextInt(0x70))); // combining marks
                default -> sb.append((char) r.nextInt(0x10000)); // any BMP char
            }
        }
        return sb.toString();
    }

    /** A random mix of news pieces, up to {@code maxPieces} of them. */
    static String news(Random r, int maxPieces) {
        int pieces = 1 + r.nextInt(maxPieces);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            sb.append(piece(r));
        }
        return sb.toString();
    }

    /**
     * Sentences shaped like the news, "ORG VERB AMOUNT OBJECT，由 ORG 领投。", with hostile pieces thrown in:
     * the likeliest to reach deep into the rules.
     */
    static String sentences(Random r, int maxSentences) {
        int n = 1 + r.nextInt(maxSentences);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (r.nextInt(4) == 0) {
                sb.append(pick(r, DATES)).append(pick(r, List.of("，", "", " ", "消息，")));
            }
            sb.append(org(r));
            if (r.nextInt(3) == 0) {
                sb.append(pick(r, CONNECTORS));
            }
            sb.append(pick(r, VERBS));
            if (r.nextInt(2) == 0) {
                sb.append(pick(r, AMOUNTS));
            }
            sb.append(pick(r, OBJECTS));
            if (r.nextInt(3) == 0) {
                sb.append(pick(r, List.of("，由", "，", "，投资方为", "，与", "、"))).append(org(r))
                        .append(pick(r, List.of("领投", "跟投", "参投", "等", "合作", "")));
            }
            if (r.nextInt(5) == 0) {
                sb.append(piece(r));
            }
            sb.append(pick(r, List.of("。", "。", "，", "；", "\n", "！", "")));
        }
        return sb.toString();
    }

    private static String piece(Random r) {
        return switch (r.nextInt(14)) {
            case 0, 1 -> org(r);
            case 2, 3 -> pick(r, VERBS);
            case 4 -> pick(r, OBJECTS);
            case 5 -> pick(r, AMOUNTS);
            case 6 -> pick(r, DATES);
            case 7 -> pick(r, PUNCTUATION);
            case 8 -> pick(r, BRACKETS);
            case 9 -> pick(r, HTML);
            case 10 -> pick(r, FULL_WIDTH);
            case 11 -> pick(r, PINYIN);
            case 12 -> r.nextInt(4) == 0 ? run(r) : pick(r, SPECIAL);
            default -> r.nextInt(3) == 0 ? String.valueOf(r.nextInt(1_000_000)) : pick(r, PLACES) + pick(r, CONNECTORS);
        };
    }

    /** A long run of one character or piece: "((((", "融资融资", "1111", "。。。。". */
    static String run(Random r) {
        String unit = pick(r, List.of("(", "（", "《", "“", "据", "融资", "1", "0", "。", "，", "、", "<", "&", "亿", "元",
                "月", "日", "年", "北京", "\n", " ", "a", "ā", "発", "體", pick(r, ORGS), pick(r, VERBS)));
        return unit.repeat(50 + r.nextInt(3_000));
    }

    /** An organisation: half the time a hand-picked name (coreference, legal name, body), else the registry's. */
    static String org(Random r) {
        return r.nextBoolean() ? pick(r, HAND_ORGS) : pick(r, ORGS);
    }

    static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    /** A generator that draws one of the given generators per input. */
    @SafeVarargs
    static Function<Random, String> oneOf(Function<Random, String>... generators) {
        return r -> generators[r.nextInt(generators.length)].apply(r);
    }

    /** Every city and district name of {@code config/cities.csv}, in file order, without duplicates. */
    static List<String> places() {
        Set<String> names = new LinkedHashSet<>();
        for (String line : lines(Path.of("config/cities.csv"))) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("slug,")) {
                continue;
            }
            String[] f = line.split(",", -1);
            for (int i = 2; i < f.length && i <= 3; i++) {
                for (String name : f[i].split("\\|")) {
                    if (!name.isBlank() && name.codePoints().anyMatch(Character::isIdeographic)) {
                        names.add(name.strip());
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
