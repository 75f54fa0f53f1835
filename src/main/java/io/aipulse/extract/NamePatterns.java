package io.aipulse.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three name patterns of {@link OrgFinder} that run at every clause start or descriptor, written out by
 * hand with the very semantics of the regular expressions they replace (kept here as the reference and for
 * text with surrogate pairs, where the patterns count code points; the fourth, {@link #ACTING_NAME}, is written out
 * in {@link ActingNames}):
 * <ul>
 *   <li>{@link #HAN_NAME}: a company-like Chinese name opening a clause right before a verb (新壹科技发布...);</li>
 *   <li>{@link #FUNDED_NAME}: a short name opening the clause of a round (无问芯穹完成近5亿元A轮融资);</li>
 *   <li>{@link #DESCRIBED_HAN}: a name after 公司/独角兽 right before a verb (AI 搜索公司秘塔科技获得...).</li>
 * </ul>
 * Each method answers what {@code lookingAt()} (or {@code find()}) on the region {@code [p, to)} with
 * default (opaque) bounds answers: reluctant counts are tried shortest first, alternatives in order.
 */
final class NamePatterns {

    /**
     * the words a company's short name ends with (新壹科技, 黑芝麻智能, 优必选机器人); 智慧 is Taiwan's 智能 (耐能智慧),
     * which the script conversion keeps; 股份 ends many listed companies' short names (湘财股份, 天普股份, 福鞍股份). With
     * 控股 and 电子, before the confidence model, it made as many new wrong names as right; 控股 alone changes no score
     */
    static final java.util.List<String> HAN_COMPANY_ENDINGS = java.util.List.of("科技", "智能", "智慧", "网络", "数据", "信息",
            "软件", "机器人", "半导体", "传媒", "汽车", "医疗", "生物", "教育", "云", "股份");

    /**
     * what follows a company's name opening a clause: a time, an adverb, a preposition, or the verb of an event
     * ("纵目科技被法院裁定破产", "黑芝麻智能递表港交所", "快仓智能已经以保密形式申请")
     */
    private static final java.util.List<String> HAN_VERB_LIST = Finder.union(SetbackRule.WORDS, java.util.List.of(
            "因", "遭", "突然", "收购", "并购", "任命", "委任", "聘请", "聘任", "旗下",
            "正式", "近日", "日前", "今日", "宣布", "发布", "推出", "完成", "获得", "获", "上线", "开源", "与", "和", "在", "已", "也",
            "将", "于", "被", "向", "通过", "则", "递交", "递表", "提交", "最终", "近期", "再次", "再度", "首次", "成功", "携手", "牵手",
            "联合", "启动", "进入", "申请", "宣告", "遭遇", "陷入", "通知", "登陆", "挂牌", "今起", "昨日", "今天", "拟", "于今年",
            "科创板", "港股", "IPO", "赴港", "大幅", "大规模", ":",
            // a listed company's filing: "福鞍股份披露公告称", "鼎通科技公告称", "豫能控股披露筹划..."
            "披露", "公告"));
    /** the word a company's name may be followed by before its verb: "X科技公司宣布" */
    static final String COMPANY_WORD = "公司";
    static final Pattern HAN_NAME = Pattern.compile(
            "\\s?([\\p{IsHan}]{2,6}?(?:" + String.join("|", HAN_COMPANY_ENDINGS) + "))"
            // or a month's date: "群核科技2月14日向港交所递交招股书"; the name may say it is a company before its verb
            // ("苏珀曼智能科技公司宣告破产")
            + "(?=\\s?(?:" + COMPANY_WORD + ")?(?:" + String.join("|", HAN_VERB_LIST) + "|\\d{1,2}\\s?月))");
    /**
     * the optional words between a company's name and the verb of its round, group by group in their order
     * ("小雨智造亦于近日正式宣布成功完成...融资"): an adverb, 于, a time, 正式, 宣布, 成功
     */
    private static final List<List<String>> FUNDED_BETWEEN = List.of(
            List.of("亦", "也", "已", "还", "均", "刚刚", "刚", "再度", "再次", "又"), List.of("于"),
            List.of("近日", "日前", "今日", "近期", "本周"), List.of("正式"), List.of("宣布"), List.of("成功", "连续"));
    /** the verbs of a round ("...融资", "宣布一笔...D轮融资"), and those that also receive an investment ("获红杉中国数亿元投资") */
    private static final List<String> FUNDED_VERBS = List.of("完成", "拿下", "拿到", "斩获", "宣布");
    private static final List<String> INVESTED_VERBS = List.of("获得", "获");
    /** after 获, these make another word: 获悉 (learn), 获批 (approved), 获奖 ... */
    private static final String NOT_AFTER_HUO = "悉批奖评选颁准";
    /** the time words before a round's verb: the group of FUNDED_BETWEEN, or a month ("于今年3月", "7 月") */
    private static final String MONTH = "(?:在|于)?(?:今年|去年)?\\d{1,2}\\s?月(?:\\s?\\d{1,2}\\s?[日号])?(?:初|底|中旬|上旬|下旬|末|份)?";
    private static final int TIME_GROUP = 2;
    static final Pattern FUNDED_NAME = Pattern.compile("\\s?([\\p{IsHan}]{2,6}?)(?="
            + java.util.stream.IntStream.range(0, FUNDED_BETWEEN.size()).mapToObj(g -> g == TIME_GROUP
                    ? "(?:" + String.join("|", FUNDED_BETWEEN.get(g)) + "|" + MONTH + ")?"
                    : Finder.anyOf(FUNDED_BETWEEN.get(g)) + "?").collect(java.util.stream.Collectors.joining())
            + "(?:" + Finder.anyOf(FUNDED_VERBS) + "[^,，。;；]{0,30}?融资|(?:获得|获(?![" + NOT_AFTER_HUO + "]))"
            + "[^,，。;；]{0,30}?(?:融资|投资)))");
    static final Pattern DESCRIBED_HAN = Pattern.compile(
            "(?:公司|独角兽)([\\p{IsHan}]{2,8}?)(?=\\s?(?:宣布|完成|获得|获|发布|推出|近日|日前|今日|今天|昨日|正式))");

    /**
     * the verbs that make an unknown name opening a clause an actor without a company ending ("深度视界发布...",
     * "星海图完成...", "灵初智能(Psi Robot)宣布..."): an event's own verbs, which a plain noun rarely takes
     */
    static final List<String> ACTING_VERBS = Finder.union(List.of("发布", "推出", "上线", "完成", "递交", "递表", "签署", "携手", "官宣", "亮相",
            // verbs that are nouns as often ("要约收购", "裁员潮", "开源模型"): only announced
            "宣布(?:收购|并购|裁员|开源|与|停止|暂停|关闭|解散|破产)", "宣布[，,:：]", "(?:正式|同步|全面|首次)开源",
            "以[^，。；,;]{1,12}?(?:收购|并购|入股)", "被曝", "被传", "遭遇",
            // the steps of a listing: "在港交所挂牌上市", "登陆科创板", "通过港交所上市聆讯", "科创板IPO获受理"
            "登陆", "挂牌", "敲钟", "冲刺", "在[^，。；,;]{1,8}?(?:挂牌|上市|敲钟)", "通过[^，。；,;]{0,10}?聆讯",
            "(?:科创板|创业板|北交所|港股|美股)?IPO",
            // "星衡智能向港交所递交上市申请", "星衡智能更新招股书", "星衡智能的科创板IPO申请获受理": a filing and its steps
            "向[^，。；,;]{1,12}?(?:递交|递表|提交)", "提交上市", "提交了上市", "提交招股", "提交IPO", "更新招股", "更新了招股",
            "披露招股", "披露了招股", "刊发招股", "刊发了招股",
            // "星衡开源了新一代模型": with 了, 开源 is the verb, not the noun of "开源模型"
            "开源了",
            // "深度视界与华为签署...": a party named first, with the other and the signing after it
            "(?:与|和)[^，。；,;]{1,16}?(?:签署|签订|达成|共同|联合|合作|携手)"), filedApplications());

    /** "X的科创板IPO申请获受理", "X的上市申请": a company's application named by its 的, each board written out */
    private static List<String> filedApplications() {
        List<String> out = new java.util.ArrayList<>();
        for (String board : List.of("", "科创板", "创业板", "北交所", "港股", "美股", "A股", "H股")) {
            out.add("的" + board + "IPO");
            out.add("的" + board + "上市申请");
        }
        return out;
    }

    /** a word every alternative of {@link #ACTING_VERBS} holds: a sentence without one has no acting name to try */
    static final Words ACTING_ANCHORS = Words.of("发布", "推出", "上线", "完成", "递交", "递表", "提交", "招股", "上市申请", "签署", "携手", "官宣", "亮相", "宣布",
            "开源", "收购", "并购", "入股", "被曝", "被传", "遭遇", "登陆", "挂牌", "敲钟", "冲刺", "上市", "聆讯", "IPO", "签订", "达成",
            "共同", "联合", "合作");
    /** the adverbs and times that may stand between such a name and its verb */
    static final List<String> ACTING_ADVERBS = List.of("正式", "近日", "日前", "今日", "今天", "昨日", "昨天", "已经", "已",
            "也", "亦", "还", "再次", "首次", "同步", "刚刚", "近期", "成功", "于", "悄然", "宣布",
            // "纳芯微先后在港交所上市": each one's turn
            "先后", "相继", "陆续", "分别",
            // "达明则推出...", "X近日新推出...", "X又发布...": a contrast, a new one, another one
            "则", "新", "全新", "又", "再",
            // "仲量联行最新发布...", "X昨公布...": the latest one, and Hong Kong's and Taiwan's one-character yesterday
            "最新", "昨",
            // "X 5月6日晚间官宣...": the part of the day after its date; "勤业众信14日发布...": the day alone
            "晚间", "早间", "盘后", "盘前", "\\d{1,2}\\s?(?:月(?:\\d{1,2}\\s?[日号])?|[日号])",
            // "第三次递表": the how-many-th time
            "第一次", "第二次", "第三次", "第四次", "第五次", "第2次", "第3次", "第4次", "第5次");
    /** an aside after a name: its English name or its short form ("(Psi Robot)", "(以下简称“云岫”)") */
    private static final String ASIDE = "(?:\\s?(?:\\([^()]{1,30}\\)|（[^（）]{1,30}）))?";
    static final Pattern ACTING_NAME = Pattern.compile("\\s?([\\p{IsHan}]{2,6}?)(?=" + ASIDE
            // the name alone before a comma or colon, its news right after ("星河智联,2月27日完成...", "星河智联:完成...")
            + "(?:\\s?[，,:：])?"
            + "\\s?(?:" + String.join("|", ACTING_ADVERBS) + "){0,3}(?:" + String.join("|", ACTING_VERBS) + "))");

    private static final String[] HAN_SUFFIXES = HAN_COMPANY_ENDINGS.toArray(new String[0]);
    private static final String SUFFIX_FIRST = HAN_COMPANY_ENDINGS.stream().map(e -> e.substring(0, 1))
            .distinct().collect(java.util.stream.Collectors.joining());
    private static final String[] HAN_VERBS = HAN_VERB_LIST.toArray(new String[0]);
    private static final String[] DESCRIBED_VERBS = {"宣布", "完成", "获得", "获", "发布", "推出", "近日", "日前", "今日", "今天", "昨日", "正式"};

    /** {@code [from, to)} ends with one of the company endings of {@link #HAN_NAME} (科技, 智能, 机器人...). */
    static boolean hasCompanySuffix(String text, int from, int to) {
        for (String suffix : HAN_SUFFIXES) {
            if (to - suffix.length() > from && text.startsWith(suffix, to - suffix.length())) {
                return true;
            }
        }
        return false;
    }

    /** bit c set when the BMP character c is of the Han script ({@code \p{IsHan}}) */
    private static final long[] HAN = new long[1024];

    static {
        for (int c = 0; c < 65536; c++) {
            if (!Character.isSurrogate((char) c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                HAN[c >>> 6] |= 1L << c;
            }
        }
    }

    private NamePatterns() {
    }

    /** A match: the group {@code [start, end)} and the end of the whole match. */
    record Found(int start, int end, int matchEnd) {
    }

    static boolean isHan(char c) {
        return (HAN[c >>> 6] & (1L << c)) != 0;
    }

    /** the characters of the regex class {@code \s}, one string each */
    static final java.util.List<String> REGEX_SPACES = java.util.List.of(" ", "\t", "\n", "\u000B", "\f", "\r");

    /** {@code \s} of java.util.regex. */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean surrogateIn(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyAt(String text, int at, int to, String[] words) {
        for (String w : words) {
            if (at + w.length() <= to && text.startsWith(w, at)) {
                return true;
            }
        }
        return false;
    }

    private static Found viaRegex(Pattern p, String text, int at, int to) {
        Matcher m = p.matcher(text).region(at, to);
        return m.lookingAt() ? new Found(m.start(1), m.end(1), m.end()) : null;
    }

    /** One of the words that follow a company's name opening a clause starts at {@code at} (one space allowed). */
    static boolean verbAt(String text, int at, int to) {
        int v = at < to && isRegexSpace(text.charAt(at)) ? at + 1 : at;
        return anyAt(text, v, to, HAN_VERBS);
    }

    /**
     * {@link #verbAt}, or a comma and a month's date before the verb: "“首镜科技”,3月3日完成A轮融资", the name set off
     * on its own and its news dated after it.
     */
    static boolean datedVerbAt(String text, int at, int to) {
        if (verbAt(text, at, to)) {
            return true;
        }
        int c = at < to && isRegexSpace(text.charAt(at)) ? at + 1 : at;
        if (c >= to || text.charAt(c) != ',' && text.charAt(c) != '，') {
            return false;
        }
        int d = c + 1 < to && isRegexSpace(text.charAt(c + 1)) ? c + 2 : c + 1;
        if (!monthAt(text, d, to)) {
            return false;
        }
        int e = text.indexOf('月', d) + 1;
        while (e < to && e - d < 10 && (isAsciiDigit(text.charAt(e)) || isRegexSpace(text.charAt(e)) || text.charAt(e) == '日'
                || text.charAt(e) == '号')) {
            e++;
        }
        return e > 0 && verbAt(text, e, to);
    }

    /** One of {@link #HAN_VERB_LIST} or a month's date ("2月14日") starts at {@code at}: what follows a company's name. */
    private static boolean verbOrMonthAt(String text, int at, int to) {
        return anyAt(text, at, to, HAN_VERBS) || monthAt(text, at, to);
    }

    /** {@code \\d{1,2}\\s?月} starts at {@code at}: a month (and its day) right after a name. */
    private static boolean monthAt(String text, int at, int to) {
        int d = at;
        while (d < to && d - at < 2 && isAsciiDigit(text.charAt(d))) {
            d++;
        }
        if (d == at) {
            return false;
        }
        int m = d < to && isRegexSpace(text.charAt(d)) ? d + 1 : d;
        return m < to && text.charAt(m) == '月';
    }

    /** {@code HAN_NAME.matcher(text).region(p, to).lookingAt()}. */
    static Found hanName(String text, int p, int to) {
        if (p >= to) {
            return null;
        }
        if (surrogateIn(text, p, Math.min(to, p + 14))) {
            return viaRegex(HAN_NAME, text, p, to);
        }
        // \s? can only be taken: without it the first Han character would be the space
        int s = isRegexSpace(text.charAt(p)) ? p + 1 : p;
        for (int count = 1; count <= 6 && s + count <= to; count++) {
            if (!isHan(text.charAt(s + count - 1))) {
                break;
            }
            if (count < 2) {
                continue;
            }
            int at = s + count;
            if (at >= to || SUFFIX_FIRST.indexOf(text.charAt(at)) < 0) {
                continue;
            }
            for (String suffix : HAN_SUFFIXES) {
                if (at + suffix.length() <= to && text.startsWith(suffix, at)) {
                    int e = at + suffix.length();
                    int v = e < to && isRegexSpace(text.charAt(e)) ? e + 1 : e;
                    int w = text.startsWith(COMPANY_WORD, v) ? v + COMPANY_WORD.length() : -1;
                    if (verbOrMonthAt(text, v, to) || w >= 0 && w <= to && verbOrMonthAt(text, w, to)) {
                        return new Found(s, e, e);
                    }
                }
            }
        }
        return null;
    }

    /** {@code ACTING_NAME.matcher(text).region(p, to).lookingAt()}, tried only where a Han character opens the region. */
    static Found actingName(String text, int p, int to) {
        int s = p < to && isRegexSpace(text.charAt(p)) ? p + 1 : p;
        if (s + 2 > to || !isHan(text.charAt(s)) || !isHan(text.charAt(s + 1))) {
            return null;
        }
        int reach = Math.min(to, s + ACTING_REACH);
        if (!ACTING_ANCHORS.in(text, s + 2, reach)) {
            return null; // no verb within reach: the pattern cannot match, and most clauses end here cheaply
        }
        if (!ActingNames.AVAILABLE || surrogateIn(text, p, reach)) {
            return viaRegex(ACTING_NAME, text, p, reach);
        }
        return ActingNames.find(text, p, reach);
    }

    /** how far an acting name's lookahead reads: the name, an aside, three adverbs, a verb */
    private static final int ACTING_REACH = 6 + 34 + 2 + 3 * 8 + 22;

    /** {@code FUNDED_NAME.matcher(text).region(p, to).lookingAt()}. */
    static Found fundedName(String text, int p, int to) {
        int first = p < to && isRegexSpace(text.charAt(p)) ? p + 1 : p;
        if (first >= to || !isHan(text.charAt(first)) && !Character.isSurrogate(text.charAt(first))
                || !roundWordWithin(text, first, Math.min(to, p + FUNDED_REACH))) {
            return null; // a name opens with a Han character (a surrogate: the pattern decides), 融资 follows within reach
        }
        if (surrogateIn(text, p, Math.min(to, p + 48))) {
            return viaRegex(FUNDED_NAME, text, p, to);
        }
        int s = isRegexSpace(text.charAt(p)) ? p + 1 : p;
        for (int count = 1; count <= 6 && s + count <= to; count++) {
            if (!isHan(text.charAt(s + count - 1))) {
                break;
            }
            if (count >= 2 && roundAhead(text, s + count, to)) {
                return new Found(s, s + count, s + count);
            }
        }
        return null;
    }

    /**
     * how far from its start a match of {@link #FUNDED_NAME} can end: a space, six characters of name, the
     * optional words (the longest time "于今年12 月 31 日中旬" 14), a verb, 30 characters and 融资
     */
    private static final int FUNDED_REACH = 1 + 6 + 2 + 1 + 14 + 2 + 2 + 2 + 2 + 30 + 2;

    /**
     * 融资 or 投资 lies inside {@code [from, to)} with none of {@code ,，。;；} before it: every match of {@link #FUNDED_NAME}
     * holds one that way (name, words and verb hold no such punctuation), so most clauses are turned away by one
     * short scan instead of the lookahead tried for each length of name.
     */
    private static boolean roundWordWithin(String text, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            char c = text.charAt(i);
            if ((c == '融' || c == '投') && text.charAt(i + 1) == '资') {
                return true;
            }
            if (c == ',' || c == '，' || c == '。' || c == ';' || c == '；') {
                return false;
            }
        }
        return false;
    }

    /** {@code FUNDED_NAME}'s lookahead at {@code e}: the optional words, a verb, then 融资 within 30 characters. */
    private static boolean roundAhead(String text, int e, int to) {
        return roundAhead(text, e, to, 0);
    }

    /** The lookahead from group {@code g} on, trying each word of the group, then none, as the regex does. */
    private static boolean roundAhead(String text, int x, int to, int g) {
        if (g == FUNDED_BETWEEN.size()) {
            for (String v : FUNDED_VERBS) {
                if (x + v.length() <= to && text.startsWith(v, x) && roundWithin(text, x + v.length(), to, false)) {
                    return true;
                }
            }
            for (String v : INVESTED_VERBS) {
                int e = x + v.length();
                if (e <= to && text.startsWith(v, x) && (v.length() > 1 || e >= to || NOT_AFTER_HUO.indexOf(text.charAt(e)) < 0)
                        && roundWithin(text, e, to, true)) {
                    return true;
                }
            }
            return false;
        }
        for (String w : FUNDED_BETWEEN.get(g)) {
            if (x + w.length() <= to && text.startsWith(w, x) && roundAhead(text, x + w.length(), to, g + 1)) {
                return true;
            }
        }
        if (g == TIME_GROUP) {
            for (int e : monthEnds(text, x, to)) {
                if (e >= 0 && roundAhead(text, e, to, g + 1)) {
                    return true;
                }
            }
        }
        return roundAhead(text, x, to, g + 1);
    }

    /** The places where {@link #MONTH} can end when it starts at {@code x} ("于今年3月", "7 月 8 日"), -1 for none. */
    private static int[] monthEnds(String text, int x, int to) {
        if (!digitWithin(text, x, Math.min(to, x + MONTH_DIGIT_REACH))) {
            return NO_ENDS; // the usual case: no month here, and nothing to allocate
        }
        int[] out = new int[24];
        java.util.Arrays.fill(out, -1);
        int n = 0;
        for (String pre : new String[] {"在", "于", ""}) {
            if (!text.startsWith(pre, x) || x + pre.length() > to) {
                continue;
            }
            for (String year : new String[] {"今年", "去年", ""}) {
                int y = x + pre.length();
                if (!text.startsWith(year, y) || y + year.length() > to) {
                    continue;
                }
                int d = digits(text, y + year.length(), to);
                if (d < 0) {
                    continue;
                }
                for (int m : spaced(text, d, to)) {
                    if (m < 0 || m >= to || text.charAt(m) != '月') {
                        continue;
                    }
                    int afterMonth = m + 1;
                    n = addWithTails(text, afterMonth, to, out, n);
                    for (int ds : spaced(text, afterMonth, to)) {
                        int de = ds < 0 ? -1 : digits(text, ds, to);
                        if (de < 0) {
                            continue;
                        }
                        for (int u : spaced(text, de, to)) {
                            if (u >= 0 && u < to && (text.charAt(u) == '日' || text.charAt(u) == '号')) {
                                n = addWithTails(text, u + 1, to, out, n);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** a month's first digit comes at most this far after its start: after 在 or 于, and 今年 or 去年 */
    private static final int MONTH_DIGIT_REACH = 4;
    private static final int[] NO_ENDS = new int[0];

    private static boolean digitWithin(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isAsciiDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code e} and the ends of a month part (初, 底, 中旬 ...) after it. */
    private static int addWithTails(String text, int e, int to, int[] out, int n) {
        if (n < out.length) {
            out[n++] = e;
        }
        for (String t : new String[] {"初", "底", "中旬", "上旬", "下旬", "末", "份"}) {
            if (e + t.length() <= to && text.startsWith(t, e) && n < out.length) {
                out[n++] = e + t.length();
            }
        }
        return n;
    }

    /** The end of the ASCII digits {@code \\d{1,2}} at {@code at} (the longer: a shorter run is followed by a digit, which no
     * part of {@link #MONTH} accepts), or -1. */
    private static int digits(String text, int at, int to) {
        if (at >= to || !isAsciiDigit(text.charAt(at))) {
            return -1;
        }
        return at + 1 < to && isAsciiDigit(text.charAt(at + 1)) ? at + 2 : at + 1;
    }

    /** {@code at} and, when a regex space stands there, the place after it: where {@code \\s?} can end. */
    private static int[] spaced(String text, int at, int to) {
        return at < to && isRegexSpace(text.charAt(at)) ? new int[] {at, at + 1} : new int[] {at, -1};
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code [^,，。;；]{0,30}?融资} at {@code y} (or 投资 too when {@code invested}). */
    private static boolean roundWithin(String text, int y, int to, boolean invested) {
        for (int k = 0; k <= 30; k++) {
            int at = y + k;
            if (k > 0 && ",，。;；".indexOf(text.charAt(at - 1)) >= 0) {
                return false;
            }
            if (at + 2 > to) {
                return false;
            }
            if ((text.charAt(at) == '融' || invested && text.charAt(at) == '投') && text.charAt(at + 1) == '资') {
                return true;
            }
        }
        return false;
    }

    /**
     * The next {@code DESCRIBED_HAN} match of {@code [from, to)} at or after {@code pos} (what {@code find()}
     * returns): it starts with 公司 or 独角兽, so only those places are tried.
     */
    static Found describedHan(String text, int pos, int to) {
        for (int at = pos; at < to; at++) {
            char c = text.charAt(at);
            int word;
            if (c == '公' && at + 2 <= to && text.charAt(at + 1) == '司') {
                word = 2;
            } else if (c == '独' && at + 3 <= to && text.startsWith("独角兽", at)) {
                word = 3;
            } else {
                continue;
            }
            if (surrogateIn(text, at, Math.min(to, at + word + 8 + 3))) {
                Found f = viaRegex(DESCRIBED_HAN, text, at, to);
                if (f != null) {
                    return f;
                }
                continue;
            }
            int s = at + word;
            for (int count = 1; count <= 8 && s + count <= to; count++) {
                if (!isHan(text.charAt(s + count - 1))) {
                    break;
                }
                if (count < 2) {
                    continue;
                }
                int e = s + count;
                int v = e < to && isRegexSpace(text.charAt(e)) ? e + 1 : e;
                if (anyAt(text, v, to, DESCRIBED_VERBS)) {
                    return new Found(s, e, e);
                }
            }
        }
        return null;
    }
}
