package io.aipulse.extract;

import io.aipulse.article.Article;
import io.aipulse.article.TimeSource;
import io.aipulse.article.clean.CleanText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extraction of one article: sentences with a trigger word go through the pattern rules of each
 * event type; the candidates then get their dates, amounts and places and are merged so that one
 * happening is one event. Not thread-safe; one instance per article.
 */
final class ArticleExtraction {

    // ------------------------------------------------------------------ rule patterns

    private static final Pattern FUNDING = Pattern.compile(
            "(?:完成|获得|获|拿到|斩获|迎来|收获|筹得)了?([^，。；;,]{0,40}?)"
            + "(融资|投资|注资)(?!人|者|机构|方|界|圈|价值|回报|额度|总额|规模|的青睐|热情|逻辑|布局|企业|公司|项目)");
    private static final Pattern FUNDING_RAISE = Pattern.compile("(?:筹集|筹得|募得|融得)了?\\s?(?=[\\d数上近超约逾一二两三四五六七八九十几])");
    private static final Pattern FUNDING_HEADLINE = Pattern.compile("\\s?(?:宣布|完成|获)?(?:新一轮|新一笔)?融资\\s?(?=[\\d数近超约逾])");
    private static final Pattern INVESTMENT = Pattern.compile(
            "(?<![获得成自领跟参的])(?:投资|投入|出资|追加投资)\\s?(?=(?:约|超过|超|近|逾|高达)?\\s?[\\d数上两一二三四五六七八九十几])");
    private static final Pattern FUND_SETUP = Pattern.compile(
            "(?:设立|成立|发起|募集|募资|完成募集)[^，。；,;]{0,12}?(?:基金|产业基金)|基金[^，。；,;]{0,6}?(?:完成募集|募资|募集)"
            + "|(?:投建|建设|新建|扩建)[^，。；,;]{0,20}?(?:算力中心|数据中心|智算中心|超算中心|工厂|基地|园区)");
    private static final Pattern ACQUISITION = Pattern.compile(
            "(?:全资收购|收购|并购|买下|吞并)(?!案|价|方|潮|传闻|失败|计划|对象|标的)");
    private static final Pattern ACQ_PASSIVE = Pattern.compile("被([^，。；,;被]{1,20}?)(?:全资)?(?:收购|并购)");
    private static final Pattern POLICY_TITLE = Pattern.compile(
            "(?:印发|出台|颁布|发布|公布|推出|制定|下发|发出)(?:了|的)?[^，。；,;]{0,12}?《([^》]{2,80})》");
    private static final Pattern POLICY_PLAIN = Pattern.compile(
            "(?:印发|出台|颁布|发布)(?:了|的)?(?:一份|一系列|多项|新)?[^，。；,;《]{0,20}?"
            + "(实施意见|实施方案|行动方案|行动计划|若干措施|产业政策|政策|意见|方案|办法|措施|规划|通知|条例|新规|规定|禁令|管制措施|行政命令|法案|法规)");
    private static final Pattern PARTNERSHIP = Pattern.compile(
            "(战略合作|合作协议|合作框架|合作备忘录|达成合作|深化合作|展开合作|开展合作|建立合作|战略伙伴|合作伙伴关系"
            + "|签署[^，。；,;]{0,12}?(?:协议|备忘录|承诺|合作)|签订[^，。；,;]{0,12}?(?:协议|备忘录|合同)|携手|联手|共建"
            + "|联合实验室|达成[^，。；,;]{0,6}?合作)(?!的|伙伴们)");
    private static final Pattern PERSONNEL_JOIN = Pattern.compile(
            "(?:即将|正式|已|宣布)?(加入|加盟|入职|出任|担任|就任|履新|接任|回归)(?!过|了解)");
    private static final Pattern APPOINT = Pattern.compile(
            "任命\\s?([\\p{IsHan}A-Za-z·. ]{2,20}?)\\s?(?:为|担任|出任)(?:公司|集团)?\\s?"
            + "(CEO|CTO|COO|CFO|CMO|总裁|副总裁|首席[\\p{IsHan}]{1,5}官|董事长|总经理|首席科学家|负责人|院长|主任|总监)");
    private static final Pattern PERSONNEL_LEAVE = Pattern.compile("(离职|离任|辞任|辞职|卸任|退休)(?!潮)");
    private static final Pattern ROLE = Pattern.compile(
            "(CEO|CTO|COO|CFO|CMO|CSO|CPO|总裁|副总裁|首席[\\p{IsHan}]{1,5}官|董事长|总经理|联合创始人|首席科学家|负责人|高管"
            + "|合伙人|院长|主任|总监|VP|President)");
    private static final Pattern RESEARCH = Pattern.compile(
            "(?:发表|发布|公布|提交)了?[^，。；,;]{0,12}?(?:论文|研究成果|研究结果|实验结果|模拟结果|最新成果)"
            + "|实现了?[^，。；,;]{0,16}?(?:突破|准确预报|新纪录)"
            + "|刷新[^，。；,;]{0,12}?纪录|登上[^，。；,;]{0,6}?《?(?:Nature|Science|自然|科学|Cell)"
            + "|(?:精度|准确率|准确度)[^，。；,;]{0,10}?(?:提高|提升)了|提交在[^，。；,;]{0,10}?(?:预印本|arXiv|ArXiv)");
    private static final Pattern REPORT_BY = Pattern.compile(
            "(?:根据|据)\\s?([^，。；,;]{2,30}?)(?:的)?(?:最新)?(?:统计数据|统计|数据显示|数据|报告|研报|调查|调研|测算)(?!中)");
    private static final Pattern REPORT_VERB = Pattern.compile(
            "(预计|预测|估计|数据显示|统计显示|报告显示|调查显示|研报称|报告称|报告指出|调研结果证实|调研结果显示|调查结果显示"
            + "|公布预测称|发布研报称|发布研究报告指出|统计数据显示)");
    private static final Pattern REPORT_HEADLINE = Pattern.compile(
            "^\\s?[:：]\\s?[^。]{0,60}?(预计|预测|有望|将达|将超过|将带来|市场规模|营收)");
    private static final Pattern SETBACK = Pattern.compile(
            "(停工停产|停工|停产|裁员|倒闭|关停|破产|暂停运营|暂停服务|解散|清算|爆雷|退市|下架|被罚|罚款|终止合作|收购失败|融资失败"
            + "|停止运营|停止服务|停服)");

    // the patterns above as Finders: tried only where one of their first words is (FinderTest checks the lists)
    static final Finder FUNDING_HEADLINE_F = new Finder(FUNDING_HEADLINE, " ", "\t", "\n", "\u000B", "\f", "\r", "宣布", "完成", "获",
            "新一轮", "新一笔", "融资");
    static final Finder FUND_SETUP_F = new Finder(FUND_SETUP, "设立", "成立", "发起", "募集", "募资", "完成募集", "基金", "投建",
            "建设", "新建", "扩建");
    static final Finder ACQ_PASSIVE_F = new Finder(ACQ_PASSIVE, "被");
    static final Finder ACQUISITION_F = new Finder(ACQUISITION, "全资收购", "收购", "并购", "买下", "吞并");
    static final Finder POLICY_TITLE_F = new Finder(POLICY_TITLE, "印发", "出台", "颁布", "发布", "公布", "推出", "制定",
            "下发", "发出");
    static final Finder POLICY_PLAIN_F = new Finder(POLICY_PLAIN, "印发", "出台", "颁布", "发布");
    static final Finder PERSONNEL_JOIN_F = new Finder(PERSONNEL_JOIN, "即将", "正式", "已", "宣布", "加入", "加盟", "入职",
            "出任", "担任", "就任", "履新", "接任", "回归");
    static final Finder APPOINT_F = new Finder(APPOINT, "任命");
    static final Finder PERSONNEL_LEAVE_F = new Finder(PERSONNEL_LEAVE, "离职", "离任", "辞任", "辞职", "卸任", "退休");
    static final Finder ROLE_F = new Finder(ROLE, "CEO", "CTO", "COO", "CFO", "CMO", "CSO", "CPO", "总裁", "副总裁", "首席",
            "董事长", "总经理", "联合创始人", "负责人", "高管", "合伙人", "院长", "主任", "总监", "VP", "President");
    static final Finder RESEARCH_F = new Finder(RESEARCH, "发表", "发布", "公布", "提交", "实现", "刷新", "登上", "精度", "准确率",
            "准确度");

    private static final Words FUTURE = Words.of("将于", "即将", "计划", "准备", "拟", "有望", "或将", "预计", "何时", "尚未", "还没", "没有", "不会", "打算", "希望", "推迟");
    private static final Words OPINION = Words.of("认为", "表示", "指出", "透露", "觉得", "坦言", "直言", "强调", "称,", "称，", "看来");
    private static final Pattern ADJECTIVE_AFTER = Pattern.compile(
            "^(?:大?模型|社区|软件|项目|架构|生态|操作系统|的|式|版本|协议|力量|代码|框架|数据|平台|合作|共享|领域|世界)");
    private static final Words BACKGROUND = Words.of("此前", "曾经", "曾", "一度", "早在", "当年", "历史上", "多年前", "这些年", "过去", "以往", "先后");
    /** "华为将推出...": a bare 将 right before the verb is the future. */
    static final Pattern WILL = Pattern.compile("将(?:正式|全面|陆续|首次|率先|在[^,，。]{0,8}?)?$");
    private static final String[] WILL_ADVERBS = {"正式", "全面", "陆续", "首次", "率先"};
    private static final Pattern PRODUCT_HEAD = Pattern.compile(
            "平台|工具|功能|产品|应用|App|APP|app|助手|集群|服务|系统|芯片|社区|机器人|终端|手机|电脑|PC|眼镜|方案|引擎"
            + "|框架|数据集|插件|客户端|软件|硬件|设备|网站|小程序|智能体|Agent|API|接口|游戏|版本|汽车|车型|工厂"
            + "|一体机|服务器|处理器|显卡|眼镜|耳机|手表|音箱|学习机|翻译机|模组|传感器|大脑|操作系统|浏览器|搜索"
            + "|GPU|CPU|NPU|TPU|DPU|加速卡");
    private static final Words APP_FORM = Words.of("安卓版", "iOS版", "iOS 版", "安卓 版", "客户端", "网页版", "桌面版", "移动版", "App", "APP");
    private static final Words REPORT_OBJECT = Words.of("报告", "研报", "白皮书", "蓝皮书", "数据显示", "调查", "调研", "榜单", "排行榜", "指数", "统计", "名单", "地图");
    private static final Words RESEARCH_OBJECT = Words.of("论文", "研究成果", "研究结果", "实验结果", "模拟结果", "实验模拟");
    private static final Words POLICY_WORDS = Words.of("意见", "方案", "办法", "措施", "计划", "规划", "通知", "条例", "规定", "指引", "指南", "政策", "纲要", "细则", "决定", "法", "标准", "若干");
    private static final Words REPORT_WORDS = Words.of("报告", "白皮书", "蓝皮书", "研究", "地图", "榜", "指数", "年鉴", "趋势");
    private static final Pattern GOV_NAME = Pattern.compile(
            "(?:政府|办公厅|委员会|管委会|网信办|国务院|部|局|厅|委|办公室|署)$");
    private static final Words COREF = Words.of("该公司", "这家公司", "该企业", "这家企业", "该平台", "该机构", "这家", "该团队", "相关研究", "该研究", "研究团队", "这样的", "该初创公司", "其");
    private static final Words INDEFINITE = Words.of("某", "一家", "多家", "另一家", "几家");
    static final Pattern ADVERBS_ONLY = Pattern.compile(
            "^(?:\\s|正式|近日|日前|宣布|已经|已|也|还|随后|同时|此外|目前|今日|今天|近期|再次|又|并且|并|而|还将|则|更是|悄然|“|”"
            + "|在|于|今年|去年|前年|同年|年|月|日|号|初|底|末|中旬|上旬|下旬|以来|累计|此次|本次|共|\\d)*$");
    /** a person's title right after a name ({@code ^\\s?(?:原|前|...)} on the next 8 characters) */
    private static final String[] PERSON_WORDS = {
        "原", "前", "现任", "联合创始人", "创始人", "CEO", "CTO", "COO", "CFO", "CMO", "董事长", "总裁", "首席", "副总裁", "总经理",
        "合伙人", "院长", "分析师", "员工", "研究员", "专家", "教授", "科学家", "董事", "高管"};
    /** an investor's role right after a name */
    private static final String[] INVESTOR_WORDS = {
        "领投", "跟投", "参投", "等投资", "投资方", "联合领投", "追加投资", "的投资", "投资的", "等机构"};

    private static final Pattern QUOTED_NAME = Pattern.compile("“([^”]{1,30})”|《([^》]{1,40})》");
    private static final Pattern LATIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9.\\-]*(?:\\s[A-Za-z0-9][A-Za-z0-9.\\-]*){0,4}");
    private static final Pattern TITLE = Pattern.compile("《([^》]{2,80})》");
    static final Finder TITLE_F = new Finder(TITLE, "《");
    private static final Pattern PLACE_REST = Pattern.compile("(?:市|区|县)?(?:政府)?(?:也|正式|近日|日前|还|再次|同时)?\\s?");
    private static final Pattern TEMPORAL_TAIL = Pattern.compile("以来|之后|以后|了|过|至今");
    private static final Pattern PARENS = Pattern.compile("\\([^()]{0,30}\\)|（[^（）]{0,30}）");
    private static final Pattern OBJECT_HEAD = Pattern.compile("^(?:了|出|的)");
    private static final Words SPEAKER = Words.of("CEO", "CTO", "创始人", "董事长", "总裁", "首席执行官", "表示", "认为");
    private static final Pattern NOT_A_NAME_CHARS = Pattern.compile(".*[,，。的在将已]+.*");


    /**
     * {@code find()} over {@code [from, to)} that tries the pattern only where one of its first words
     * starts (the pattern must begin with one of {@code anchors}), instead of at every position.
     */
    private static final class Anchored {
        private final Matcher m;
        private final String text;
        private final FirstWords anchors;
        private final int from;
        private final int to;
        private int pos;

        Anchored(Pattern p, String text, FirstWords anchors, int from, int to) {
            this.m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            this.text = text;
            this.anchors = anchors;
            this.from = from;
            this.to = to;
        }

        boolean find() {
            while (true) {
                // the first place at or after pos where one of the anchors lies inside [from, to)
                int best = -1;
                for (int i = from + pos; i < to; i++) {
                    if (anchors.at(text, i, to)) {
                        best = i - from;
                        break;
                    }
                }
                if (best < 0) {
                    return false;
                }
                m.region(from + best, to);
                if (m.lookingAt()) {
                    pos = Math.max(m.end() - from, best + 1);
                    return true;
                }
                pos = best + 1;
            }
        }

        Matcher matcher() {
            return m;
        }
    }

    private static final FirstWords FUNDING_VERBS = new FirstWords("完成", "获得", "获", "拿到", "斩获", "迎来", "收获", "筹得");
    private static final FirstWords RAISE_VERBS = new FirstWords("筹集", "筹得", "募得", "融得");
    private static final FirstWords INVEST_VERBS = new FirstWords("投资", "投入", "出资", "追加投资");
    private static final FirstWords BY_WORDS = new FirstWords("根据", "据");
    private static final FirstWords REPORT_VERBS = new FirstWords(
        "预计", "预测", "估计", "数据显示", "统计显示", "报告显示", "调查显示", "研报称", "报告称", "报告指出", "调研结果",
        "调查结果", "公布预测称", "发布研报称", "发布研究报告指出", "统计数据显示");
    private static final FirstWords SETBACK_WORDS = new FirstWords(
        "停工", "停产", "裁员", "倒闭", "关停", "破产", "暂停运营", "暂停服务", "解散", "清算", "爆雷", "退市", "下架", "被罚",
        "罚款", "终止合作", "收购失败", "融资失败", "停止运营", "停止服务", "停服");
    private static final FirstWords PARTNERSHIP_WORDS = new FirstWords(
        "战略合作", "合作协议", "合作框架", "合作备忘录", "达成", "深化合作", "展开合作", "开展合作", "建立合作", "战略伙伴",
        "合作伙伴关系", "签署", "签订", "携手", "联手", "共建", "联合实验室");

    // ------------------------------------------------------------------ state

    private final Knowledge knowledge;
    private final ExtractionSettings settings;
    private final AmountParser amounts;
    private final OrgFinder orgFinder;
    private final Article article;
    private final String text;
    private final List<Knowledge.Hit> hits;
    private final List<Segmenter.Sentence> sentences;
    private final LocalDate anchor;
    private final boolean articleDated;
    private final Map<Integer, LocalDate> itemDates = new HashMap<>();
    private final Map<Integer, List<OrgMention>> orgCache = new HashMap<>();
    private final Map<Integer, List<DateParser.Mention>> dateCache = new HashMap<>();
    private final Integer[] contextYear;
    private final List<Candidate> candidates = new ArrayList<>();

    ArticleExtraction(Knowledge knowledge, ExtractionSettings settings, AmountParser amounts, OrgFinder orgFinder,
                      Article article, CleanText clean) {
        this.knowledge = knowledge;
        this.settings = settings;
        this.amounts = amounts;
        this.orgFinder = orgFinder;
        this.article = article;
        this.text = clean.text();
        this.hits = knowledge.scan(text); // sorted by start, longest first
        this.sentences = Segmenter.split(text);
        this.articleDated = article.timeSource() != TimeSource.INGEST;
        this.anchor = articleDated ? article.publishedOn(settings.zone()) : inferAnchor();
        this.contextYear = new Integer[sentences.size()];
    }

    List<Candidate> run() {
        Integer year = anchor == null ? null : anchor.getYear();
        int yi = 0;
        List<int[]> years = explicitYears();
        for (int si = 0; si < sentences.size(); si++) {
            Segmenter.Sentence s = sentences.get(si);
            while (yi < years.size() && years.get(yi)[0] < s.start) {
                year = years.get(yi)[1];
                yi++;
            }
            contextYear[si] = year;
            if (s.datelineEnd > s.start) {
                for (DateParser.Mention m : DateParser.findAll(text, s.start, s.datelineEnd, anchor, year, null)) {
                    if (m.precision() == DateParser.Precision.DAY) {
                        itemDates.putIfAbsent(s.item, m.date());
                        break;
                    }
                }
            }
        }
        for (int si = 0; si < sentences.size(); si++) {
            int rules = triggeredRules(si);
            if (rules != 0) {
                applyRules(si, rules);
            }
        }
        return candidates;
    }

    /**
     * Positions and values of the explicit years of the text ("2023年", "2023-"): the places after four digits that
     * hold 年, a space before 年, '-' or '/', found with indexOf (vectorised) rather than a test at every character.
     */
    private List<int[]> explicitYears() {
        List<int[]> out = new ArrayList<>();
        for (int i : yearEnds()) {
            char a = text.charAt(i - 4);
            char b = text.charAt(i - 3);
            if (!((a == '1' && b == '9') || (a == '2' && b == '0')) || !isDigit(text.charAt(i - 2))
                    || !isDigit(text.charAt(i - 1)) || i >= 5 && isDigit(text.charAt(i - 5))) {
                continue;
            }
            out.add(new int[] {i - 4, Integer.parseInt(text.substring(i - 4, i))});
        }
        return out;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The places from 4 on that hold 年, '-', '/' or a space before 年, in order. */
    private int[] yearEnds() {
        int[] at = new int[16];
        int count = 0;
        for (char c : new char[] {'年', '-', '/'}) {
            for (int i = text.indexOf(c, 4); i >= 0; i = text.indexOf(c, i + 1)) {
                if (count + 2 > at.length) {
                    at = java.util.Arrays.copyOf(at, at.length * 2);
                }
                at[count++] = i;
                if (c == '年' && i >= 5 && text.charAt(i - 1) == ' ') {
                    at[count++] = i - 1;
                }
            }
        }
        at = java.util.Arrays.copyOf(at, count);
        java.util.Arrays.sort(at);
        return at;
    }

    /** Index of the sentence that contains or follows {@code pos}. */
    int sentenceAt(int pos) {
        int lo = 0;
        int hi = sentences.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sentences.get(mid).end <= pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    LocalDate anchor() {
        return anchor;
    }

    boolean articleDated() {
        return articleDated;
    }

    String text() {
        return text;
    }

    List<Segmenter.Sentence> sentences() {
        return sentences;
    }

    List<Knowledge.Hit> hits() {
        return hits;
    }

    private final Map<String, Object> derived = new HashMap<>();

    /** A value computed once per article from this extraction (by the event builder), kept under {@code key}. */
    @SuppressWarnings("unchecked")
    <T> T derived(String key, java.util.function.Function<ArticleExtraction, T> compute) {
        Object v = derived.get(key);
        if (v == null) {
            v = compute.apply(this);
            derived.put(key, v);
        }
        return (T) v;
    }

    /** Names of parties the finder did not know (read after 与): their words are not sector keywords. */
    private final List<int[]> unknownNames = new ArrayList<>();
    /** how many of {@link #unknownNames} are sorted by start, and the longest of them */
    private int unknownSorted;
    private int unknownLongest;

    /** Spans of the organisation names recognised in the sentences that overlap {@code [from, to)}. */
    List<int[]> orgSpans(int from, int to) {
        List<int[]> out = new ArrayList<>();
        // the unknown names overlapping [from, to), found by their starts (the callers only ask whether a
        // place lies inside one of the spans, so their order does not matter)
        if (unknownNames.size() != unknownSorted) {
            unknownNames.sort((a, b) -> Integer.compare(a[0], b[0]));
            unknownSorted = unknownNames.size();
            unknownLongest = 0;
            for (int[] u : unknownNames) {
                unknownLongest = Math.max(unknownLongest, u[1] - u[0]);
            }
        }
        int lo = 0;
        int hi = unknownNames.size();
        while (lo < hi) { // the first name that starts late enough to reach past from
            int mid = (lo + hi) >>> 1;
            if (unknownNames.get(mid)[0] <= from - unknownLongest) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < unknownNames.size() && unknownNames.get(i)[0] < to; i++) {
            int[] u = unknownNames.get(i);
            if (u[1] > from) {
                out.add(u);
            }
        }
        for (int si = sentenceAt(from); si < sentences.size() && sentences.get(si).start < to; si++) {
            Segmenter.Sentence s = sentences.get(si);
            if (s.end <= from || !orgCache.containsKey(si)) {
                continue;
            }
            for (OrgMention o : orgCache.get(si)) {
                out.add(new int[] {o.start(), o.end()});
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ anchor, dates

    /** Without a publication date: the latest explicit dated day or month of the text, up to the ingest day. */
    private LocalDate inferAnchor() {
        LocalDate ingest = article.publishedOn(settings.zone());
        LocalDate best = null;
        for (DateParser.Mention m : DateParser.findAll(text, 0, text.length(), null, null, null)) {
            String before = text.substring(Math.max(0, m.start() - 3), m.start());
            boolean target = before.contains("到") || before.contains("至") || before.contains("将") || before.contains("前");
            if ((m.precision() == DateParser.Precision.DAY || m.precision() == DateParser.Precision.MONTH)
                    && !target && !m.date().isAfter(ingest) && (best == null || m.date().isAfter(best))) {
                best = m.date(); // a target date ("到2025年3月") is not a clue to when the article was written
            }
        }
        return best;
    }

    private List<DateParser.Mention> dates(int si) {
        return dateCache.computeIfAbsent(si, k -> {
            Segmenter.Sentence s = sentences.get(k);
            Integer cy = contextYear[k];
            LocalDate today = itemDates.get(s.item);
            return DateParser.findAll(text, s.start, s.end, anchor, cy, today != null ? today : anchor);
        });
    }

    // ------------------------------------------------------------------ organisations

    List<OrgMention> orgs(int si) {
        return orgCache.computeIfAbsent(si, k -> {
            Segmenter.Sentence s = sentences.get(k);
            return orgFinder.find(text, hits, s.start, s.end);
        });
    }

    /** Organisations of sentence {@code si} that can be the actor of an event of {@code type}. */
    private final Map<Long, List<OrgMention>> actorCache = new HashMap<>();

    private List<OrgMention> actors(int si, EventType type) {
        return actorCache.computeIfAbsent(((long) si << 8) | type.ordinal(), k -> computeActors(si, type));
    }

    /** Per sentence, for each of its organisations: 1 = never an actor, 2 = a person's title follows it. */
    private final Map<Integer, byte[]> actorFlags = new HashMap<>();

    private byte[] actorFlags(int si) {
        return actorFlags.computeIfAbsent(si, k -> {
            Segmenter.Sentence s = sentences.get(k);
            List<OrgMention> orgs = orgs(k);
            byte[] flags = new byte[orgs.size()];
            for (int i = 0; i < flags.length; i++) {
                OrgMention o = orgs.get(i);
                int afterEnd = Math.min(s.end, o.end() + 8);
                if (o.start() < s.datelineEnd || insideTitle(o.start(), s.start) || precededByAgentWord(o.start(), s.start)
                        || opensWith(o.end(), afterEnd, INVESTOR_WORDS)) {
                    flags[i] = 1;
                } else if (opensWith(o.end(), afterEnd, PERSON_WORDS)) {
                    flags[i] = 2;
                }
            }
            return flags;
        });
    }

    private List<OrgMention> computeActors(int si, EventType type) {
        List<OrgMention> orgs = orgs(si);
        byte[] flags = actorFlags(si);
        List<OrgMention> out = new ArrayList<>();
        for (int i = 0; i < flags.length; i++) {
            OrgMention o = orgs.get(i);
            if (flags[i] == 1 || flags[i] == 2 && type != EventType.REPORT) {
                continue; // a dateline, a title, an agent, an investor; a person's title (unless a report)
            }
            if (o.isKind("media") && type != EventType.REPORT) {
                continue;
            }
            if (o.source() == OrgMention.FALLBACK && (type == EventType.REPORT || type == EventType.RESEARCH
                    || type == EventType.PERSONNEL || type == EventType.POLICY || type == EventType.INVESTMENT)) {
                continue;
            }
            out.add(o);
        }
        return out;
    }

    /**
     * {@code ^\\s?(?:w1|w2|...)} found in {@code text[at, limit)}: one of the words there, or after one
     * whitespace character.
     */
    private boolean opensWith(int at, int limit, String[] words) {
        int v = at < limit && NamePatterns.isRegexSpace(text.charAt(at)) ? at + 1 : at;
        for (String w : words) {
            if (v + w.length() <= limit && text.startsWith(w, v)) {
                return true;
            }
        }
        return false;
    }

    private boolean insideTitle(int at, int from) {
        for (int i = at - 1; i >= from && i >= at - 60; i--) {
            char c = text.charAt(i);
            if (c == '》') {
                return false;
            }
            if (c == '《') {
                return true;
            }
        }
        return false;
    }

    private static final String[] AGENT_WORDS = {
        "被", "遭", "向", "获", "获得", "来自", "受", "经", "给", "对", "收购", "入职", "加入", "加盟", "领投方", "投资方为", "援引",
        "在"};

    private boolean precededByAgentWord(int at, int from) {
        int i = at;
        while (i > from && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '“')) {
            i--;
        }
        for (String w : AGENT_WORDS) {
            if (i - w.length() >= from && text.startsWith(w, i - w.length())) {
                return true;
            }
        }
        return false;
    }

    /** The actor of a trigger: first actor of its clause, else of the sentence, else a coreference. */
    private OrgMention subjectBefore(int si, int trigger, int clauseStart, EventType type) {
        return subjectBefore(si, trigger, clauseStart, type, false);
    }

    private OrgMention subjectBefore(int si, int trigger, int clauseStart, EventType type, boolean objectBefore) {
        List<OrgMention> actors = actors(si, type);
        for (int i = 0; i < actors.size(); i++) {
            OrgMention o = actors.get(i);
            if (o.start() >= clauseStart && o.end() <= trigger) {
                return subsidiary(actors, i, trigger);
            }
        }
        Segmenter.Sentence s = sentences.get(si);
        String before = text.substring(Math.max(clauseStart, s.datelineEnd), trigger);
        boolean coref = (COREF.in(before) || before.trim().startsWith("公司")) && !INDEFINITE.in(before);
        int adverbsOnly = -1; // ADVERBS_ONLY.matcher(before).matches(), computed once when needed
        if (!objectBefore && !coref) {
            adverbsOnly = adverbsOnly(before) ? 1 : 0;
        }
        boolean ownSubjectless = objectBefore || adverbsOnly == 1 || coref;
        if (ownSubjectless) {
            for (OrgMention o : actors) {
                if (o.end() <= clauseStart) {
                    return o;
                }
            }
        }
        if (coref || (adverbsOnly >= 0 ? adverbsOnly == 1 : adverbsOnly(before))) {
            return coreference(si, type);
        }
        return null;
    }

    /**
     * {@code WILL.matcher(text.substring(from, to)).find()}: the span ends with 将, 将 and an adverb, or 将在 and
     * up to eight characters without a comma or full stop. Spans holding a line terminator (where {@code $}
     * also matches before a final one) go to the pattern.
     */
    private boolean willBefore(int from, int to) {
        return willBefore(text, from, to);
    }

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

    /** The literal alternatives of {@link #ADVERBS_ONLY}, besides {@code \\s} and {@code \\d}. */
    private static final String[] ADVERB_WORDS = {
        "正式", "近日", "日前", "宣布", "已经", "已", "也", "还", "随后", "同时", "此外", "目前", "今日", "今天", "近期", "再次", "又",
        "并且", "并", "而", "还将", "则", "更是", "悄然", "“", "”", "在", "于", "今年", "去年", "前年", "同年", "年", "月", "日", "号",
        "初", "底", "末", "中旬", "上旬", "下旬", "以来", "累计", "此次", "本次", "共"};

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
        }
        return reach[n];
    }

    /** "谷歌旗下DeepMind发布...": the subsidiary named right after 旗下 acts, not its parent. */
    private OrgMention subsidiary(List<OrgMention> actors, int i, int trigger) {
        OrgMention o = actors.get(i);
        if (i + 1 < actors.size()) {
            OrgMention next = actors.get(i + 1);
            String gap = text.substring(o.end(), Math.min(next.start(), text.length())).trim();
            if (next.end() <= trigger && (gap.equals("旗下") || gap.equals("旗下的") || gap.equals("子公司"))) {
                return next;
            }
        }
        return o;
    }

    /** The last actor of the previous sentences of the same item and paragraph. */
    private OrgMention coreference(int si, EventType type) {
        Segmenter.Sentence s = sentences.get(si);
        for (int k = si - 1; k >= 0 && k >= si - 6; k--) {
            Segmenter.Sentence p = sentences.get(k);
            if (p.item != s.item) {
                break;
            }
            List<OrgMention> a = actors(k, type);
            if (!a.isEmpty()) {
                OrgMention first = a.get(0);
                return first;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ rules

    /** The rules, in the order they run on a sentence; a trigger word enables the rules that list it. */
    private static final int R_FUNDING = 1;
    private static final int R_INVESTMENT = 1 << 1;
    private static final int R_ACQUISITION = 1 << 2;
    private static final int R_IPO = 1 << 3;
    private static final int R_POLICY = 1 << 4;
    private static final int R_RELEASE = 1 << 5;
    private static final int R_FEATURE = 1 << 6;
    private static final int R_PARTNERSHIP = 1 << 7;
    private static final int R_PERSONNEL = 1 << 8;
    private static final int R_RESEARCH = 1 << 9;
    private static final int R_REPORT = 1 << 10;
    private static final int R_SETBACK = 1 << 11;
    private static final Map<String, Integer> RULES_OF_WORD = new HashMap<>();

    private static void enable(int rule, String... words) {
        for (String w : words) {
            RULES_OF_WORD.merge(w, rule, (a, b) -> a | b);
        }
    }

    static {
        enable(R_FUNDING, "融资", "投资", "注资", "筹集", "募资");
        enable(R_INVESTMENT, "投资", "投入", "募资", "募集", "注资");
        enable(R_ACQUISITION, "收购", "并购", "买下");
        enable(R_IPO, "上市", "招股", "ipo", "递交", "否决", "撤回", "挂牌", "聆讯", "登陆");
        enable(R_POLICY, "印发", "出台", "颁布", "发布", "公布", "推出");
        enable(R_RELEASE, "发布", "推出", "上线", "开源", "公布", "公开", "官宣", "亮相", "开放", "首发", "提供下载", "问世",
                "面世", "部署");
        enable(R_FEATURE, "宣布");
        enable(R_PARTNERSHIP, "合作", "携手", "联手", "签署", "签订", "共建", "承诺");
        enable(R_PERSONNEL, "加入", "加盟", "入职", "出任", "担任", "就任", "任命", "离职", "卸任", "辞任", "辞职");
        enable(R_RESEARCH, "论文", "研究", "突破", "实现", "提交", "纪录", "预报");
        enable(R_REPORT, "报告", "研报", "白皮书", "数据显示", "统计", "调查", "调研", "预计", "预测", "显示", "榜单", "有望");
        enable(R_SETBACK, "停工", "停产", "裁员", "倒闭", "关停", "破产", "解散", "停止运营", "停止服务", "停服");
    }

    /** The rules the trigger words of sentence {@code si} (after its dateline) enable. */
    private int triggeredRules(int si) {
        Segmenter.Sentence s = sentences.get(si);
        int rules = 0;
        for (int i = OrgFinder.firstAt(hits, s.datelineEnd); i < hits.size(); i++) {
            Knowledge.Hit h = hits.get(i);
            if (h.start() >= s.end) {
                break;
            }
            if (h.end() > s.end || h.term().kind() != Knowledge.Kind.WORD) {
                continue;
            }
            Integer r = RULES_OF_WORD.get(h.term().key());
            if (r != null) {
                rules |= r;
            }
        }
        return rules;
    }

    private void applyRules(int si, int rules) {
        Segmenter.Sentence s = sentences.get(si);
        int from = s.datelineEnd;
        if ((rules & R_FUNDING) != 0) {
            funding(si, from, s.end);
        }
        if ((rules & R_INVESTMENT) != 0) {
            investment(si, from, s.end);
        }
        if ((rules & R_ACQUISITION) != 0) {
            acquisition(si, from, s.end);
        }
        if ((rules & R_IPO) != 0) {
            ipo(si, from, s.end);
        }
        if ((rules & R_POLICY) != 0) {
            policy(si, from, s.end);
        }
        if ((rules & R_RELEASE) != 0) {
            release(si, from, s.end);
        }
        if ((rules & R_FEATURE) != 0) {
            feature(si, from, s.end);
        }
        if ((rules & R_PARTNERSHIP) != 0) {
            partnership(si, from, s.end);
        }
        if ((rules & R_PERSONNEL) != 0) {
            personnel(si, from, s.end);
        }
        if ((rules & R_RESEARCH) != 0) {
            research(si, from, s.end);
        }
        if ((rules & R_REPORT) != 0) {
            report(si, from, s.end);
        }
        if ((rules & R_SETBACK) != 0) {
            setback(si, from, s.end);
        }
    }

    /** A clause is at most this long on each side of a trigger (text without punctuation stays cheap). */
    private static final int MAX_CLAUSE = 120;

    /** the last clause start and end computed (rules ask again for the same place) */
    private int lastStartSi = -1;
    private int lastStartPos;
    private int lastStart;
    private int lastEndSi = -1;
    private int lastEndPos;
    private int lastEnd;

    private int clauseStart(int si, int pos) {
        if (si == lastStartSi && pos == lastStartPos) {
            return lastStart;
        }
        lastStart = computeClauseStart(si, pos);
        lastStartSi = si;
        lastStartPos = pos;
        return lastStart;
    }

    private int clauseEnd(int si, int pos) {
        if (si == lastEndSi && pos == lastEndPos) {
            return lastEnd;
        }
        lastEnd = computeClauseEnd(si, pos);
        lastEndSi = si;
        lastEndPos = pos;
        return lastEnd;
    }

    private int computeClauseStart(int si, int pos) {
        Segmenter.Sentence s = sentences.get(si);
        int depth = 0;
        int limit = Math.max(s.start, pos - MAX_CLAUSE);
        if (limit > s.start && limit > s.datelineEnd) {
            // no punctuation within reach: the clause starts MAX_CLAUSE before
            boolean found = false;
            for (int i = pos - 1; i >= limit; i--) {
                char c = text.charAt(i);
                if (c == '，' || c == ',' || c == '：' || c == ':' || c == '；' || c == ';') {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return limit;
            }
        }
        for (int i = pos - 1; i >= s.start; i--) {
            char c = text.charAt(i);
            if (c == ')' || c == '）') {
                depth++;
            } else if ((c == '(' || c == '（') && depth > 0) {
                depth--;
            }
            if (depth > 0) {
                continue;
            }
            if (c == '，' || c == ',' || c == '：' || c == ':' || c == '；' || c == ';') {
                return Math.max(i + 1, s.datelineEnd);
            }
        }
        return s.datelineEnd;
    }

    private int computeClauseEnd(int si, int pos) {
        Segmenter.Sentence s = sentences.get(si);
        int depth = 0;
        int end = Math.min(s.end, pos + MAX_CLAUSE);
        for (int i = pos; i < end; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '（') {
                depth++;
            } else if ((c == ')' || c == '）') && depth > 0) {
                depth--;
            }
            if (depth > 0) {
                continue;
            }
            if (c == '，' || c == ',' || c == '；' || c == ';' || c == '。' || c == '：' || c == ':') {
                return i;
            }
        }
        return end;
    }

    private boolean inSpeech(int si, int pos) {
        Segmenter.Sentence s = sentences.get(si);
        int open = -1;
        for (int i = pos - 1; i >= s.start && i >= pos - 200; i--) {
            char c = text.charAt(i);
            if (c == '”') {
                return false;
            }
            if (c == '“') {
                open = i;
                break;
            }
        }
        if (open < 0) {
            return false;
        }
        int close = -1;
        for (int i = pos; i < s.end && i < pos + 400; i++) {
            if (text.charAt(i) == '”') {
                close = i;
                break;
            }
        }
        int len = (close < 0 ? Math.min(s.end, pos + 400) : close) - open;
        return len > 15;
    }

    private boolean backgroundClause(int clauseStart, int trigger) {
        return BACKGROUND.in(text, clauseStart, trigger);
    }

    private Candidate add(EventType type, OrgMention subject, int si, int trigger, int triggerEnd) {
        if (subject == null || inSpeech(si, trigger)) {
            return null;
        }
        int cs = clauseStart(si, trigger);
        int ce = clauseEnd(si, triggerEnd);
        Candidate c = new Candidate(type, subject, si, trigger, triggerEnd, cs, ce);
        candidates.add(c);
        return c;
    }

    // FUNDING ---------------------------------------------------------------

    private void funding(int si, int from, int to) {
        Anchored a = new Anchored(FUNDING, text, FUNDING_VERBS, from, to);
        Matcher m = a.matcher();
        while (a.find()) {
            Candidate c = fundingAt(si, m.start(), m.end());
            if (c != null && c.counterparties.isEmpty()) {
                for (OrgMention o : orgs(si)) {
                    if (o.start() >= m.start(1) && o.end() <= m.end(1) && !o.name().equals(c.name())) {
                        c.counterparties = List.of(o.name());
                        break;
                    }
                }
            }
        }
        a = new Anchored(FUNDING_RAISE, text, RAISE_VERBS, from, to);
        m = a.matcher();
        while (a.find()) {
            String sentence = text.substring(sentences.get(si).start, to);
            if (sentence.contains("显示") || sentence.contains("统计") || sentence.contains("报告")) {
                continue;
            }
            fundingAt(si, m.start(), m.end());
        }
        Finder.Scan headline = FUNDING_HEADLINE_F.scan(text, from, to);
        m = headline.matcher();
        while (headline.find()) {
            // "X 融资 6 亿欧元": the name right before
            for (OrgMention o : actors(si, EventType.FUNDING)) {
                if (o.end() <= m.start() && m.start() - o.end() <= 1) {
                    fundingAt(si, m.start(), m.end());
                }
            }
        }
    }

    private Candidate fundingAt(int si, int start, int end) {
        int cs = clauseStart(si, start);
        String before = text.substring(cs, start);
        String sentenceBefore = text.substring(sentences.get(si).datelineEnd, start);
        boolean announcedThisYear = sentenceBefore.contains("宣布") && (before.contains("今年") || before.contains("年内")
                || before.contains("本年"));
        if (Aggregates.in(text, cs, end) && !announcedThisYear
                || backgroundClause(cs, start) || FUTURE.in(before)) {
            return null;
        }
        OrgMention subject = subjectBefore(si, start, cs, EventType.FUNDING);
        if (subject == null || subject.isKind("investor") && !before.contains("完成")) {
            return null;
        }
        Candidate c = add(EventType.FUNDING, subject, si, start, end);
        if (c == null) {
            return null;
        }
        Segmenter.Sentence s = sentences.get(si);
        // a coreferent subject ("公司") may stand in an earlier sentence: round and amount are read from this one
        int own = Math.max(subject.end(), s.start);
        c.round = RoundParser.find(text, own, Math.min(s.end, clauseEnd(si, end) + 1));
        if (c.round == null) {
            c.round = RoundParser.find(text, c.clauseStart, c.clauseEnd);
        }
        c.amount = fundingAmount(si, own, end, c.clauseEnd);
        c.counterparties = investors(si, s.item);
        // the descriptor before the name says what the company does
        c.aboutStart = Math.max(s.start, subject.start() - 24);
        c.aboutEnd = subject.end();
        return c;
    }

    private Amount fundingAmount(int si, int from, int triggerEnd, int clauseEnd) {
        Segmenter.Sentence s = sentences.get(si);
        for (AmountParser.Match m : amounts.findAll(text, from, clauseEnd)) {
            if (!valuation(m.start(), s.start)) {
                return m.amount();
            }
        }
        for (AmountParser.Match m : amounts.findAll(text, clauseEnd, s.end)) {
            if (!valuation(m.start(), s.start)) {
                return m.amount();
            }
        }
        // "本轮融资金额在数百万美元级别" in a following sentence of the item
        for (int k = si + 1; k < sentences.size() && k <= si + 3; k++) {
            Segmenter.Sentence n = sentences.get(k);
            if (n.item != s.item) {
                break;
            }
            String t = text.substring(n.start, n.end);
            if (t.contains("融资金额") || t.contains("本轮融资") || t.contains("融资额") || t.contains("金额")) {
                for (AmountParser.Match m : amounts.findAll(text, n.start, n.end)) {
                    if (!valuation(m.start(), n.start)) {
                        return m.amount();
                    }
                }
            }
        }
        return null;
    }

    private boolean valuation(int at, int from) {
        String before = text.substring(Math.min(at, Math.max(from, at - 8)), at);
        return before.contains("估值") || before.contains("总额") || before.contains("累计") || before.contains("营收")
                || before.contains("注册资本") || before.contains("市值") || before.contains("收入");
    }

    /**
     * Investors of a round, lead first: "由 A 领投, B、C 跟投", "投资方为 A 和 B", "获得来自 A 的 ... 投资".
     * Keyword look-ups and short look-backs, no backtracking patterns.
     */
    private final Map<Integer, List<String>> investorCache = new HashMap<>();

    /** {@link #computeInvestors} once per sentence (the lists are never modified). */
    private List<String> investors(int si, int item) {
        return investorCache.computeIfAbsent(si, k -> computeInvestors(k, item));
    }

    private List<String> computeInvestors(int si, int item) {
        List<String> lead = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int k = si; k < sentences.size() && k <= si + 3; k++) {
            Segmenter.Sentence s = sentences.get(k);
            if (s.item != item) {
                break;
            }
            String st = text.substring(s.start, s.end);
            if (!(st.contains("投") || st.contains("来自"))) {
                continue;
            }
            for (String w : new String[] {"联合领投", "领投"}) {
                for (int i = st.indexOf(w); i >= 0; i = st.indexOf(w, i + w.length())) {
                    if (w.equals("领投") && i >= 2 && st.startsWith("联合", i - 2)) {
                        continue;
                    }
                    String seg = segmentBefore(st, i, 60);
                    int by = seg.lastIndexOf('由');
                    lead.addAll(splitNames(by >= 0 ? seg.substring(by + 1) : seg));
                }
            }
            for (String w : new String[] {"跟投", "参投", "追加投资"}) {
                for (int i = st.indexOf(w); i >= 0; i = st.indexOf(w, i + w.length())) {
                    rest.addAll(splitNames(segmentBefore(st, i, 80)));
                }
            }
            for (String w : new String[] {"投资方为", "投资方是", "投资方包括"}) {
                for (int i = st.indexOf(w); i >= 0; i = st.indexOf(w, i + w.length())) {
                    rest.addAll(splitNames(segmentAfter(st, i + w.length(), 80)));
                }
            }
            for (int i = st.indexOf("获得来自"); i >= 0; i = st.indexOf("获得来自", i + 4)) {
                String after = segmentAfter(st, i + 4, 40);
                int de = after.indexOf('的');
                if (de > 0) {
                    lead.addAll(splitNames(after.substring(0, de)));
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String n : lead) {
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        for (String n : rest) {
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static String segmentBefore(String s, int at, int max) {
        int i = at;
        while (i > 0 && at - i < max && ",，。;；:：".indexOf(s.charAt(i - 1)) < 0) {
            i--;
        }
        return s.substring(i, at);
    }

    private static String segmentAfter(String s, int at, int max) {
        int i = at;
        while (i < s.length() && i - at < max && ",，。;；:：".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return s.substring(at, i);
    }

    private List<String> splitNames(String list) {
        List<String> out = new ArrayList<>();
        for (String part : NameLists.parts(NameLists.trimList(list))) {
            String p = NameLists.trimName(part.trim()).trim();
            if (p.length() < 2 || p.length() > 30 || p.contains("融资") || p.contains("公司当前")) {
                continue;
            }
            Company c = orgFinder.lookup(p);
            out.add(c != null ? c.name() : p);
        }
        return out;
    }

    // INVESTMENT ------------------------------------------------------------

    private void investment(int si, int from, int to) {
        Anchored a = new Anchored(INVESTMENT, text, INVEST_VERBS, from, to);
        Matcher m = a.matcher();
        while (a.find()) {
            AmountParser.Match amount = firstAmount(m.end(), Math.min(to, m.end() + 16));
            if (amount == null || amount.start() > m.end() + 6) {
                continue;
            }
            investmentAt(si, m.start(), m.end(), amount.amount());
        }
        Finder.Scan setup = FUND_SETUP_F.scan(text, from, to);
        m = setup.matcher();
        while (setup.find()) {
            AmountParser.Match amount = firstAmount(clauseStart(si, m.start()), clauseEnd(si, m.end()));
            if (amount != null) {
                investmentAt(si, m.start(), m.end(), amount.amount());
            }
        }
    }

    private void investmentAt(int si, int start, int end, Amount amount) {
        int cs = clauseStart(si, start);
        String before = text.substring(cs, start);
        if (Aggregates.in(text, cs, start) || backgroundClause(cs, start) || before.contains("获")) {
            return;
        }
        OrgMention subject = subjectBefore(si, start, cs, EventType.INVESTMENT);
        Candidate c = add(EventType.INVESTMENT, subject, si, start, end);
        if (c != null) {
            c.amount = amount;
            c.aboutStart = end;
            c.aboutEnd = c.clauseEnd;
        }
    }

    private AmountParser.Match firstAmount(int from, int to) {
        List<AmountParser.Match> all = amounts.findAll(text, from, to);
        return all.isEmpty() ? null : all.get(0);
    }

    // ACQUISITION -----------------------------------------------------------

    private void acquisition(int si, int from, int to) {
        Finder.Scan passive = ACQ_PASSIVE_F.scan(text, from, to);
        Matcher p = passive.matcher();
        Set<Integer> done = new HashSet<>();
        while (passive.find()) {
            OrgMention acquirer = null;
            for (OrgMention o : orgs(si)) {
                if (o.start() >= p.start(1) && o.end() <= p.end(1)) {
                    acquirer = o;
                    break;
                }
            }
            OrgMention target = subjectBefore(si, p.start(), clauseStart(si, p.start()), EventType.ACQUISITION);
            if (acquirer != null && target != null) {
                Candidate c = add(EventType.ACQUISITION, acquirer, si, p.start(), p.end());
                if (c != null) {
                    c.counterparties = List.of(target.name());
                    c.amount = acquisitionAmount(si, p.end());
                    c.aboutStart = target.start();
                    c.aboutEnd = target.end();
                }
                done.add(p.end());
            }
        }
        Finder.Scan verbs = ACQUISITION_F.scan(text, from, to);
        Matcher m = verbs.matcher();
        while (verbs.find()) {
            if (done.contains(m.end())) {
                continue;
            }
            int cs = clauseStart(si, m.start());
            String before = text.substring(cs, m.start());
            if (backgroundClause(cs, m.start()) || FUTURE.in(before) && !before.contains("拟")) {
                continue;
            }
            OrgMention subject = subjectBefore(si, m.start(), cs, EventType.ACQUISITION);
            if (subject == null) {
                continue;
            }
            String target = null;
            int tStart = m.end();
            int tEnd = m.end();
            int targetLimit = clauseEnd(si, m.end());
            for (OrgMention o : orgs(si)) {
                if (o.start() >= m.end() && o.start() <= targetLimit) {
                    target = o.name();
                    tStart = o.start();
                    tEnd = o.end();
                    break;
                }
            }
            if (target == null) {
                int e = m.end();
                int limit = Math.min(clauseEnd(si, m.end()), m.end() + 16);
                while (e < limit && "的，,。、 ".indexOf(text.charAt(e)) < 0) {
                    e++;
                }
                if (e - m.end() >= 2) {
                    target = Names.canonical(text.substring(m.end(), e));
                    tEnd = e;
                }
            }
            if (target == null) {
                continue;
            }
            Candidate c = add(EventType.ACQUISITION, subject, si, m.start(), m.end());
            if (c != null) {
                c.counterparties = List.of(target);
                c.amount = acquisitionAmount(si, m.end());
                if (c.amount == null) {
                    AmountParser.Match price = firstAmount(subject.end() < m.start() ? subject.end() : cs, m.start());
                    c.amount = price == null ? null : price.amount();
                }
                c.aboutStart = tStart;
                c.aboutEnd = tEnd;
            }
        }
    }

    private Amount acquisitionAmount(int si, int from) {
        Segmenter.Sentence s = sentences.get(si);
        for (AmountParser.Match m : amounts.findAll(text, from, s.end)) {
            if (!valuation(m.start(), s.start)) {
                return m.amount();
            }
        }
        return null;
    }

    // IPO -------------------------------------------------------------------

    private void ipo(int si, int from, int to) {
        int pos = from;
        while (pos < to) {
            IpoStageParser.Found f = IpoStageParser.find(text, pos, to);
            if (f == null) {
                break;
            }
            pos = f.end();
            String sentence = text.substring(sentences.get(si).start, to);
            if (f.stage() == IpoStage.APPROVED && !(sentence.contains("上市") || sentence.contains("IPO")
                    || sentence.contains("招股") || sentence.contains("科创板") || sentence.contains("证监会"))) {
                continue;
            }
            if (f.stage() == IpoStage.REJECTED && !(sentence.contains("上市") || sentence.contains("IPO")
                    || sentence.contains("招股") || sentence.contains("科创板") || sentence.contains("审核"))) {
                continue;
            }
            int cs = clauseStart(si, f.start());
            if (FUTURE.in(text, cs, f.start())) {
                continue;
            }
            OrgMention subject = subjectBefore(si, f.start(), cs, EventType.IPO);
            Candidate c = add(EventType.IPO, subject, si, f.start(), f.end());
            if (c != null) {
                c.stage = f.stage();
            }
        }
    }

    // POLICY ----------------------------------------------------------------

    private static final String[] POLICY_NOUNS = {
        "意见", "方案", "计划", "政策", "办法", "措施", "规划", "通知", "条例", "新规", "规定", "禁令", "行政命令", "法案", "法规"};

    private void policy(int si, int from, int to) {
        String sentence = text.substring(from, to);
        boolean titled = sentence.indexOf('《') >= 0;
        boolean plain = false;
        for (String n : POLICY_NOUNS) {
            if (sentence.contains(n)) {
                plain = true;
                break;
            }
        }
        if (!titled && !plain) {
            return;
        }
        Finder.Scan titles = POLICY_TITLE_F.scan(text, titled ? from : to, to);
        Matcher m = titles.matcher();
        Set<Integer> seen = new HashSet<>();
        while (titles.find()) {
            String title = m.group(1);
            if (!POLICY_WORDS.in(title) || REPORT_WORDS.in(title)) {
                continue;
            }
            seen.add(m.start());
            policyAt(si, m.start(), m.end(), "《" + title + "》", m.start(1), m.end(1));
        }
        Finder.Scan plains = POLICY_PLAIN_F.scan(text, plain ? from : to, to);
        m = plains.matcher();
        while (plains.find()) {
            if (seen.contains(m.start())) {
                continue;
            }
            policyAt(si, m.start(), m.end(), null, m.start(), m.end());
        }
    }

    private void policyAt(int si, int start, int end, String title, int aboutStart, int aboutEnd) {
        int cs = clauseStart(si, start);
        if (FUTURE.in(text, cs, start)) {
            return;
        }
        OrgMention subject = govSubject(si, start, cs);
        String derived = null;
        if (subject == null && title != null) {
            derived = governmentOfTitle(title);
            if (derived == null) {
                return;
            }
            subject = new OrgMention(start, start, derived, orgFinder.lookup(derived), null, null,
                    OrgMention.LEGAL, true);
        }
        if (subject == null) {
            return;
        }
        Candidate c = add(EventType.POLICY, subject, si, start, end);
        if (c != null) {
            c.product = title;
            c.aboutStart = aboutStart;
            c.aboutEnd = aboutEnd;
            if (subject.place() && derived == null) {
                c.subjectName = subject.name();
            }
        }
    }

    /** A government body before the trigger, or a place standing for its government (杭州发布...). */
    private OrgMention govSubject(int si, int trigger, int clauseStart) {
        for (OrgMention o : actors(si, EventType.POLICY)) {
            if (o.end() > trigger) {
                break;
            }
            if (isGovernment(o)) {
                return o;
            }
        }
        // a city or district name right before the verb (optionally 也/正式/近日...)
        Segmenter.Sentence s = sentences.get(si);
        for (int i2 = OrgFinder.firstAt(hits, Math.max(clauseStart, s.datelineEnd)), to2 = trigger; i2 < hits.size(); i2++) {
            Knowledge.Hit h = hits.get(i2);
            if (h.start() >= to2) {
                break;
            }
            if (h.end() > to2) {
                continue;
            }
            Knowledge.Kind k = h.term().kind();
            if (k != Knowledge.Kind.CITY && k != Knowledge.Kind.DISTRICT) {
                continue;
            }
            int e = h.end();
            String rest = text.substring(e, trigger);
            if (PLACE_REST.matcher(rest).matches()) {
                String name = text.substring(h.start(), e) + (rest.startsWith("市") || rest.startsWith("区")
                        || rest.startsWith("县") ? rest.substring(0, 1) : "");
                return new OrgMention(h.start(), e, name, null, h.term().city(), h.term().country(),
                        OrgMention.LEGAL, true);
            }
        }
        return null;
    }

    private boolean isGovernment(OrgMention o) {
        if (o.company() != null) {
            return "government".equals(o.company().kind());
        }
        return GOV_NAME.matcher(o.name()).find();
    }

    /** 《北京市促进...措施》 -> 北京市人民政府; 《朝阳区...计划》 -> 朝阳区人民政府. */
    private String governmentOfTitle(String title) {
        String t = title.replace("《", "").replace("》", "");
        // the shortest place name the title starts with
        Knowledge.Hit h = null;
        for (Knowledge.Hit x : knowledge.scan(t)) {
            if (x.start() != 0) {
                break;
            }
            Knowledge.Kind k = x.term().kind();
            if ((k == Knowledge.Kind.CITY || k == Knowledge.Kind.DISTRICT) && (h == null || x.end() < h.end())) {
                h = x;
            }
        }
        if (h != null) {
            String name = t.substring(0, h.end());
            char next = h.end() < t.length() ? t.charAt(h.end()) : ' ';
            if (next == '市' || next == '区' || next == '县' || next == '省') {
                name = name + next;
            } else if (h.term().kind() == Knowledge.Kind.CITY && !name.endsWith("市") && !name.endsWith("区")) {
                name = name + "市";
            }
            if (name.endsWith("人民政府")) {
                return name;
            }
            return name + "人民政府";
        }
        if (t.startsWith("国务院")) {
            return "国务院";
        }
        return null;
    }

    // MODEL_RELEASE / PRODUCT_LAUNCH / (REPORT, RESEARCH by object) ---------

    private static final Set<String> RELEASE_WORDS = Set.of(
            "发布", "推出", "上线", "开源", "公布", "公开", "官宣", "亮相", "开放", "首发", "揭晓", "上架", "提供下载", "问世",
            "面世");

    /** Release verbs of {@code [from, to)} from the dictionary pass: a matcher positioned on each in turn. */
    private List<int[]> releaseVerbs(int from, int to) {
        List<int[]> out = new ArrayList<>();
        int last = -1;
        for (int i3 = OrgFinder.firstAt(hits, from), to3 = to; i3 < hits.size(); i3++) {
            Knowledge.Hit h = hits.get(i3);
            if (h.start() >= to3) {
                break;
            }
            if (h.end() > to3) {
                continue;
            }
            if (h.term().kind() != Knowledge.Kind.WORD || h.start() < last || !RELEASE_WORDS.contains(h.term().key())) {
                continue;
            }
            int[] verb = ReleaseVerbs.at(text, h.start(), to);
            if (verb != null) {
                out.add(verb);
                last = verb[1];
            }
        }
        return out;
    }

    private void release(int si, int from, int to) {
        Segmenter.Sentence s = sentences.get(si);
        for (int[] v : releaseVerbs(from, to)) {
            int ts = v[0];
            int te = v[1];
            String verb = text.substring(v[2], v[3]);
            char next = te < text.length() ? text.charAt(te) : ' ';
            boolean perfective = text.startsWith("了", te - 1);
            if (("会时后前者权".indexOf(next) >= 0 || text.startsWith("日期", te)) && !perfective) {
                continue; // 发布会, 发布时, 上线后: a noun or a time, not a release
            }
            if ((verb.equals("开源") || verb.equals("开放") || verb.equals("公开")) && !perfective
                    && ADJECTIVE_AFTER.matcher(text.substring(te, Math.min(to, te + 6))).find()) {
                continue;
            }
            if (ts > 0 && "未不没尚待".indexOf(text.charAt(ts - 1)) >= 0) {
                continue;
            }
            int cs = clauseStart(si, ts);
            int ce = clauseEnd(si, te);
            if (FUTURE.in(text, cs, ts) || backgroundClause(cs, ts) || OPINION.in(text, cs, ts)
                    || willBefore(cs, ts)) {
                continue;
            }
            // the object: after the verb, or before it when the verb ends the clause
            int os = te;
            int oe = ce;
            boolean objectBefore = false;
            String after = text.substring(te, ce).trim();
            if (after.startsWith("以后") || after.startsWith("之后")) {
                continue; // a temporal clause: "ChatGPT 问世以后"
            }
            if (after.length() < 2 || TEMPORAL_TAIL.matcher(after).matches()) {
                os = cs;
                oe = ts;
                objectBefore = true;
                int venue = text.substring(cs, ts).lastIndexOf('在');
                if (venue > 0) {
                    oe = cs + venue;
                }
            }
            String object = withoutParens(text.substring(os, oe));
            if (REPORT_OBJECT.in(object)) {
                continue; // the report rule reads it
            }
            if (RESEARCH_OBJECT.in(object) || object.contains("《") && !objectBefore) {
                continue;
            }
            EventType type = classify(object, os, oe);
            if (type == null && objectBefore) {
                type = classify(withoutParens(text.substring(s.datelineEnd, ts)), s.datelineEnd, ts);
            }
            if (type == null) {
                continue;
            }
            if (objectBefore && listRelease(si, type, cs, oe, ts, te)) {
                continue;
            }
            OrgMention subject = subjectBefore(si, ts, cs, type, objectBefore);
            if (subject == null) {
                subject = makerOfModel(s.datelineEnd, ts);
            }
            if (subject == null) {
                // "月之暗面发布Kimi": the maker of the model released, named before the verb
                OrgMention maker = makerOfModel(os, oe);
                if (maker != null && text.substring(cs, ts).contains(maker.name())) {
                    subject = maker;
                }
            }
            if (subject == null || subject.source() == OrgMention.FALLBACK && subject.end() < cs) {
                continue;
            }
            List<OrgMention> enumerated = enumeration(si, subject, ts);
            for (OrgMention o : enumerated) {
                Candidate c = add(type, o, si, ts, te);
                if (c != null) {
                    c.aboutStart = os;
                    c.aboutEnd = oe;
                    c.product = productName(os, oe);
                    c.modelSector = modelSector(os, oe);
                    if (o == subject) {
                        c.counterparties = partners(si, subject, ts);
                    }
                }
            }
        }
    }

    private static final Pattern FEATURE = Pattern.compile(
            "宣布\\s?,?\\s?([^,，。;；]{2,24}?)(?:将|已|正式)?(?:支持|新增|上线|开放|接入)");

    /** "OpenAI 宣布 ChatGPT 将支持语音和图像输入": a product of the catalogue gets a new capability. */
    private void feature(int si, int from, int to) {
        Segmenter.Sentence s = sentences.get(si);
        Anchored a = new Anchored(FEATURE, text, ANNOUNCE, from, to);
        Matcher m = a.matcher();
        while (a.find()) {
            boolean product = false;
            for (int i4 = OrgFinder.firstAt(hits, m.start(1)), to4 = m.end(1); i4 < hits.size(); i4++) {
                Knowledge.Hit h = hits.get(i4);
                if (h.start() >= to4) {
                    break;
                }
                if (h.end() > to4) {
                    continue;
                }
                if (h.term().kind() == Knowledge.Kind.MODEL) {
                    product = true;
                    break;
                }
            }
            if (!product) {
                continue;
            }
            int cs = clauseStart(si, m.start());
            OrgMention subject = null;
            for (OrgMention o : actors(si, EventType.PRODUCT_LAUNCH)) {
                if (o.end() <= m.start() && o.start() >= s.datelineEnd) {
                    subject = o;
                    break;
                }
            }
            if (subject == null || backgroundClause(cs, m.start())) {
                continue;
            }
            Candidate c = add(EventType.PRODUCT_LAUNCH, subject, si, m.start(), m.end());
            if (c != null) {
                c.aboutStart = m.start(1);
                c.aboutEnd = c.clauseEnd;
                c.product = productName(m.start(1), m.end(1));
                c.modelSector = modelSector(m.start(1), m.end(1));
            }
        }
    }

    /**
     * "阿里云的通义万相、华为云的盘古3.0、有道“子曰”等一系列AI大模型发布": one release per list item, by the
     * organisation the item names or the maker of the catalogue model it names.
     */
    private boolean listRelease(int si, EventType type, int cs, int oe, int ts, int te) {
        List<int[]> items = new ArrayList<>();
        int start = cs;
        for (int i = cs; i <= oe; i++) {
            if (i == oe || text.charAt(i) == '、') {
                if (i - start >= 2) {
                    items.add(new int[] {start, i});
                }
                start = i + 1;
            }
        }
        if (items.size() < 2) {
            return false;
        }
        List<OrgMention> actors = actors(si, type);
        boolean any = false;
        for (int[] item : items) {
            OrgMention maker = null;
            for (OrgMention o : actors) {
                if (o.start() >= item[0] && o.end() <= item[1]) {
                    maker = o;
                    break;
                }
            }
            if (maker == null) {
                maker = makerOfModel(item[0], item[1]);
            }
            if (maker == null) {
                continue;
            }
            Candidate c = add(type, maker, si, ts, te);
            if (c != null) {
                any = true;
                c.aboutStart = maker.end() <= item[1] && maker.start() >= item[0] ? maker.end() : item[0];
                c.aboutEnd = item[1];
                c.product = productName(c.aboutStart, item[1]);
                c.modelSector = modelSector(item[0], item[1]);
            }
        }
        return any;
    }

    private static String withoutParens(String s) {
        if (s.indexOf('(') < 0 && s.indexOf('（') < 0) {
            return s; // nothing the pattern could match
        }
        return PARENS.matcher(s).replaceAll("");
    }

    /** MODEL_RELEASE when the head of the first item of the object is a model, PRODUCT_LAUNCH for products. */
    private EventType classify(String object, int os, int oe) {
        String first = object;
        for (String sep : new String[] {"、", "，", ",", "以及", "及其", "和"}) {
            int i = first.indexOf(sep);
            if (i > 1) {
                first = first.substring(0, i);
            }
        }
        if (APP_FORM.in(first)) {
            return EventType.PRODUCT_LAUNCH;
        }
        int modelAt = MODEL_HEADS.lastEnd(first, 0, first.length());
        int productAt = PRODUCT_HEADS.lastEnd(first, 0, first.length());
        for (int i5 = OrgFinder.firstAt(hits, os), to5 = os + first.length(); i5 < hits.size(); i5++) {
            Knowledge.Hit h = hits.get(i5);
            if (h.start() >= to5) {
                break;
            }
            if (h.end() > to5) {
                continue;
            }
            if (h.term().kind() == Knowledge.Kind.MODEL) {
                modelAt = Math.max(modelAt, h.end() - os);
            }
        }
        if (modelAt < 0 && productAt < 0) {
            return null;
        }
        return modelAt >= productAt ? EventType.MODEL_RELEASE : EventType.PRODUCT_LAUNCH;
    }

    private static final Words MODEL_HEADS = Words.of("模型", "模型产品", "模型系列", "GPT", "LLM", "Llama", "LLaMA");
    private static final Words PRODUCT_HEADS = Words.of(PRODUCT_HEAD.pattern().split("\\|"));

    /** The model or product name in an object phrase: a quoted or Latin name, a catalogue model, the phrase. */
    private String productName(int os, int oe) {
        String obj = text.substring(os, oe).trim();
        if (obj.indexOf('“') >= 0 || obj.indexOf('《') >= 0) { // where a quoted or titled name can start
            Matcher q = QUOTED_NAME.matcher(obj);
            if (q.find()) {
                return q.group(1) != null ? q.group(1) : q.group(2);
            }
        }
        for (int i6 = OrgFinder.firstAt(hits, os), to6 = oe; i6 < hits.size(); i6++) {
            Knowledge.Hit h = hits.get(i6);
            if (h.start() >= to6) {
                break;
            }
            if (h.end() > to6) {
                continue;
            }
            if (h.term().kind() == Knowledge.Kind.MODEL) {
                int e = h.end();
                while (e < oe && (Character.isLetterOrDigit(text.charAt(e)) || ".-".indexOf(text.charAt(e)) >= 0)) {
                    e++;
                }
                return text.substring(h.start(), e);
            }
        }
        Matcher latin = LATIN_NAME.matcher(obj);
        String best = null;
        while (latin.find()) {
            String l = latin.group();
            if (l.length() >= 2 && !l.equals("AI") && !l.equals("AIGC") && (best == null || l.length() > best.length())) {
                best = l;
            }
        }
        if (best != null) {
            return best.trim();
        }
        obj = OBJECT_HEAD.matcher(obj).replaceAll("").trim();
        return obj.length() > 40 ? obj.substring(0, 40) : obj.isEmpty() ? null : obj;
    }

    private String modelSector(int os, int oe) {
        for (int i7 = OrgFinder.firstAt(hits, os), to7 = oe; i7 < hits.size(); i7++) {
            Knowledge.Hit h = hits.get(i7);
            if (h.start() >= to7) {
                break;
            }
            if (h.end() > to7) {
                continue;
            }
            if (h.term().kind() == Knowledge.Kind.MODEL) {
                return h.term().sector();
            }
        }
        return null;
    }

    /** Without a named maker, a catalogue model's maker ("文心一言...向全社会开放"). */
    private OrgMention makerOfModel(int from, int to) {
        for (int i8 = OrgFinder.firstAt(hits, from), to8 = to; i8 < hits.size(); i8++) {
            Knowledge.Hit h = hits.get(i8);
            if (h.start() >= to8) {
                break;
            }
            if (h.end() > to8) {
                continue;
            }
            if (h.term().kind() == Knowledge.Kind.MODEL) {
                String maker = h.term().model().maker();
                Company c = orgFinder.lookup(maker);
                return new OrgMention(h.start(), h.end(), c != null ? c.name() : maker, c, null, null,
                        OrgMention.DESCRIPTOR, false);
            }
        }
        return null;
    }

    /** "腾讯、知乎、微博和美图等企业均发布了": all names of a list that starts with the subject. */
    private List<OrgMention> enumeration(int si, OrgMention subject, int trigger) {
        List<OrgMention> out = new ArrayList<>();
        out.add(subject);
        OrgMention prev = subject;
        for (OrgMention o : orgs(si)) {
            if (o.start() < prev.end() || o.end() > trigger || o == subject) {
                continue;
            }
            String gap = text.substring(prev.end(), o.start()).trim();
            if (gap.equals("、") || gap.equals("和") || gap.equals("与") || gap.equals("及") || gap.equals(",")
                    || gap.equals("以及")) {
                out.add(o);
                prev = o;
            } else {
                break;
            }
        }
        if (out.size() > 1) {
            String after = text.substring(prev.end(), Math.min(trigger, prev.end() + 12));
            if (!after.contains("等")) {
                // "X 与 Y 发布": co-publishers, not a list of separate releases
                return List.of(subject);
            }
        }
        return out;
    }

    /** Co-actors after "联合"/"与": counterparties of a joint release. */
    private List<String> partners(int si, OrgMention subject, int trigger) {
        List<String> out = new ArrayList<>();
        Segmenter.Sentence s = sentences.get(si);
        if (subject.start() < s.start || subject.end() > trigger) {
            return out;
        }
        String between = text.substring(subject.end(), trigger);
        if (!(between.contains("联合") || between.contains("与") || between.contains("和") || between.contains("携手"))) {
            return out;
        }
        for (OrgMention o : orgs(si)) {
            if (o.start() >= subject.end() && o.end() <= trigger && !o.name().equals(subject.name())) {
                out.add(o.name());
            }
        }
        return out;
    }

    // PARTNERSHIP -----------------------------------------------------------

    private void partnership(int si, int from, int to) {
        Set<Integer> done = new HashSet<>();
        Anchored a = new Anchored(PARTNERSHIP, text, PARTNERSHIP_WORDS, from, to);
        Matcher m = a.matcher();
        while (a.find()) {
            int cs = clauseStart(si, m.start());
            if (FUTURE.in(text, cs, m.start()) || backgroundClause(cs, m.start())) {
                continue;
            }
            List<OrgMention> parties = new ArrayList<>();
            Segmenter.Sentence s = sentences.get(si);
            for (OrgMention o : actors(si, EventType.PARTNERSHIP)) {
                if (o.end() <= m.start() || (o.start() >= m.end() && o.start() <= m.end() + 12
                        && o.source() == OrgMention.REGISTRY)) {
                    parties.add(o);
                }
            }
            OrgMention subject = parties.isEmpty() ? null : parties.get(0);
            OrgMention maker = makerOfModel(cs, subject == null ? m.start() : subject.start());
            if (maker != null) {
                parties.add(0, maker);
                subject = maker;
            }
            if (subject == null) {
                subject = makerOfModel(s.datelineEnd, m.start());
                if (subject == null) {
                    continue;
                }
                parties.add(0, subject);
            }
            // the other party may be an organisation the finder only knows by its suffix or registry entry
            List<String> others = new ArrayList<>();
            for (OrgMention o : parties) {
                if (!o.name().equals(subject.name()) && !others.contains(o.name())) {
                    others.add(o.name());
                }
            }
            if (others.isEmpty()) {
                for (OrgMention o : orgs(si)) {
                    if (o.start() > subject.end() && o.end() <= m.end() + 12 && !o.name().equals(subject.name())
                            && o.source() == OrgMention.REGISTRY) {
                        others.add(o.name());
                    }
                }
            }
            if (others.isEmpty() && subject.end() <= m.start()) {
                // "X 近日与东风柳州汽车达成战略合作": a party the finder does not know, named after 与
                String named = partyAfterWith(subject.end(), m.start());
                if (named != null) {
                    others.add(named);
                    int at = text.lastIndexOf(named, m.start());
                    if (at >= subject.end()) {
                        unknownNames.add(new int[] {at, at + named.length()});
                    }
                }
            }
            if (others.isEmpty()) {
                continue;
            }
            Candidate c = add(EventType.PARTNERSHIP, subject, si, m.start(), m.end());
            if (c != null) {
                c.counterparties = others;
                c.aboutStart = m.start();
                c.aboutEnd = c.clauseEnd;
                done.add(cs);
            }
        }
        // "英伟达宣布将在印度与信实工业合作建设...": a plain 与 X 合作 with a named actor before it
        a = new Anchored(PARTNER_WITH, text, WITH_WORDS, from, to);
        m = a.matcher();
        while (a.find()) {
            int cs = clauseStart(si, m.start());
            if (done.contains(cs) || FUTURE.in(text, cs, m.start()) || backgroundClause(cs, m.start())) {
                continue;
            }
            OrgMention subject = null;
            for (OrgMention o : actors(si, EventType.PARTNERSHIP)) {
                if (o.end() <= m.start() && o.source() != OrgMention.FALLBACK) {
                    subject = o;
                    break;
                }
            }
            if (subject == null) {
                continue;
            }
            String other = null;
            for (OrgMention o : orgs(si)) {
                if (o.start() >= m.start(1) && o.end() <= m.end(1)) {
                    other = o.name();
                    break;
                }
            }
            if (other == null) {
                other = partyName(m.group(1));
                unknownNames.add(new int[] {m.start(1), m.end(1)});
            }
            if (other == null || sameOrgName(other, subject.name())) {
                continue;
            }
            Candidate c = add(EventType.PARTNERSHIP, subject, si, m.start(), m.end());
            if (c != null) {
                c.counterparties = List.of(other);
                c.aboutStart = m.start();
                c.aboutEnd = c.clauseEnd;
                done.add(cs);
            }
        }
    }

    private static final Pattern PARTNER_WITH = Pattern.compile(
            "(?:与|和|同)\\s?([^,，。;；、与和]{2,16}?)\\s?(?:达成|签署|签订|开展|展开|深化|建立|宣布)?了?(?:战略)?(?:合作|联手|携手)"
            + "(?!伙伴|开发的|研发的|推出的|打造的|的)");
    private static final FirstWords ANNOUNCE = new FirstWords("宣布");
    private static final FirstWords WITH_WORDS = new FirstWords("与", "和", "同");
    private static final Words NOT_A_PARTY = Words.of(
            "客户", "用户", "伙伴", "各方", "企业", "行业", "高校", "机构", "合作", "相关", "多家", "更多", "国内外", "产业链",
            "生态", "政府", "部门", "地方", "开发者", "厂商", "公司", "团队", "学术界", "产业界", "社会", "大家", "我们", "他们");

    /** The name after 与/和/同 up to the verb, when it looks like a name. */
    private String partyAfterWith(int from, int to) {
        String between = text.substring(from, to);
        int w = Math.max(between.lastIndexOf('与'), Math.max(between.lastIndexOf('和'), between.lastIndexOf('同')));
        if (w < 0) {
            return null;
        }
        String rest = between.substring(w + 1);
        for (String verb : new String[] {"达成", "签署", "签订", "开展", "展开", "深化", "建立", "宣布"}) {
            int i = rest.indexOf(verb);
            if (i > 0) {
                rest = rest.substring(0, i);
            }
        }
        return partyName(rest);
    }

    private static String partyName(String raw) {
        String n = Names.canonical(raw.trim());
        if (n.length() < 2 || n.length() > 16 || NOT_A_PARTY.in(n) || NOT_A_NAME_CHARS.matcher(n).matches()) {
            return null;
        }
        return n;
    }

    private static boolean sameOrgName(String a, String b) {
        return a.contains(b) || b.contains(a);
    }

    // PERSONNEL -------------------------------------------------------------

    private void personnel(int si, int from, int to) {
        Segmenter.Sentence s = sentences.get(si);
        if (!ROLE_F.scan(text, s.start, s.end).find()) {
            return;
        }
        Finder.Scan joins = PERSONNEL_JOIN_F.scan(text, from, to);
        Matcher m = joins.matcher();
        while (joins.find()) {
            int cs = clauseStart(si, m.start());
            String before = text.substring(cs, m.start());
            if (backgroundClause(cs, m.start()) || before.contains("过") || before.contains("曾")) {
                continue;
            }
            OrgMention org = null;
            for (OrgMention o : orgs(si)) {
                if (o.start() >= m.end() && o.start() <= m.end() + 60 && !o.isKind("media")) {
                    if (opensWith(o.end(), Math.min(s.end, o.end() + 8), PERSON_WORDS)) {
                        continue;
                    }
                    org = o;
                    String gap = text.substring(m.end(), o.start());
                    if (!gap.contains("联合创立") && !gap.contains("创立的") && !gap.contains("创办的")) {
                        break;
                    }
                }
            }
            if (org == null) {
                String after = text.substring(m.end(), Math.min(s.end, m.end() + 3));
                if (after.startsWith("公司")) {
                    org = coreference(si, EventType.PERSONNEL);
                } else {
                    org = subjectBefore(si, m.start(), cs, EventType.PERSONNEL);
                }
            }
            if (org == null) {
                // "百度宣布,王海峰出任首席技术官": the organisation that announces it
                for (OrgMention o : actors(si, EventType.PERSONNEL)) {
                    if (o.end() > cs) {
                        continue; // only an organisation before the clause announces it
                    }
                    String after = text.substring(o.end(), Math.min(m.start(), o.end() + 6));
                    if ((after.startsWith("宣布") || after.startsWith("公告") || after.startsWith("发布公告")
                            || after.startsWith("官宣"))) {
                        org = o;
                        break;
                    }
                }
            }
            Candidate c = add(EventType.PERSONNEL, org, si, m.start(), m.end());
            if (c != null) {
                c.product = personAndRole(s.start, m.start());
            }
        }
        Finder.Scan appoints = APPOINT_F.scan(text, from, to);
        m = appoints.matcher();
        while (appoints.find()) {
            int cs = clauseStart(si, m.start());
            if (backgroundClause(cs, m.start())) {
                continue;
            }
            Candidate c = add(EventType.PERSONNEL, subjectBefore(si, m.start(), cs, EventType.PERSONNEL), si,
                    m.start(), m.end());
            if (c != null) {
                c.product = m.group(1).trim() + " (" + m.group(2) + ")";
            }
        }
        Finder.Scan leaves = PERSONNEL_LEAVE_F.scan(text, from, to);
        m = leaves.matcher();
        while (leaves.find()) {
            int cs = clauseStart(si, m.start());
            if (backgroundClause(cs, m.start())) {
                continue;
            }
            OrgMention org = null;
            for (OrgMention o : orgs(si)) {
                if (o.end() <= m.start() && o.start() >= s.datelineEnd && !o.isKind("media")) {
                    org = o;
                    break;
                }
            }
            Candidate c = add(EventType.PERSONNEL, org, si, m.start(), m.end());
            if (c != null) {
                c.product = personAndRole(s.start, m.start());
            }
        }
    }

    private static final Pattern ROLE_PERSON = Pattern.compile(
            "(CEO|CTO|COO|CFO|CMO|CSO|总裁|副总裁|首席[\\p{IsHan}]{1,5}官|董事长|总经理|联合创始人|首席科学家)\\s?"
            + "([\\p{IsHan}]{2,3}|[A-Z][a-z]+(?:\\s[A-Z][a-z]+)?)");
    static final Finder ROLE_PERSON_F = new Finder(ROLE_PERSON, "CEO", "CTO", "COO", "CFO", "CMO", "CSO", "总裁", "副总裁",
            "首席", "董事长", "总经理", "联合创始人");

    private String personAndRole(int from, int to) {
        Finder.Scan roles = ROLE_PERSON_F.scan(text, from, to);
        Matcher m = roles.matcher();
        String found = null;
        while (roles.find()) {
            String person = m.group(2);
            for (String cut : new String[] {"在", "宣", "表", "跟", "将", "于", "已", "称"}) {
                int i = person.indexOf(cut);
                if (i > 1) {
                    person = person.substring(0, i);
                }
            }
            found = person + " (" + m.group(1) + ")";
        }
        return found;
    }

    // RESEARCH --------------------------------------------------------------

    private static final String[] RESEARCH_NOUNS = {
        "论文", "成果", "结果", "突破", "预报", "纪录", "Nature", "Science", "自然", "科学", "Cell", "提高了", "提升了",
        "预印本", "arXiv", "ArXiv"};

    private void research(int si, int from, int to) {
        String sentence = text.substring(from, to);
        boolean any = false;
        for (String n : RESEARCH_NOUNS) {
            if (sentence.contains(n)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return;
        }
        Finder.Scan results = RESEARCH_F.scan(text, from, to);
        Matcher m = results.matcher();
        while (results.find()) {
            int cs = clauseStart(si, m.start());
            if (FUTURE.in(text, cs, m.start()) || backgroundClause(cs, m.start())) {
                continue;
            }
            OrgMention subject = subjectBefore(si, m.start(), cs, EventType.RESEARCH);
            if (subject == null && text.substring(cs, m.start()).contains("研究")) {
                subject = coreference(si, EventType.RESEARCH);
            }
            if (subject == null || subject.isKind("media") || subject.isKind("investor")) {
                continue;
            }
            Candidate c = add(EventType.RESEARCH, subject, si, m.start(), m.end());
            if (c != null) {
                c.aboutStart = sentences.get(si).start;
                c.aboutEnd = sentences.get(si).end;
            }
        }
    }

    // REPORT ----------------------------------------------------------------

    private void report(int si, int from, int to) {
        Segmenter.Sentence s = sentences.get(si);
        Set<Integer> used = new HashSet<>();
        Set<Integer> usedClauses = new HashSet<>();
        // "根据 X 统计" / "据 X 数据显示"
        Anchored a = new Anchored(REPORT_BY, text, BY_WORDS, s.start, to);
        Matcher m = a.matcher();
        while (a.find()) {
            OrgMention by = null;
            for (OrgMention o : orgs(si)) {
                if (o.start() >= m.start(1) && o.end() <= m.end(1) && !o.isKind("media")) {
                    by = o;
                }
            }
            if (by == null) {
                by = describedPublisher(m.start(1), m.end(1));
            }
            if (by != null) {
                reportAt(si, by, m.start(), m.end());
                used.add(by.start());
                usedClauses.add(clauseStart(si, m.start()));
            }
        }
        // "X 发布的 ... 报告显示" / "X 发布研报称"
        for (int[] r : releaseVerbs(from, to)) {
            int rs = r[0];
            int re = r[1];
            int ce = clauseEnd(si, re);
            String object = text.substring(re, ce);
            if (!REPORT_OBJECT.in(object)) {
                continue;
            }
            int cs = clauseStart(si, rs);
            if (FUTURE.in(text, cs, rs)) {
                continue;
            }
            OrgMention subject = subjectBefore(si, rs, cs, EventType.REPORT);
            if (subject == null || used.contains(subject.start())) {
                continue;
            }
            used.add(subject.start());
            usedClauses.add(cs);
            reportAt(si, subject, rs, re);
        }
        // "X 预计 / X 公布预测称 / X：预计..." (not a person speaking)
        a = new Anchored(REPORT_VERB, text, REPORT_VERBS, from, to);
        m = a.matcher();
        while (a.find()) {
            int cs = clauseStart(si, m.start());
            if (usedClauses.contains(cs)) {
                continue;
            }
            OrgMention subject = null;
            for (OrgMention o : actors(si, EventType.REPORT)) {
                if (o.start() >= cs && o.end() <= m.start() && m.start() - o.end() <= 24) {
                    subject = o;
                    break;
                }
            }
            if (subject == null || used.contains(subject.start()) || subject.isKind("media")) {
                continue;
            }
            String gap = text.substring(subject.end(), m.start());
            if (SPEAKER.in(gap)) {
                continue;
            }
            String verb = m.group(1);
            if ((verb.equals("预计") || verb.equals("预测") || verb.equals("估计")) && !analystLike(subject)) {
                continue; // a company forecasting its own business is not a published forecast
            }
            used.add(subject.start());
            reportAt(si, subject, m.start(), m.end());
        }
        // headline "X：预计到 2026 年..."
        int colon = text.substring(s.start, Math.min(s.end, s.start + 24)).indexOf(':');
        if (colon < 0) {
            return;
        }
        for (OrgMention o : actors(si, EventType.REPORT)) {
            if (o.start() - s.start > 2 || used.contains(o.start()) || o.isKind("media")) {
                continue;
            }
            Matcher h = REPORT_HEADLINE.matcher(text).region(o.end(), to);
            if (h.lookingAt()) {
                reportAt(si, o, o.end(), h.end());
            }
        }
    }

    private static final Pattern PUBLISHER_DESCRIPTOR = Pattern.compile(
            "^(?:第三方)?(?:数据)?(?:机构|平台|公司|研究机构|咨询机构|咨询公司|数据服务商|研究院)");

    /** "根据第三方机构烯牛数据统计": a publisher the registry does not know, named after a descriptor. */
    private OrgMention describedPublisher(int from, int to) {
        String group = text.substring(from, to);
        Matcher d = PUBLISHER_DESCRIPTOR.matcher(group);
        if (!d.find()) {
            return null;
        }
        String name = group.substring(d.end()).trim();
        if (name.length() < 2 || name.length() > 12) {
            return null;
        }
        return new OrgMention(from + d.end(), to, Names.canonical(name), orgFinder.lookup(name), null, null,
                OrgMention.DESCRIPTOR, false);
    }

    private static final Pattern ANALYST_NAME = Pattern.compile(
            "(?:研究院|研究所|研究中心|咨询|数据|证券|智库|Research|Capital|Insights|Analytics|Partners|资本|协会|联盟)$");

    /** Who publishes forecasts: research bodies, consultancies, data firms, brokers, governments, media. */
    private static boolean analystLike(OrgMention o) {
        Company c = o.company();
        if (c == null) {
            return ANALYST_NAME.matcher(o.name()).find();
        }
        String kind = c.kind() == null ? "" : c.kind();
        if (!kind.equals("company")) {
            return true;
        }
        return "general".equals(c.sector()) || "finance".equals(c.sector()) || ANALYST_NAME.matcher(c.name()).find();
    }

    private void reportAt(int si, OrgMention subject, int start, int end) {
        Candidate c = add(EventType.REPORT, subject, si, start, end);
        if (c != null) {
            c.aboutStart = start;
            c.aboutEnd = sentences.get(si).end;
            Finder.Scan titles = TITLE_F.scan(text, start, Math.min(c.clauseEnd + 1, sentences.get(si).end));
            Matcher t = titles.matcher();
            if (titles.find()) {
                c.product = "《" + t.group(1) + "》";
            }
        }
    }

    // SETBACK ---------------------------------------------------------------

    private void setback(int si, int from, int to) {
        Anchored a = new Anchored(SETBACK, text, SETBACK_WORDS, from, to);
        Matcher m = a.matcher();
        while (a.find()) {
            int cs = clauseStart(si, m.start());
            String before = text.substring(cs, m.start());
            if (before.contains("如果") || before.contains("可能") || before.contains("而非") || before.contains("避免")) {
                continue;
            }
            OrgMention subject = subjectBefore(si, m.start(), cs, EventType.SETBACK);
            if (subject == null && !INDEFINITE.in(before)) {
                subject = coreference(si, EventType.SETBACK);
            }
            add(EventType.SETBACK, subject, si, m.start(), m.end());
        }
    }

    // ------------------------------------------------------------------ dates of candidates

    /** The last day-precise date of the previous sentences of the same item (a dateline without a date). */
    private LocalDate earlierInItem(int si) {
        Segmenter.Sentence s = sentences.get(si);
        for (int k = si - 1; k >= 0 && k >= si - 3; k--) {
            Segmenter.Sentence p = sentences.get(k);
            if (p.item != s.item) {
                break;
            }
            if (p.datelineEnd == p.start) {
                continue; // only the sentence that opens the item with a dateline dates what follows
            }
            List<DateParser.Mention> ds = dates(k);
            for (int i = ds.size() - 1; i >= 0; i--) {
                if (ds.get(i).precision() == DateParser.Precision.DAY && !ds.get(i).relativeDay()) {
                    return ds.get(i).date();
                }
            }
        }
        return null;
    }

    /** Date of a candidate: its own clause, earlier in its sentence, a 截至 date after, the item, the article. */
    void date(Candidate c) {
        Segmenter.Sentence s = sentences.get(c.sentence);
        DateParser.Mention own = null;
        DateParser.Mention before = null;
        DateParser.Mention yearOnly = null;
        for (DateParser.Mention m : dates(c.sentence)) {
            if (m.start() < s.datelineEnd) {
                continue;
            }
            boolean usable = m.precision() != DateParser.Precision.YEAR;
            if (m.start() >= c.clauseStart && m.end() <= c.clauseEnd && usable) {
                if (own == null || m.start() < c.trigger) {
                    own = m;
                }
            } else if (m.end() <= c.clauseStart && usable) {
                before = m;
            }
            if (!usable && m.end() <= c.trigger && !m.relativeDay()) {
                yearOnly = m; // "2021年,百度发布了...": a year of its own before the event
            }
        }
        DateParser.Mention pick = own != null && !(own.relativeDay() && before != null) ? own : before;
        if (pick == null && c.type == EventType.REPORT) {
            for (DateParser.Mention m : dates(c.sentence)) {
                if (m.start() >= c.trigger && m.precision() != DateParser.Precision.YEAR
                        && text.substring(Math.max(s.start, m.start() - 3), m.start()).contains("截至")) {
                    pick = m;
                    break;
                }
            }
        }
        if (pick != null) {
            c.date = pick.date();
            c.dateStrength = pick.relativeDay() ? Candidate.DATE_ITEM : Candidate.DATE_OWN;
        } else if (itemDates.containsKey(s.item)) {
            c.date = itemDates.get(s.item);
            c.dateStrength = Candidate.DATE_ITEM;
        } else if (earlierInItem(c.sentence) != null) {
            c.date = earlierInItem(c.sentence);
            c.dateStrength = Candidate.DATE_ITEM;
        } else if (articleDated) {
            c.date = anchor;
            c.dateStrength = Candidate.DATE_ARTICLE;
        } else {
            c.date = null;
            c.dateStrength = Candidate.DATE_NONE;
        }
        // background: dated more than 12 months before the article
        if (anchor != null) {
            LocalDate limit = anchor.minusMonths(12);
            if (c.date != null && c.dateStrength == Candidate.DATE_OWN && c.date.isBefore(limit)) {
                c.background = true;
            }
            if (pick == null && yearOnly != null && yearOnly.date().getYear() < anchor.getYear()) {
                c.background = true;
            }
        }
    }
}
