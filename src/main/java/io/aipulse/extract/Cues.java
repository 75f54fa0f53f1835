package io.aipulse.extract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The words around a trigger that several rules read the same way: what makes a clause future, background,
 * opinion or reported speech, what points back to an earlier subject, and what stands right after a name
 * that is not the actor. Each list is written once; the patterns kept as references are built from them.
 */
final class Cues {

    /** the words of a plan, a happening of its own when a party announces it ("计划与Y签署...") */
    static final List<String> PLAN_WORDS = List.of("将于", "即将", "计划", "准备", "打算");
    /** the words of what has not happened and is not planned either: a hope, a forecast, a denial, a delay */
    private static final List<String> UNREALISED_WORDS = List.of("有望", "或将", "预计", "何时", "尚未", "还没", "没有", "不会",
            "希望", "推迟",
            // a purpose, not a happening: "有助两家公司后续深化合作"
            "有助");
    /** the clause before a trigger speaks of the future or of what has not happened */
    private static final List<String> FUTURE_WORDS = Finder.union(PLAN_WORDS, UNREALISED_WORDS);
    /** 拟 (intends to), read apart: it is also half of other words */
    private static final String NI = "拟";
    static final Words FUTURE = Words.of(Finder.union(FUTURE_WORDS, List.of(NI)).toArray(new String[0]));
    private static final Words FUTURE_BUT_NI = Words.of(FUTURE_WORDS.toArray(new String[0]));
    /** 拟 (intends to) is also the second or first half of a word: 模拟 (analog), 虚拟 (virtual), 拟人 (humanlike) ... */
    private static final String NI_BEFORE = "模虚草比";
    private static final String NI_AFTER = "人合态真";

    private static final Words UNREALISED = Words.of(UNREALISED_WORDS.toArray(new String[0]));

    /**
     * The clause {@code [from, to)} speaks of what has not happened and is not planned either: a hope, a forecast, a
     * denial ({@link #FUTURE} without the plans and 拟).
     */
    static boolean unrealised(String text, int from, int to) {
        return UNREALISED.inOutsideTitles(text, from, to);
    }

    /** The clause {@code [from, to)} speaks of the future ({@link #FUTURE} outside titles, 拟 only as the verb). */
    static boolean future(String text, int from, int to) {
        if (!FUTURE.inOutsideTitles(text, from, to)) {
            return false;
        }
        if (FUTURE_BUT_NI.inOutsideTitles(text, from, to)) {
            return true;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == NI.charAt(0) && (i == 0 || NI_BEFORE.indexOf(text.charAt(i - 1)) < 0)
                    && (i + 1 >= text.length() || NI_AFTER.indexOf(text.charAt(i + 1)) < 0)) {
                return true;
            }
        }
        return false;
    }
    /** the clause reports an opinion */
    static final Words OPINION = Words.of("认为", "表示", "指出", "透露", "觉得", "坦言", "直言", "强调", "称,", "称，", "看来");
    /**
     * the times of history that, set off by a comma, frame the clause after them too: "早在2021年9月,...", "此前,..."
     * ({@code ArticleContext.historyFrame}); not 过去 or 这些年, whose span reaches the present ("过去一周,...")
     */
    static final List<String> HISTORY_FRAMES = List.of("此前", "曾经", "一度", "早在", "当年", "历史上", "多年前", "以往");
    /** the clause tells background history */
    static final List<String> HISTORY = Finder.union(HISTORY_FRAMES, List.of("这些年", "过去"),
            // an example given for a point the article makes: "例如 Intel 推出 Core Ultra 处理器..." (an example set off by
            // a comma, "比如,2023年5月印发的《...》", may be news)
            List.of("例如", "比如", "譬如"));
    /**
     * 先后 (one after another): of one subject it tells a history ("先后完成三轮融资"), but of a list of objects each
     * one's turn ("先后领投了月之暗面和MiniMax新一轮融资"), which a rule reading a list asks with {@link #backgroundOfEach}
     */
    private static final String SUCCESSIVELY = "先后";
    static final Words BACKGROUND = Words.of(Finder.union(HISTORY, List.of(SUCCESSIVELY)).toArray(new String[0]));
    private static final Words BACKGROUND_OF_EACH = Words.of(HISTORY.toArray(new String[0]));
    /** 曾 (once): background, unless it is the surname of a person named right after a title ("总裁曾锵声") */
    private static final char ONCE = '曾';

    /** a list closed by a count of companies: "等多家", "等数十家", "等五家" */
    private static final String TALLY = "等(?:多|数|几|[二三四五六七八九十两\\d])+家";
    /** "X、Y和Z等多家企业也已递表": a tally of companies in a state, which sums up a market, not one company's news */
    private static final Pattern TALLY_IN_STATE = Pattern.compile(TALLY + "[^，。；,;]{0,8}?已");
    /** "谷歌、微软、亚马逊等数十家美国科技公司宣布裁员": a list closed by a count of companies, a trend of the trade */
    private static final Pattern TALLY_OF_COMPANIES = Pattern.compile(TALLY);

    static boolean tallyInState(String text, int from, int to) {
        return TALLY_IN_STATE.matcher(text).region(from, to).find();
    }

    /** {@code [from, to)} closes a list with a count of companies ("等数十家", "等五家"). */
    static boolean tallyOfCompanies(String text, int from, int to) {
        return TALLY_OF_COMPANIES.matcher(text).region(from, to).find();
    }

    /** {@code [from, to)} tells background history: one of {@link #BACKGROUND} outside titles, or the adverb 曾. */
    static boolean background(String text, int from, int to) {
        return background(text, from, to, BACKGROUND);
    }

    /** {@link #background} of a clause whose verb acts on each item of a list: 先后 is no history there. */
    static boolean backgroundOfEach(String text, int from, int to) {
        return background(text, from, to, BACKGROUND_OF_EACH);
    }

    private static boolean background(String text, int from, int to, Words history) {
        if (history.inOutsideTitles(text, from, to)) {
            return true;
        }
        for (int i = from; i < to; i++) { // not indexOf: it would read past the clause, to the end of the text
            if (text.charAt(i) == ONCE && !afterPersonTitle(text, from, i)) {
                return true;
            }
        }
        return false;
    }

    /** one of {@link #PERSON_WORDS} ends at {@code at}: the name that follows is a person's */
    static boolean afterPersonTitle(String text, int from, int at) {
        for (String w : PERSON_WORDS) {
            // a title of two characters or more: 原 and 前 are also "before" ("日前曾...")
            if (w.length() >= 2 && at - w.length() >= from && text.startsWith(w, at - w.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rest of a clause after its verb ends it as the time of something else: "当 OpenAI 发布 GPT-5 时", "在2021年X完成
     * C7轮融资时", "...之际", "...的时候" (the 时 of 同时 is no such end).
     */
    static boolean timeOfAnother(String restOfClause) {
        String r = restOfClause.strip();
        return r.endsWith("时") && !r.endsWith("同时") || r.endsWith("之际") || r.endsWith("的时候");
    }

    /** the clause points back to a subject named earlier */
    static final Words COREFERENCE = Words.of("该公司", "这家公司", "该企业", "这家企业", "该平台", "该机构", "这家", "该团队", "该集团",
            "本集团",
            "相关研究", "该研究", "研究团队", "这样的", "该初创公司", "其", "董事会");
    /** the clause speaks of an unnamed organisation ("一家初创公司") */
    static final Words INDEFINITE = Words.of("某", "一家", "多家", "另一家", "几家");

    /** the words that open a manner ("通过现金加股票的方式", "以协议转让的形式"), and those that close it */
    private static final List<String> MANNER_OPENERS = List.of("通过", "透过", "采用", "以");
    private static final List<String> MANNER_CLOSERS = List.of("方式", "形式");
    /** the most characters between a manner's opener and its closer */
    private static final int MANNER_GAP = 11;
    /** a manner, an adverbial like a time word: the subject of its clause stands before it */
    static final String MANNER = Finder.anyOf(MANNER_OPENERS) + "[^，,。；;]{0," + MANNER_GAP + "}"
            + Finder.anyOf(MANNER_CLOSERS);

    /** adverbs, time words, spaces and digits: a clause made only of them has no subject of its own */
    static final List<String> ADVERB_WORDS = List.of(
            "正式", "近日", "日前", "宣布", "已经", "已", "也", "还", "随后", "同时", "此外", "目前", "今日", "今天", "近期", "再次",
            "又", "并且", "并", "而是", "而", "还将", "则", "更是", "悄然", "“", "”", "在", "于", "今年", "去年", "前年", "同年", "年", "月",
            "日", "号", "初", "底", "末", "中旬", "上旬", "下旬", "以来", "累计", "此次", "本次", "共", "便", "就", "才", "亦",
            "随即", "成功", "顺利", "刚刚", "刚", "突然", "一口气", "同步", "包括", "面向公众", "面向全球", "面向全社会",
            // "自11月24日起全员停工": a span of time, and the whole staff, are no subject
            "自", "起", "全员", "再度",
            // "宣布,未来三年将投入…": a span ahead and the future are no subject either
            "未来", "将", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "个", "内",
            // "宣布,计划投资400亿美元", "宣布未来几年要...投资": a plan and its span
            "计划", "拟", "要", "几",
            // "X,昨日正式发布了...", "X,当地时间周一宣布...": the day and hour of the news are no subject either
            "昨日", "昨天", "当天", "当日", "本周", "上周", "周", "星期", "当地时间", "北京时间", "晚间", "早间", "凌晨", "上午",
            "下午", "晚", "稍早",
            // "深圳一天出台四部行动计划", "同日宣布": a single day, the same day
            "一天", "同一天", "同日",
            // "重申将投资...", "有意增加...", "预计初期投资...", "将于2025年以前投资...", "拟对外投资...": a statement
            // repeated, an intent, the first phase, a deadline and outward investment are no subject either
            "重申", "有意", "预计", "初期", "首期", "以前", "之前", "对外");
    /** the reference of {@link #adverbsOnly}, built from {@link #ADVERB_WORDS} */
    static final Pattern ADVERBS_ONLY = Pattern.compile("^(?:\\s|" + String.join("|", ADVERB_WORDS) + "|\\d|" + MANNER
            + ")*$");

    /** adverbs between 将 and its verb ("将正式发布") */
    static final List<String> WILL_ADVERBS = List.of("正式", "全面", "陆续", "首次", "率先");
    /** "华为将推出...": a bare 将 right before the verb is the future; the reference of {@link #willBefore} */
    static final Pattern WILL = Pattern.compile("将(?:" + String.join("|", WILL_ADVERBS) + "|在[^,，。]{0,8}?)?$");

    /** a person's title right after a name: the name is the person's employer, not an actor */
    static final List<String> PERSON_WORDS = List.of(
            "原", "前", "现任", "联合创始人", "创始人", "CEO", "CTO", "COO", "CFO", "CMO", "董事长", "总裁", "首席", "副总裁", "总经理",
            "合伙人", "院长", "分析师", "员工", "研究员", "专家", "教授", "科学家", "董事", "高管");
    /** an investor's role right after a name */
    static final List<String> INVESTOR_WORDS = List.of(
            "领投", "跟投", "参投", "等投资", "投资方", "联合领投", "追加投资", "的投资", "投资的", "等机构");
    /** a word right before a name that makes it the object or the agent of someone else's act */
    static final List<String> AGENT_WORDS = List.of(
            "被", "遭", "向", "获", "获得", "来自", "受", "经", "给", "对", "收购", "入职", "加入", "加盟", "领投方", "投资方为", "援引",
            "在");

    /** the descriptors of a company that an affiliation ("清华系", "阿里系") can stand before */
    static final Words AFFILIATED_DESCRIPTORS = Words.of("公司", "企业", "团队", "初创", "独角兽", "平台", "厂商", "创业者",
            "创业项目", "开发商", "制造商", "供应商", "服务商", "提供商", "研发商");

    /** words right before an amount that make it a valuation, a total or a revenue, not the deal's amount */
    static final Words VALUATION = Words.of("估值", "总额", "累计", "营收", "注册资本", "市值", "收入");

    private Cues() {
    }

    /** The amount at {@code at} is a valuation or a total: one of {@link #VALUATION} in the 8 characters before it. */
    static boolean valuationAt(String text, int at, int from) {
        return VALUATION.in(text, Math.min(at, Math.max(from, at - 8)), at);
    }

    /**
     * {@code ADVERBS_ONLY.matcher(s).matches()}: {@code s} is a sequence of adverbs, time words, spaces and digits.
     * The pattern matches when some way of cutting {@code s} into its alternatives exists, which the positions
     * reachable from the start tell.
     */
    static boolean adverbsOnly(String s) {
        int n = s.length();
        boolean[] reach = new boolean[n + 1];
        reach[0] = true;
        for (int i = 0; i < n; i++) {
            if (!reach[i]) {
                continue;
            }
            char c = s.charAt(i);
            if (NamePatterns.isRegexSpace(c) || c >= '0' && c <= '9') {
                reach[i + 1] = true;
            }
            for (String w : ADVERB_WORDS) {
                if (w.charAt(0) == c && s.startsWith(w, i)) {
                    reach[i + w.length()] = true;
                }
            }
            markManners(s, i, reach);
        }
        return reach[n];
    }

    /** Marks in {@code reach} every end of a {@link #MANNER} that opens at {@code i}. */
    private static void markManners(String s, int i, boolean[] reach) {
        for (String open : MANNER_OPENERS) {
            if (!s.startsWith(open, i)) {
                continue;
            }
            int from = i + open.length();
            for (int j = from; j < s.length() && j <= from + MANNER_GAP; j++) {
                for (String close : MANNER_CLOSERS) {
                    if (s.startsWith(close, j)) {
                        reach[j + close.length()] = true;
                    }
                }
                char c = s.charAt(j);
                if (c == '，' || c == ',' || c == '。' || c == '；' || c == ';') {
                    break;
                }
            }
        }
    }

    /**
     * {@code WILL.matcher(text.substring(from, to)).find()}: the span ends with 将, 将 and an adverb, or 将在 and
     * up to eight characters without a comma or full stop. Spans holding a line terminator (where {@code $}
     * also matches before a final one) go to the pattern.
     */
    static boolean willBefore(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return WILL.matcher(text.substring(from, to)).find();
            }
        }
        for (int k = Math.max(from, to - 11); k < to; k++) {
            if (text.charAt(k) != '将') {
                continue;
            }
            int rest = to - (k + 1);
            if (rest == 0) {
                return true;
            }
            if (rest == 2) {
                for (String w : WILL_ADVERBS) {
                    if (text.startsWith(w, k + 1)) {
                        return true;
                    }
                }
            }
            if (text.charAt(k + 1) == '在' && rest - 1 <= 8) {
                boolean clean = true;
                for (int i = k + 2; i < to; i++) {
                    char c = text.charAt(i);
                    if (c == ',' || c == '，' || c == '。') {
                        clean = false;
                        break;
                    }
                }
                if (clean) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code ^\\s?(?:w1|w2|...)} found in {@code text[at, limit)}: one of the words there, or after one space. */
    /** the organs of an organisation whose first words are a person's title: "董事会" is the board, not a director */
    private static final List<String> ORGANS = List.of("董事会");

    /** A person's title ({@link #PERSON_WORDS}) opens {@code [at, limit)}: the name before is the person's employer. */
    static boolean opensWithPersonTitle(String text, int at, int limit) {
        return opensWith(text, at, limit, PERSON_WORDS) && !opensWith(text, at, limit, ORGANS);
    }

    static boolean opensWith(String text, int at, int limit, List<String> words) {
        int v = at < limit && NamePatterns.isRegexSpace(text.charAt(at)) ? at + 1 : at;
        for (String w : words) {
            if (v + w.length() <= limit && text.startsWith(w, v)) {
                return true;
            }
        }
        return false;
    }

    /** The end of {@code [from, to)} moved back over any of {@code words} it ends with, one after another. */
    static int withoutTrailing(String text, int from, int to, List<String> words) {
        boolean moved = true;
        while (moved && to > from) {
            moved = false;
            for (String w : words) {
                if (to - w.length() >= from && text.startsWith(w, to - w.length())) {
                    to -= w.length();
                    moved = true;
                    break;
                }
            }
        }
        return to;
    }
}
