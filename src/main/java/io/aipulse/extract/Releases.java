package io.aipulse.extract;

import io.aipulse.article.Titles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Release statements, read once per sentence for {@link ModelReleaseRule} and {@link ProductLaunchRule}: a
 * release verb of the dictionary pass ({@link ReleaseVerbs}) with its object, after it or before it when the
 * verb ends the clause ("...大模型正式发布"); the object's head says whether a model or a product is released.
 * Also the names a release gives: the product, the model's sector, the maker of a catalogue model.
 */
final class Releases {

    /** One release verb of a sentence, with its clause and object and the type its object gives. */
    record Release(int verbStart, int verbEnd, int clauseStart, int objectStart, int objectEnd, boolean objectBefore,
                   EventType type, boolean integration) {
    }

    private static final Pattern ADJECTIVE_AFTER = Pattern.compile(
            "^(?:人工智能|AI\\s?)?(?:大?模型|开发|社区|软件|项目|架构|生态|操作系统|的|式|版本|协议|力量|代码|框架|数据|平台|合作|共享|领域|世界)");
    private static final Pattern TEMPORAL_TAIL = Pattern.compile("以来|之后|以后|了|过|至今");
    private static final Pattern PARENS = Pattern.compile("\\([^()]{0,30}\\)|（[^（）]{0,30}）");
    private static final Pattern OBJECT_HEAD = Pattern.compile("^(?:了|出|的)");
    private static final Pattern QUOTED_NAME = Pattern.compile("“([^”]{1,30})”|《([^》]{1,40})》");
    private static final Pattern LATIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9.\\-]*(?:\\s[A-Za-z0-9][A-Za-z0-9.\\-]*){0,4}");

    /** an exchange where the verb happens, right before it: what appears there is a company listing */
    private static final Pattern AT_EXCHANGE = Pattern.compile("(?:在|于)" + Finder.anyOf(IpoStageParser.EXCHANGES) + "[^，。；,;]{0,4}$");

    /** the heads of an object that make it a model, and those that make it a product */
    private static final Words MODEL_HEADS = Words.of("模型", "模型产品", "模型系列", "GPT", "LLM", "Llama", "LLaMA");
    private static final Words PRODUCT_HEADS = Words.of(
            "平台", "工具", "功能", "产品", "应用", "App", "APP", "app", "助手", "助理", "集群", "服务", "系统", "芯片", "社区", "机器人", "终端",
            "手机", "电脑", "PC", "眼镜", "方案", "引擎", "框架", "数据集", "插件", "客户端", "软件", "硬件", "设备", "网站", "小程序",
            "智能体", "Agent", "API", "接口", "游戏", "版本", "汽车", "车型", "工厂", "一体机", "服务器", "处理器", "显卡", "眼镜",
            "耳机", "手表", "音箱", "学习机", "翻译机", "模组", "传感器", "大脑", "操作系统", "浏览器", "搜索", "GPU", "CPU", "NPU",
            "TPU", "DPU", "加速卡", "无人车", "Robotaxi", "机器狗", "超节点", "座舱", "灵巧手", "机械臂", "无人机", "摄像头", "平板",
            "笔记本", "开发板", "客服", "智驾", "数字人",
            // a data set by another name, a digital worker, a truck ("训练语料库", "AI数字员工", "无人轻卡")
            "语料库", "数字员工", "卡车", "轻卡", "重卡",
            // the words of Taiwan and Hong Kong news that the script conversion keeps (晶片 = 芯片, 筆電 = 笔记本电脑)
            "晶片", "笔电", "软体", "硬体", "伺服器", "程式");
    /**
     * heads that are neither a model nor a product: "发布AI服务技术体系", "推出出海战略" (the head noun is the last
     * one; a product word before it is a modifier)
     */
    private static final Words ABSTRACT_HEADS = Words.of("体系", "战略", "理念", "概念", "愿景", "倡议", "路线图", "计划", "生态", "项目",
            "基准", "榜单", "结果", "评测", "测评", "预测", "预估", "展望",
            // a partner of the one who launches ("成为苹果在中国推出AI服务的合作伙伴"), never the thing launched
            "伙伴",
            // a way of doing things ("推出一种'典范转移'模型发布方法", "推出新的商业模式")
            "方法", "模式", "方式", "范式",
            // news of the work, not the work ("发布了行业大模型的研发进展")
            "进展",
            // a company is never what is launched: "官宣拟收购本土AI芯片企业" announces a deal
            "企业", "公司");
    /** the ways a model is offered that are part of its release, not a product of their own */
    private static final Words ACCESS_HEADS = Words.of("API", "接口", "权重");
    /** the words of a version: after a model's head they name the model's version, not a product */
    private static final Words VERSION_HEADS = Words.of("版本", "正式版", "预览版");
    /** what makes a relative clause "X 此次发布的 Y" news of the release */
    private static final Words NEWS_MARKS = Words.of("此次", "本次", "这次", "最新", "新", "重磅", "刚刚", "刚", "今天", "今日", "近日",
            "日前", "正式", "首次", "首款", "昨天", "昨日");
    /** adverbs between an object and its verb ("网页端正式上线") */
    private static final List<String> TRAILING_ADVERBS = List.of(" ", "正式", "已经", "已", "也", "均", "都", "宣布", "同步", "全面",
            "还", "并", "首次", "悄然");
    /** adverbs of manner that a release told as a noun keeps between 的 and the verb ("X的强势推出", "X的正式上线") */
    private static final List<String> MANNER_ADVERBS = List.of("正式", "强势", "全面", "首次", "成功", "重磅", "相继", "陆续");
    /** the characters a name does not run over: function words, verbs of a next clause, punctuation */
    private static final String NAME_STOPS = "的是并和与及、,，。;；:：“”「」()（） 将已也在于为";
    /** the time words an object phrase can end with, not part of the name ("...新品的同时", "...眼镜后") */
    private static final List<String> TIME_TAILS = List.of("的同时", "之后", "以后", "以来", "后");
    /** the end of a span of time that starts at a release ("从...发布到现在") */
    private static final Words SINCE_THEN = Words.of("到现在", "到如今", "到今天", "至今");
    /** the ways a thing is opened to users: "开放公测", "上线内测", "开放邀请测试" */
    private static final Words TEST_MODES = Words.of("测试", "公测", "内测", "体验", "试用");
    /** the tests that open a product to its users ("开启公测"), not those of an engineer ("启动道路测试") */
    private static final Words USER_TESTS = Words.of("公测", "内测", "邀请测试", "邀测", "预售");
    /** what a government issues, ending a release's object: not a product ("方案" and "措施" end products too) */
    private static final Words RULES_ISSUED = Words.of("新规", "新政", "规定", "办法", "条例", "政策", "法案", "法规", "禁令",
            "管制措施", "行政命令", "实施意见", "行动计划", "行动方案", "实施方案", "推动方案", "推进方案", "工作方案", "若干措施", "国家标准",
            "行业标准", "指导意见", "工作要点", "政策文件",
            // a notice a regulator issues: "发布了关于X境外发行上市备案通知书"
            "通知书", "通知");

    /** what an unveiling lifts: "揭开...的面纱" */
    private static final Words VEIL = Words.of("面纱");
    /** what goes on sale that is no product: tickets, shares */
    private static final Words NOT_FOR_SALE = Words.of("门票", "票", "股", "债", "认购");
    /** what is offered before 发售 in a listing */
    private static final Words OFFERINGS = Words.of("全球", "公开", "股份", "新股");
    /** verbs that put a thing online somewhere ("上线千帆平台") */
    private static final List<String> ONLINE_VERBS = List.of("上线", "上架");
    /** the places a model goes online: the object of 上线 when a model stands before the verb */
    private static final Words VENUE_HEADS = Words.of("平台", "社区", "商店", "官网", "GitHub", "Hugging Face", "HuggingFace",
            "魔搭", "ModelScope");
    /** adverbs right before 开源/开放 that make it the verb, not the adjective ("同步开源代码", "正式开源大模型") */
    private static final Words VERB_ADVERBS = Words.of("同步", "正式", "宣布", "全面", "全部", "首次", "率先", "已", "也", "并", "均",
            "再次", "直接", "全系列", "悄然");
    /** an app's form ("安卓版"): a product whatever its name */
    private static final Words APP_FORM = Words.of("安卓版", "iOS版", "iOS 版", "安卓 版", "客户端", "网页版", "桌面版", "移动版",
            "网页端", "移动端", "桌面端", "电脑端", "PC端", "App", "APP",
            // the editions an app is offered in: "上线国内版", "推出企业版"
            "国内版", "国际版", "海外版", "企业版", "专业版", "个人版", "教育版", "免费版", "鸿蒙版",
            // a version opened to the public for a trial: "已推出公众试运行版"
            "测试版", "公测版", "试运行版", "体验版", "试用版");
    /** objects that name no product at all */
    private static final List<String> GENERIC_OBJECTS = List.of("产品", "新品", "新产品", "相关产品", "产品和服务");
    /**
     * a class of makers before the verb, named by some of its members: "A、B等企业陆续推出...产品", "Nvidia等晶片厂商专为中国
     * 市场推出降规版产品", "PC大厂如华硕、宏碁、微星都推出产品": with nothing named, a trend of the trade, not a launch
     */
    private static final Pattern CLASS_OF_MAKERS = Pattern.compile("(?:等|在内的)[^，。；,;]{0,12}?"
            + "(?:企业|厂商|公司|大厂|品牌|巨头|玩家|车企|大模型)|如[^，。；,;、]{1,10}、");
    /** objects that the research rule reads */
    private static final Words RESEARCH_OBJECT = Words.of("论文", "研究成果", "科研成果", "研究结果", "研究文章", "实验结果", "模拟结果", "实验模拟");

    private Releases() {
    }

    /** {@link ReleaseVerbs#VERBS} as a set: the dictionary's words of every sentence read are looked up in it */
    private static final Set<String> VERB_SET = Set.copyOf(ReleaseVerbs.VERBS);

    /** Release verbs of {@code [from, to)} from the dictionary pass: {start, end, verb start, verb end} each. */
    static List<int[]> verbs(ArticleContext article, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int last = -1;
        for (Knowledge.Hit h : article.hitsIn(from, to)) {
            if (h.term().kind() != Knowledge.Kind.WORD || h.start() < last || !VERB_SET.contains(h.term().key())) {
                continue;
            }
            int[] verb = ReleaseVerbs.at(article.text(), h.start(), to);
            if (verb != null) {
                out.add(verb);
                last = verb[1];
            }
        }
        return out;
    }

    /** The release statements of a sentence: verbs that release something now, with a model or product object. */
    static List<Release> read(SentenceContext s) {
        String text = s.text();
        List<Release> out = new ArrayList<>();
        for (int[] v : verbs(s.article(), s.from(), s.end())) {
            int ts = v[0];
            int te = v[1];
            String verb = text.substring(v[2], v[3]);
            char next = te < text.length() ? text.charAt(te) : ' ';
            boolean perfective = text.startsWith("了", te - 1);
            if (Titles.inside(text, s.start(), ts, TITLE_REACH)) {
                continue; // "印发《关于...开放推动新场景...的实施意见》": a word of a document's name, not a release
            }
            if (("会时后前者权是".indexOf(next) >= 0 || text.startsWith("日期", te)) && !perfective) {
                continue; // 发布会, 发布时, 上线后, "输入长度上线是在为...铺路": a noun or a time, not a release
            }
            if ((verb.equals("开源") || verb.equals("开放") || verb.equals("公开")) && !perfective
                    && VERB_ADVERBS.lastEnd(text, Math.max(s.from(), ts - 3), ts) != ts
                    && ADJECTIVE_AFTER.matcher(text.substring(te, Math.min(s.end(), te + 6))).find()) {
                continue;
            }
            if (ts > 0 && "未不没尚待".indexOf(text.charAt(ts - 1)) >= 0) {
                continue;
            }
            int manner = Cues.withoutTrailing(text, s.from(), ts, MANNER_ADVERBS);
            if (manner > s.from() && text.charAt(manner - 1) == '的' && !perfective) {
                continue; // "此次“元宝”的推出,不仅是...", "成就了X的强势推出": a noun, the release told as a topic
            }
            if (next == '的' && !perfective && !NEWS_MARKS.in(text, s.clauseStart(ts), ts) && !dated(text, s.clauseStart(ts), ts)) {
                continue; // "Anthropic推出的Claude以68分摘得桂冠": the product named by its maker, not news of a release
            }
            int cs = s.clauseStart(ts);
            int ce = s.clauseEnd(te);
            if (AT_EXCHANGE.matcher(text).region(cs, ts).find()) {
                continue; // "MiniMax在港交所亮相", "两家独角兽在港股连轴登场": a debut at an exchange is a listing
            }
            if (ReleaseVerbs.INTEGRATIONS.contains(verb) && text.substring(te, ce).isBlank()) {
                continue; // "支持第三方模型接入": what a product can take in, not what it has brought in
            }
            if (verb.equals("发售") && OFFERINGS.in(text, Math.max(s.from(), ts - 2), ts)) {
                continue; // "全球发售", "公开发售": shares offered in a listing, not a product on sale
            }
            if (verb.equals("更新") && text.startsWith("为", te)) {
                continue; // "其身份已更新为'Kimi总裁'": a record changed to read something, no new version
            }
            if (ReleaseVerbs.UNVEILINGS.contains(verb) && !VEIL.in(text, te, ce)) {
                continue; // "揭开序幕", "揭开...的秘密": only a veil lifted off a thing launches it
            }
            if (ReleaseVerbs.TEST_OPENINGS.contains(verb) && !USER_TESTS.in(text, te, ce)) {
                continue; // "启动项目", "开启道路测试": only a test opened to users launches something
            }
            if (s.future(cs, ts) || s.background(cs, ts) || Cues.OPINION.in(text, cs, ts) || Cues.willBefore(text, cs, ts)) {
                continue;
            }
            if (causeBefore(text, cs, ts)) {
                continue; // "因推出通用型AI代理服务而爆红", "因为...其开源Llama 4模型反应不佳": the cause of what the clause tells
            }
            // the object: after the verb, or before it when the verb ends the clause
            int os = te;
            int oe = ce;
            boolean objectBefore = false;
            String after = text.substring(te, ce).trim();
            if (after.startsWith("以后") || after.startsWith("之后") || after.startsWith("以来") && !dated(text, cs, ts)
                    || after.endsWith("之后") || after.endsWith("以后")
                    || text.substring(cs, ts).contains("从") && (after.contains("之后") || after.contains("以后"))) {
                // a temporal clause: "ChatGPT 问世以后", "自 ChatGPT 面世以来" (not "自 7 月 1 日开放以来"), "从OpenAI
                // 在今年初发布了Sora之后": the time of what the sentence goes on to tell
                continue;
            }
            if ((text.substring(cs, ts).trim().startsWith("从") || text.substring(s.from(), ts).trim().startsWith("从"))
                    && SINCE_THEN.in(text, te, Math.min(s.end(), te + 40))) {
                continue; // "从 ChatGPT 发布到现在": a span of time from a past release
            }
            if (text.substring(Math.max(cs, s.from()), ts).stripLeading().startsWith("距")) {
                continue; // "距离OpenAI发布Sora已近一个月": the release is the point a span of time is counted from
            }
            if (Cues.timeOfAnother(after)) {
                continue; // "当 OpenAI 发布 GPT-5 时": the time of something else ("在...的同时" is the release itself)
            }
            // "将 X 开源至 GitHub": the directional complement names a venue; the object of 将/把 stands before
            boolean venueAfter = (after.startsWith("至") || after.startsWith("到")) && VENUE_HEADS.in(after);
            // "可灵自6月6日开放邀请测试后", "开放公测": the mode of the opening follows the verb, the thing opened precedes it
            boolean modeAfter = after.length() <= 8 && TEST_MODES.in(after) && classify(s.article(), after, te, true) == null;
            if (after.length() < 2 || venueAfter || modeAfter || TEMPORAL_TAIL.matcher(after).matches()) {
                os = cs;
                oe = ts;
                objectBefore = true;
                int dash = text.substring(cs, ts).lastIndexOf("——");
                if (dash >= 0) {
                    os = cs + dash + 2; // "迎来第三次升级——网页端正式上线": what the dash introduces is released
                }
                int venue = text.substring(os, ts).lastIndexOf('在');
                if (venue > 0) {
                    oe = os + venue;
                }
                int disposal = Math.max(text.substring(os, oe).lastIndexOf('将'), text.substring(os, oe).lastIndexOf('把'));
                if (disposal >= 0 && oe - (os + disposal + 1) >= 2) {
                    // "百度将 X 开源至 GitHub", "将最新推理模型Step-3正式开源": the object of 将/把 is X, its agent stands
                    // before 将 (a future 将 stands right before the verb and its adverbs, with no object between)
                    os += disposal + 1;
                }
                oe = withoutTrailingAdverbs(text, os, oe); // "网页端正式上线": 网页端
            }
            if (objectBefore && ANNOUNCEMENTS.contains(verb) && announcer(s, os, oe)) {
                continue; // "人形机器人公司优必选(09880)公布,以...收购": the company announces what the sentence goes on to tell
            }
            if (!objectBefore && describesByRelease(text, cs, ts, os, ce)) {
                continue; // "希迪智驾是中国首批推出V2X产品的公司": what the company is, told by what it once launched
            }
            String object = withoutParens(text.substring(os, oe));
            String trimmed = object.trim();
            if (RULES_ISSUED.lastEnd(trimmed, 0, trimmed.length()) == trimmed.length()) {
                continue; // "发布AI芯片出口管制新规": a rule issued, which the policy rule reads
            }
            if (classOfMakers(text, cs, ts) && !namesSomething(s.article(), object, os, oe)) {
                continue; // (a class that releases named things, "百度、第四范式等企业发布“文心一言”“式说”", is each one's)
            }
            if (GENERIC_OBJECTS.contains(object.trim())) {
                continue; // "A、B等企业陆续推出产品": no product named, a trend rather than a launch
            }
            if (ReportRule.REPORT_OBJECT.in(object) || objectBefore && ReportRule.agentOfReportBefore(s, cs, ts) != null) {
                continue; // the report rule reads it
            }
            if (RESEARCH_OBJECT.in(object) || object.contains("《") && !objectBefore) {
                continue;
            }
            if (objectBefore && RESEARCH_OBJECT.in(text, s.from(), ts)) {
                continue; // "X的一项研究成果,近日在《自然》上线", "相关成果论文...在《细胞》上线发表": a result appears
            }
            EventType type = classify(s.article(), object, os, true);
            if (ReleaseVerbs.UPGRADES.contains(verb) && BARE_VERSION.matcher(object.trim()).matches()
                    && isModel(s.article().firstHit(Knowledge.Kind.MODEL, cs, ts))) {
                type = EventType.MODEL_RELEASE; // "文心一言升级至4.0版本": a catalogue model's new version
            }
            if (!objectBefore && type != EventType.MODEL_RELEASE && versionOfModelMaker(s, object, ts)) {
                type = EventType.MODEL_RELEASE; // "MiniMax发布M2", "DeepSeek发布V3.1版本": a model maker's new version
            }
            if (type == null && objectBefore && ReleaseVerbs.SALES.contains(verb) && namesAThing(trimmed)
                    && !NOT_FOR_SALE.in(text, cs, ts)) {
                type = EventType.PRODUCT_LAUNCH; // "科大讯飞智能办公本X5正式开售": what goes on sale is a product
            }
            if (type == null && objectBefore && os > cs) {
                type = classify(s.article(), withoutParens(text.substring(cs, ts)), cs, false); // the clause before the dash
            }
            if (type == null && objectBefore) {
                type = classify(s.article(), withoutParens(text.substring(s.from(), ts)), s.from(), false);
            }
            if (!objectBefore && ONLINE_VERBS.contains(verb) && headEnd(VENUE_HEADS, object.trim()) == object.trim().length()) {
                // "文心大模型4.5 已上线千帆平台", "模型权重,已正式上线开源平台": the platform is where the model goes online
                if (MODEL_HEADS.in(text, s.from(), ts) || isModel(s.article().firstHit(Knowledge.Kind.MODEL, s.from(), ts))) {
                    os = cs;
                    oe = withoutTrailingAdverbs(text, cs, ts);
                    objectBefore = true;
                    type = EventType.MODEL_RELEASE;
                }
            }
            if (type == EventType.PRODUCT_LAUNCH && ACCESS_HEADS.in(object) && !object.contains("平台")
                    && out.stream().anyMatch(r -> r.type() == EventType.MODEL_RELEASE)) {
                continue; // "发布Kimi K2,并同步上线API": the model's API is part of its release
            }
            if (type == EventType.MODEL_RELEASE && ReleaseVerbs.INTEGRATIONS.contains(verb)) {
                type = EventType.PRODUCT_LAUNCH; // "微信接入DeepSeek": a model another made, a feature of the company's product
            }
            if (type == EventType.PRODUCT_LAUNCH && ReleaseVerbs.UPGRADES.contains(verb)) {
                continue; // "百度App迎来全新升级": a new version of a model is a release, an app's update is no launch
            }
            if (type != null) {
                out.add(new Release(ts, te, cs, os, oe, objectBefore, type, ReleaseVerbs.INTEGRATIONS.contains(verb)));
            }
        }
        launchEvents(s, out);
        return out;
    }

    /** the verbs of holding an event: "举行...发布会" */
    private static final List<String> HOLD_VERBS = List.of("举行", "召开", "举办");
    private static final String LAUNCH_EVENT = "发布会";
    /** what a launch event's name ends with besides what it launches: "...大模型全球首发发布会" */
    private static final List<String> LAUNCH_EVENT_TAILS = List.of("全球首发", "首发", "新品", "正式", "的");
    /** what makes 发布会 a press conference: "举办《...行动方案》新闻发布会" */
    private static final Words PRESS = Words.of("新闻", "新聞");
    /** how far before 发布会 the verb of holding it is looked for */
    private static final int HOLD_REACH = 40;

    /**
     * "X今日举行HKGAI V1大模型全球首发发布会": a launch event held for a named model or product is its release, the
     * one that holds it the subject (a launch event without one, "举行新品发布会", names nothing).
     */
    private static void launchEvents(SentenceContext s, List<Release> out) {
        String text = s.text();
        // the dictionary pass found every 发布 of the sentence already: the launch events are among them
        for (Knowledge.Hit h : s.article().hitsIn(s.from(), s.end())) {
            int e = h.start();
            if (h.term().kind() != Knowledge.Kind.WORD || !text.startsWith(LAUNCH_EVENT, e)
                    || e + LAUNCH_EVENT.length() > s.end() || PRESS.endsIn(text, Math.max(s.from(), e - 2), e)) {
                continue; // a press conference (新闻发布会) tells news, it launches nothing
            }
            int cs = s.clauseStart(e);
            int verb = -1;
            for (int i = e - 2; i >= Math.max(cs, e - HOLD_REACH) && verb < 0; i--) {
                for (String v : HOLD_VERBS) {
                    if (text.startsWith(v, i)) {
                        verb = i;
                    }
                }
            }
            if (verb < 0 || s.future(cs, verb) || s.background(cs, verb)) {
                continue;
            }
            int os = verb + 2;
            int oe = Cues.withoutTrailing(text, os, e, LAUNCH_EVENT_TAILS);
            String object = withoutParens(text.substring(os, oe)).trim();
            if (object.length() < 2 || GENERIC_OBJECTS.contains(object)) {
                continue;
            }
            EventType type = classify(s.article(), object, os, true);
            if (type != null && out.stream().noneMatch(r -> r.type() == type)) {
                out.add(new Release(verb, verb + 2, cs, os, oe, false, type, false));
            }
        }
    }

    /** the verbs of a release that also mean "announce": with only the announcer before them, nothing is released */
    private static final List<String> ANNOUNCEMENTS = List.of("公布", "官宣", "公开");

    /** {@code [os, oe)} ends with an organisation, then only its stock code or times ("优必选(09880)", "商务部当天"). */
    private static boolean announcer(SentenceContext s, int os, int oe) {
        for (OrgMention o : s.orgs()) {
            if (o.start() >= os && o.end() <= oe
                    && Cues.adverbsOnly(withoutParens(s.text().substring(o.end(), oe)).trim())) {
                return true;
            }
        }
        return false;
    }

    /** the conjunctions of a cause ("因...而", "因为", "由于"), not of a consequence (因此, 因而), nor 因应 (in answer to), nor 基因, 原因 */
    private static final List<String> CAUSES = List.of("因为", "由于", "因");
    private static final List<String> CONSEQUENCES = List.of("因此", "因而", "因应");

    /** A cause conjunction in {@code [cs, ts)}: a release told as the reason of something else. */
    private static boolean causeBefore(String text, int cs, int ts) {
        for (int i = cs; i < ts; i++) {
            char c = text.charAt(i);
            if ((c == '因' || c == '由') && (i == cs || "基原诱起".indexOf(text.charAt(i - 1)) < 0)
                    && Cues.opensWith(text, i, ts, CAUSES) && !Cues.opensWith(text, i, ts, CONSEQUENCES)) {
                return true;
            }
        }
        return false;
    }

    /** "X是...推出Y的公司": a 是 before the verb and a 的 closing its object make the release a description of X. */
    private static boolean describesByRelease(String text, int cs, int ts, int os, int ce) {
        if (text.substring(cs, ts).indexOf('是') < 0) {
            return false;
        }
        int de = text.indexOf('的', os);
        return de >= 0 && de < ce && DESCRIBED_KIND.in(text, de + 1, Math.min(ce, de + 12));
    }

    /** what a company is said to be after a release in a 是...的 description */
    private static final Words DESCRIBED_KIND = Words.of("公司", "企业", "厂商", "机构", "品牌", "之一", "先行者", "开创者");

    /** An object with a name of its own: a Latin or numbered model name ("办公本X5"), not a bare noun. */
    private static boolean namesAThing(String object) {
        return object.length() >= 2 && LATIN_NAME.matcher(object).find();
    }

    /** a version alone: "4.0版本", "V4" */
    private static final Pattern BARE_VERSION = Pattern.compile("[Vv]?\\d{1,3}(?:\\.\\d{1,3}){0,2}\\s?(?:版本|版)?");

    /** a bare versioned name, the whole object: "M2", "V3.1版本", "Step 3", "Seedream 4.0", "K2" */
    private static final Pattern VERSION_NAME = Pattern.compile(
            "[A-Z][A-Za-z]{0,12}[- ]?\\d+(?:\\.\\d+)*(?:[- ](?:Pro|Max|Plus|Turbo|Preview|mini|Mini|Flash))?(?:版本|版)?");

    /**
     * The object is only a versioned name and an organisation whose business is foundation models names it before
     * the verb: what such a maker releases under a version number is a model.
     */
    private static boolean versionOfModelMaker(SentenceContext s, String object, int verb) {
        if (!VERSION_NAME.matcher(object.trim()).matches()) {
            return false;
        }
        for (OrgMention o : s.orgs()) {
            if (o.start() >= s.from() && o.end() <= verb && o.company() != null
                    && "foundation-models".equals(o.company().sector())) {
                return true;
            }
        }
        return false;
    }

    /** how far back a title's opening mark is looked for */
    private static final int TITLE_REACH = 80;

    /** the parenthesis that closes an aside opened inside the object: "《...方案》(以下简称《行动方案》)" */
    private static final Pattern CLOSING_PARENS = Pattern.compile("[)）]");

    /**
     * The object ends with a title in 《》 whose words make it a policy's (方案, 意见, 办法...; a report's words, 报告 or 白皮书,
     * make it no policy): "《...行动方案》" may hold 方案 (a product's solution) but names a document.
     */
    private static boolean policyTitle(String text, int from, int to) {
        int open = text.lastIndexOf('《', Math.min(to, text.length() - 1));
        int close = open < 0 ? -1 : text.indexOf('》', open);
        if (open < Math.max(0, from - 1) || close < 0 || close > to + 1
                || !Cues.adverbsOnly(CLOSING_PARENS.matcher(withoutParens(text.substring(Math.min(close + 1, to), to))).replaceAll(""))) {
            return false; // no title, or not the object's last words (the short name it is given may follow it)
        }
        return PolicyRule.POLICY_TITLE.in(text, open, close) && !PolicyRule.REPORT_TITLE.in(text, open, close);
    }

    /** Adds a candidate for each release of {@code type} in the sentence, one for each organisation of a list. */
    static void addCandidates(SentenceContext s, EventType type) {
        for (Release r : s.releases()) {
            if (r.type() != type || r.objectBefore() && listRelease(s, r)) {
                continue;
            }
            int ts = r.verbStart();
            boolean disposal = r.objectBefore() && r.objectStart() > r.clauseStart()
                    && "将把".indexOf(s.text().charAt(r.objectStart() - 1)) >= 0;
            OrgMention subject = disposal
                    ? s.subjectBefore(r.objectStart() - 1, r.clauseStart(), ActorFilter.ANY, false)
                    : s.subjectBefore(ts, r.clauseStart(), ActorFilter.ANY, r.objectBefore());
            if (subject == null && !disposal) {
                // "英伟达CEO黄仁勋发布了新一代芯片": the chief who unveils it speaks for the company he leads
                subject = employerOfPresenter(s, r);
            }
            if (subject == null) {
                subject = makerOfModel(s.article(), s.from(), ts);
            }
            if (subject == null) {
                // "月之暗面发布Kimi": the maker of the model released, named before the verb
                OrgMention maker = makerOfModel(s.article(), r.objectStart(), r.objectEnd());
                if (maker != null && s.text().substring(r.clauseStart(), ts).contains(maker.name())) {
                    subject = maker;
                }
            }
            if (subject != null && subject.end() <= r.clauseStart() && r.verbEnd() < s.text().length()
                    && s.text().charAt(r.verbEnd()) == '的') {
                continue; // "其性能超越了在7月发布的Qwen3模型": a model named by its release, in a clause of something else
            }
            if (subject == null || subject.source() == OrgMention.FALLBACK && subject.end() < r.clauseStart()) {
                continue;
            }
            if (type == EventType.PRODUCT_LAUNCH && PolicyRule.isGovernment(subject)
                    && policyTitle(s.text(), r.objectStart(), r.objectEnd())) {
                continue; // "《武汉市...行动方案》正式发布": a government's document, which the policy rule reads, is no product
            }
            if (r.integration() && makesWhatIsBroughtIn(s, subject, r)) {
                continue; // "多地政务系统纷纷接入DeepSeek": the maker of what is brought in is not the one who brings it in
            }
            for (OrgMention o : enumeration(s, subject, ts)) {
                Candidate c = s.add(type, o, ts, r.verbEnd());
                if (c != null) {
                    c.aboutStart = r.objectStart();
                    c.aboutEnd = r.objectEnd();
                    c.product = productName(s.article(), r.objectStart(), r.objectEnd());
                    c.modelSector = modelSector(s.article(), r.objectStart(), r.objectEnd());
                    c.background |= releasedLongBefore(s.article(), r.objectStart(), r.objectEnd());
                    if (o == subject) {
                        c.counterparties = partners(s, subject, ts);
                    }
                }
            }
        }
    }

    /**
     * {@code subject} is named by, or makes the model named by, the object of an integration ("接入DeepSeek", "将DeepSeek-V3.1
     * 的能力接入Claude Code"): the thing brought in, never the one who brings it in.
     */
    private static boolean makesWhatIsBroughtIn(SentenceContext s, OrgMention subject, Release r) {
        OrgMention maker = makerOfModel(s.article(), r.objectStart(), r.objectEnd());
        if (maker != null && maker.name().equals(subject.name())) {
            return true;
        }
        for (OrgMention o : s.orgs()) {
            if (o.start() >= r.objectStart() && o.end() <= r.objectEnd() && o.name().equals(subject.name())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The organisation whose officer (a title and a name after it: "CEO黄仁勋", "联合创始人彭志辉") opens the verb's clause
     * and presents the release; null when the clause opens otherwise.
     */
    private static OrgMention employerOfPresenter(SentenceContext s, Release r) {
        OrgMention employer = s.subjectBefore(r.verbStart(), r.clauseStart(), ActorFilter.PUBLISHERS, r.objectBefore());
        if (employer == null || employer.isKind("media")
                || !Cues.opensWithPersonTitle(s.text(), employer.end(), Math.min(r.verbStart(), employer.end() + 8))) {
            return null;
        }
        return employer;
    }

    /**
     * "阿里云的通义万相、华为云的盘古3.0、有道“子曰”等一系列AI大模型发布": one release per list item, by the
     * organisation the item names or the maker of the catalogue model it names.
     */
    private static boolean listRelease(SentenceContext s, Release r) {
        String text = s.text();
        List<int[]> items = new ArrayList<>();
        int start = r.clauseStart();
        for (int i = r.clauseStart(); i <= r.objectEnd(); i++) {
            if (i == r.objectEnd() || text.charAt(i) == '、') {
                if (i - start >= 2) {
                    items.add(new int[] {start, i});
                }
                start = i + 1;
            }
        }
        if (items.size() < 2) {
            return false;
        }
        List<OrgMention> actors = s.actors(ActorFilter.ANY);
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
                maker = makerOfModel(s.article(), item[0], item[1]);
            }
            if (maker == null) {
                continue;
            }
            Candidate c = s.add(r.type(), maker, r.verbStart(), r.verbEnd());
            if (c != null) {
                any = true;
                c.aboutStart = maker.end() <= item[1] && maker.start() >= item[0] ? maker.end() : item[0];
                c.aboutEnd = item[1];
                c.product = productName(s.article(), c.aboutStart, item[1]);
                c.modelSector = modelSector(s.article(), item[0], item[1]);
                c.background |= releasedLongBefore(s.article(), item[0], item[1]);
            }
        }
        return any;
    }

    /** the characters that may follow a bare model name: a list goes on, no longer name or phrase */
    private static final String BARE_NAME_ENDS = "等和与及";
    /** the words before a model's name that make it a new version of it: "新版ChatGPT", "全新升级的豆包" */
    private static final Words NEW_VERSION = Words.of("新版", "新一代", "全新", "升级", "最新", "新款", "新的");

    /**
     * "美国OpenAI推出聊天机器人ChatGPT" on a page of 2025: the object is a catalogue model by its bare name (no version
     * after it, no "新版" before it) whose first release the catalogue dates more than a year before the page's news;
     * the page retells how the model came out, it does not report it (a new version carries its own name).
     */
    static boolean releasedLongBefore(ArticleContext article, int os, int oe) {
        Knowledge.Hit hit = article.firstHit(Knowledge.Kind.MODEL, os, oe);
        if (hit == null || hit.term().model().first() == null) {
            return false;
        }
        String text = article.text();
        int e = hit.end();
        char next = e < text.length() ? text.charAt(e) : '。';
        if (Knowledge.isAsciiAlnum(next) || ".-\u2011".indexOf(next) >= 0
                || next == ' ' && versionAt(text, e + 1, Math.min(text.length(), e + 8))
                || NamePatterns.isHan(next) && BARE_NAME_ENDS.indexOf(next) < 0) {
            return false; // "ChatGPT-5", "Llama 3": a version of its own; "豆包大模型", "豆包手机助手": another name
        }
        for (int i = e; i < oe; i++) {
            char c = text.charAt(i);
            if (Knowledge.isAsciiAlnum(c) || NamePatterns.isHan(c) && BARE_NAME_ENDS.indexOf(c) < 0) {
                return false; // "ChatGPT Atlas": a product named after it; "类似ChatGPT的服务": what it describes
            }
        }
        return !NEW_VERSION.in(text, os, hit.start()) && article.longBefore(hit.term().model().first());
    }

    /** {@code [from, to)} names a class of makers by some of its members ({@link #CLASS_OF_MAKERS}). */
    static boolean classOfMakers(String text, int from, int to) {
        return CLASS_OF_MAKERS.matcher(text).region(from, to).find();
    }

    /** The object names what is released: a quoted name, a Latin or numbered name, a catalogue model. */
    private static boolean namesSomething(ArticleContext article, String object, int os, int oe) {
        for (int i = 0; i < object.length(); i++) {
            char c = object.charAt(i);
            if (Knowledge.isAsciiAlnum(c) || "“「『《\"".indexOf(c) >= 0) {
                return true;
            }
        }
        return article.firstHit(Knowledge.Kind.MODEL, os, oe) != null;
    }

    static String withoutParens(String s) {
        if (s.indexOf('(') < 0 && s.indexOf('（') < 0) {
            return s; // nothing the pattern could match
        }
        return PARENS.matcher(s).replaceAll("");
    }

    /**
     * MODEL_RELEASE when the head of the first item of the object is a model, PRODUCT_LAUNCH for products; with
     * {@code head}, null when an abstract head (体系, 项目...) ends the item (else, for a sentence read when the object
     * says nothing, any model or product word tells).
     */
    private static EventType classify(ArticleContext article, String object, int os, boolean head) {
        return classify(article, object, os, head, false);
    }

    /** With {@code whole}, the object is read as one phrase, not by its first item. */
    private static EventType classify(ArticleContext article, String object, int os, boolean head, boolean whole) {
        String first = object;
        for (String sep : whole ? new String[0] : new String[] {"、", "，", ",", "以及", "及其", "和", "及"}) {
            int i = first.indexOf(sep);
            if (i > 1) {
                first = first.substring(0, i);
            }
        }
        if (headEnd(APP_FORM, first) >= 0) {
            return EventType.PRODUCT_LAUNCH;
        }
        int modelAt = headEnd(MODEL_HEADS, first);
        int productAt = headEnd(PRODUCT_HEADS, first);
        if (modelAt >= 0 && productAt > modelAt && VERSION_HEADS.in(first.substring(modelAt))) {
            productAt = -1; // "文心大模型X1推理版本": a version of the model named before it
        }
        for (Knowledge.Hit h : article.hitsIn(os, os + first.length())) {
            if (h.term().kind() == Knowledge.Kind.MODEL && !h.term().model().app()) {
                modelAt = Math.max(modelAt, h.end() - os);
            }
        }
        if (modelAt < 0 && productAt < 0 && !first.equals(object) && object.indexOf(',') < 0 && object.indexOf('，') < 0) {
            return classify(article, object, os, head, true); // "讯飞写作及星火内容运营大师等应用": the list's shared head
        }
        if (modelAt < 0 && productAt < 0 || head && headEnd(ABSTRACT_HEADS, first) > Math.max(modelAt, productAt)) {
            return null;
        }
        if (modelAt >= productAt && modifiedNoun(first, headEnd(MODEL_HEADS, first))) {
            return EventType.PRODUCT_LAUNCH; // "接入DeepSeek大模型的智能NPC“小师妹”": the model describes the thing launched
        }
        return modelAt >= productAt ? EventType.MODEL_RELEASE : EventType.PRODUCT_LAUNCH;
    }

    /** the shortest noun after "模型的" that is a head of its own: "大模型的智能NPC" (not "大模型的" at the end) */
    private static final int MODIFIED_NOUN = 2;

    /**
     * A model word followed by 的 and a noun phrase: the model is a modifier and the noun after 的 the head
     * ("基于文心大模型的数字员工", "接入DeepSeek大模型的智能NPC").
     */
    private static boolean modifiedNoun(String object, int modelEnd) {
        if (modelEnd < 0 || modelEnd >= object.length() || object.charAt(modelEnd) != '的') {
            return false;
        }
        String rest = object.substring(modelEnd + 1).trim();
        return rest.length() >= MODIFIED_NOUN && NAME_STOPS.indexOf(rest.charAt(0)) < 0
                && headEnd(VERSION_HEADS, rest) < 0 && headEnd(ABSTRACT_HEADS, rest) < 0;
    }

    /** The end of {@code [from, to)} without the adverbs and spaces it ends with. */
    private static int withoutTrailingAdverbs(String text, int from, int to) {
        return Cues.withoutTrailing(text, from, to, TRAILING_ADVERBS);
    }

    /** {@code [from, to)} holds a date: a digit followed by 年, 月 or 日. */
    private static boolean dated(String text, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                int j = i + 1;
                while (j < to && (text.charAt(j) == ' ' || text.charAt(j) >= '0' && text.charAt(j) <= '9')) {
                    j++;
                }
                if (j < to && "年月日".indexOf(text.charAt(j)) >= 0) {
                    return true;
                }
                i = j - 1;
            }
        }
        return false;
    }

    /** The end of the last head of {@code words} in {@code s}, a Latin head only as a whole word ("App" not in "Application"). */
    private static int headEnd(Words words, String s) {
        int to = s.length();
        while (to > 0) {
            int e = words.lastEnd(s, 0, to);
            if (e < 0 || e == s.length() || !Names.isLatinLetter(s.charAt(e - 1)) || !Names.isLatinLetter(s.charAt(e))) {
                return e;
            }
            to = e - 1;
        }
        return -1;
    }


    /** The model or product name in an object phrase: a quoted or Latin name, a catalogue model, the phrase. */
    static String productName(ArticleContext article, int os, int oe) {
        String text = article.text();
        String obj = text.substring(os, oe).trim();
        if (obj.indexOf('“') >= 0 || obj.indexOf('《') >= 0) { // where a quoted or titled name can start
            Matcher q = QUOTED_NAME.matcher(obj);
            if (q.find()) {
                return q.group(1) != null ? q.group(1) : q.group(2);
            }
        }
        Knowledge.Hit model = article.firstHit(Knowledge.Kind.MODEL, os, oe);
        if (model != null) {
            int e = model.end();
            while (e < oe && (Knowledge.isAsciiAlnum(text.charAt(e)) || ".-\u2011".indexOf(text.charAt(e)) >= 0
                    || text.charAt(e) == ' ' && versionAt(text, e + 1, oe))) {
                e++; // the version: "GLM-4.5" (not "GLM-4.5并开源"), "Llama 3", "MiniMax M2.1"
            }
            if (e < oe && text.charAt(e) == '的' && headEnd(PRODUCT_HEADS, text.substring(e, oe)) > 0) {
                String phrase = text.substring(model.start(), oe).trim(); // "ChatGPT的大模型问答应用服务": a service
                return phrase.length() > 40 ? phrase.substring(0, 40) : phrase;
            }
            // and the head noun glued after it: "Kimi智能助手", "盘古3.0行业大模型产品" (not "ChatGPT是...")
            int r = e;
            while (r < oe && r < e + 10 && NAME_STOPS.indexOf(text.charAt(r)) < 0) {
                r++;
            }
            String rest = text.substring(e, r);
            int head = Math.max(headEnd(PRODUCT_HEADS, rest), headEnd(MODEL_HEADS, rest));
            return text.substring(model.start(), head > 0 ? e + head : e);
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
        for (String tail : TIME_TAILS) {
            if (obj.endsWith(tail) && obj.length() > tail.length() + 1) {
                obj = obj.substring(0, obj.length() - tail.length()); // "发布多款笔记本电脑新品的同时"
                break;
            }
        }
        return obj.length() > 40 ? obj.substring(0, 40) : obj.isEmpty() ? null : obj;
    }

    /** A version token at {@code p}: a digit, or one Latin letter and a digit ("3", "K2", "M2.1"). */
    private static boolean versionAt(String text, int p, int to) {
        int q = p < to && Names.isLatinLetter(text.charAt(p)) ? p + 1 : p;
        if (q >= to || text.charAt(q) < '0' || text.charAt(q) > '9') {
            return false;
        }
        while (q < to && (text.charAt(q) >= '0' && text.charAt(q) <= '9' || text.charAt(q) == '.')) {
            q++;
        }
        if (q < to && text.charAt(q) == ' ') {
            q++;
        }
        return q >= to || "亿万千百个年月日".indexOf(text.charAt(q)) < 0; // "盘古 70 亿参数" is a size, not a version
    }

    /** The sector of the first catalogue model of {@code [os, oe)}, or null. */
    static String modelSector(ArticleContext article, int os, int oe) {
        Knowledge.Hit model = article.firstHit(Knowledge.Kind.MODEL, os, oe);
        return model == null ? null : model.term().sector();
    }

    private static boolean isModel(Knowledge.Hit h) {
        return h != null && !h.term().model().app();
    }

    /** what an app's name starts that is no use of the app itself: "本文来自微信公众号", "QQ群" */
    private static final List<String> APP_PARTS = List.of("公众号", "视频号", "小程序", "号", "群", "支付");

    /** Without a named maker, a catalogue model's maker ("文心一言...向全社会开放", "微信悄然上线AI助手"). */
    static OrgMention makerOfModel(ArticleContext article, int from, int to) {
        Knowledge.Hit model = article.firstHit(Knowledge.Kind.MODEL, from, to);
        if (model == null || model.term().model().app() && Cues.opensWith(article.text(), model.end(),
                Math.min(article.text().length(), model.end() + 3), APP_PARTS)) {
            return null;
        }
        String maker = model.term().model().maker();
        Company c = article.orgFinder().lookup(maker);
        return new OrgMention(model.start(), model.end(), c != null ? c.name() : maker, c, null, null,
                OrgMention.DESCRIPTOR, false);
    }

    /** "腾讯、知乎、微博和美图等企业均发布了": all names of a list that starts with the subject. */
    private static List<OrgMention> enumeration(SentenceContext s, OrgMention subject, int trigger) {
        String text = s.text();
        List<OrgMention> out = new ArrayList<>();
        out.add(subject);
        OrgMention prev = subject;
        for (OrgMention o : s.orgs()) {
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
    private static List<String> partners(SentenceContext s, OrgMention subject, int trigger) {
        List<String> out = new ArrayList<>();
        if (subject.start() < s.start() || subject.end() > trigger) {
            return out;
        }
        String between = s.text().substring(subject.end(), trigger);
        if (!(between.contains("联合") || between.contains("与") || between.contains("和") || between.contains("携手"))) {
            return out;
        }
        for (OrgMention o : s.orgs()) {
            if (o.start() >= subject.end() && o.end() <= trigger && !o.name().equals(subject.name())) {
                out.add(o.name());
            }
        }
        return out;
    }
}
