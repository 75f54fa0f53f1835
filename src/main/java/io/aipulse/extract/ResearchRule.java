package io.aipulse.extract;

import java.util.List;
import java.util.regex.Matcher;

/**
 * RESEARCH: a research result, paper, benchmark or record: "X 发表论文", "X 实现 ... 突破", "X 刷新纪录",
 * "登上《Nature》", "精度提高了".
 */
final class ResearchRule extends Rule {

    /** what a study finds: a research result when researchers tell it ("清华大学的一项研究发现") */
    static final List<String> FINDINGS = List.of("研究发现", "研究显示", "研究表明", "研究证实");
    /** the words a research result is told with: every match holds one */
    static final List<String> TRIGGERS = Finder.union(List.of("论文", "成果", "结果", "突破", "预报", "纪录", "Nature", "Science",
            "自然", "科学", "Cell", "细胞", "提高了", "提升了", "预印本", "arXiv", "期刊", "技术报告", "研制", "提出", "评测", "测评",
            "榜单", "排行榜", "基准测试", "挑战赛", "竞赛", "大赛", "收录", "接收", "录用", "研发", "开发", "首次实现", "研究文章"),
            FINDINGS);
    /** where a model or a team is ranked: a benchmark, a leaderboard, a contest (each is a trigger) */
    static final List<String> CONTESTS = List.of("评测", "测评", "榜单", "排行榜", "基准测试", "挑战赛", "竞赛", "大赛");
    /** a rank that is news: first place, a championship, a gold medal */
    static final List<String> TOP_RANKS = List.of("第一", "榜首", "冠军", "金牌", "首位", "第1");
    /** what a team can put forward: a method, not a product */
    static final List<String> METHODS = List.of("方法", "算法", "架构", "理论", "范式", "框架", "技术");
    /** what a research team develops or puts forward as its result: a method, or a model or system of its own */
    static final List<String> DEVELOPED = Finder.union(METHODS, List.of("模型", "系统"));
    static final List<String> PUBLISH_VERBS = List.of("发表", "发布", "公布", "提交");
    static final List<String> MEASURES = List.of("精度", "准确率", "准确度");
    /** the journals whose cover or pages are news by themselves (each is also a trigger) */
    static final List<String> JOURNALS = List.of("Nature", "Science", "Cell", "自然", "科学", "细胞");
    /** "登上/首登/上 《自然》封面": a paper on a journal's cover */
    static final List<String> COVER_VERBS = List.of("登上", "首登", "荣登", "上");
    /** "在《自然》上线/发表": a result appears in a journal */
    static final List<String> APPEAR_VERBS = List.of("发表", "上线", "刊发", "刊登", "刊出");
    /** what a sentence says of a research result before the clause that places it in a journal */
    /** a release told in a relative clause before the result: the result is the released product's */
    static final Words DESCRIBED_RELEASE = Words.of("发布的", "推出的", "上线的", "开源的");
    static final Words RESULT_WORDS = Words.of("成果", "论文", "研究");
    /** who develops a result rather than a product: a research team, a lab, a professor */
    private static final Words RESEARCHERS = Words.of("研究团队", "科研团队", "研究人员", "课题组", "实验室", "教授", "研究所",
            "研究院", "大学", "学院", "科学院");
    /** the figures of business whose records are market news, not results: listings, rounds, valuations, sales */
    private static final Words BUSINESS_RECORDS = Words.of("上市", "融资", "募资", "估值", "市值", "股价", "销量", "营收", "票房",
            "下载", "认购");
    private static final Words CONTEST_WORDS = Words.of(CONTESTS.toArray(new String[0]));
    private static final Words RELEASE_VERBS = Words.of("发布", "推出", "开源", "上线");

    static final Finder RESULT = Finder.of(Finder.anyOf(PUBLISH_VERBS)
            + "了?[^，。；,;]{0,12}?(?:论文|研究成果|科研成果|研究结果|研究文章|实验结果|模拟结果|最新成果|技术报告)"
            // "发表于国际顶级期刊Nature", "刊登于国际期刊《自然》"
            + "|" + Finder.anyOf(APPEAR_VERBS) + "(?:于|在)[^，。；,;]{0,12}?(?:期刊|杂志|《?" + Finder.anyOf(JOURNALS) + ")"
            // "相关论文被ICML收录"
            + "|论文[^，。；,;]{0,4}?被[^，。；,;]{0,16}?(?:收录|接收|录用)"
            // "获得CVPR最佳论文奖", "在多项评测中取得第一", "斩获挑战赛冠军"
            + "|(?:获得|获|斩获|夺得|荣获|入选)[^，。；,;]{0,16}?最佳论文"
            + "|" + Finder.anyOf(CONTESTS) + "[^，。；,;]{0,12}?(?:取得|获得|夺得|斩获|位列|排名|登顶|位居|问鼎|拿下)[^，。；,;]{0,8}?"
            + Finder.anyOf(TOP_RANKS)
            + "|(?:取得|获得|夺得|斩获|问鼎|拿下)[^，。；,;]{0,12}?" + Finder.anyOf(CONTESTS) + "[^，。；,;]{0,4}?(?:冠军|金牌|第一)"
            // "研制出全球首个...", "提出了一种新的...方法"
            // a new method is a result; a slogan put forward ("提出了'算法、大数据、计算力'三要素") is not
            + "|研制(?:出|成功)|(?:研发|开发)(?:出|了?(?!的)[^，。；,;]{0,20}?" + Finder.anyOf(DEVELOPED) + ")"
            + "|提出了?(?:一种|一个|一套)?(?:全新|新型|新|创新)[^，。；,;]{0,12}?" + Finder.anyOf(METHODS)
            // "研究团队共同提出一种基于动态推理技术的新范式推理模型": a method or model put forward as one of a kind
            // (研发/开发 with a model or method: a team's result; "X开发的模型" describes a model, told elsewhere)
            + "|提出了?(?:一种|一个|一套)[^，。；,;]{0,20}?" + Finder.anyOf(DEVELOPED)
            + "|首次提出[^，。；,;]{0,16}?" + Finder.anyOf(METHODS)
            // "研究人员首次实现了...": a first, told of researchers (a company's first profit is no result)
            + "|首次实现"
            // "清华大学的一项研究发现...": a study's finding, told by the researchers' body
            + "|" + Finder.anyOf(FINDINGS)
            + "|实现了?[^，。；,;]{0,16}?(?:突破|准确预报|新纪录)"
            // "论文入选ICML 2025": a paper accepted by a conference
            + "|论文[^，。；,;]{0,4}?入选"
            + "|刷新[^，。；,;]{0,12}?纪录|登上[^，。；,;]{0,6}?《?" + Finder.anyOf(JOURNALS)
            + "|" + Finder.anyOf(MEASURES) + "[^，。；,;]{0,10}?(?:提高|提升)了|提交在[^，。；,;]{0,10}?(?:预印本|arXiv|ArXiv)"
            + "|" + Finder.anyOf(COVER_VERBS) + "\\s?《?" + Finder.anyOf(JOURNALS) + "》?[^，。；,;《》]{0,4}?封面"
            + "|在[^，。；,;]{0,16}?《?" + Finder.anyOf(JOURNALS) + "》?(?:\\([A-Za-z ]{1,20}\\))?(?:杂志|期刊|正刊|子刊)?\\s?上?"
            + Finder.anyOf(APPEAR_VERBS),
            PUBLISH_VERBS, APPEAR_VERBS, List.of("实现", "刷新", "登上", "在", "论文", "获得", "获", "斩获", "夺得", "荣获", "取得",
                    "问鼎", "拿下", "研制", "研发", "开发", "提出", "首次", "入选"), CONTESTS, MEASURES, COVER_VERBS, FINDINGS)
            // common first words of rare matches, each with what every alternative that starts with it holds, and
            // where: 发布/公布 + 了 + 12 characters + a result noun; 获得/获 + 16 characters + 最佳论文, 获得/取得 + 12
            // characters + a contest; 提出 + 了一种 + 全新; 实现 + 了 + 16 characters + 突破...; 精度 + 10 characters + 提高;
            // 上 + space + 《 + Science + 》 + 4 characters + 封面; 在 + 16 characters + 《 + a journal
            .needingAfter("发布", "论研科实模最技", 2 + 1 + 12 + 1)
            .needingAfter("公布", "论研科实模最技", 2 + 1 + 12 + 1)
            .needingAfter("获得", "最" + Finder.firstChars(CONTESTS), 2 + 16 + 1)
            .needingAfter("获", "最", 1 + 16 + 1)
            .needingAfter("取得", Finder.firstChars(CONTESTS), 2 + 12 + 1)
            .needingAfter("提出", "新" + Finder.firstChars(DEVELOPED), 2 + 1 + 2 + 20 + 2)
            .needingAfter("实现", "突准新", 2 + 1 + 16 + 1)
            .needingAfter("精度", "提", 2 + 10 + 1)
            .needingAfter("上", "封", 1 + 1 + 1 + Finder.longest(JOURNALS) + 1 + 4 + 1)
            .needingAfter("在", Finder.firstChars(JOURNALS), 1 + 16 + 1 + 1)
            .needingAfter("研发", "出" + Finder.firstChars(DEVELOPED), 2 + 1 + 20 + 2)
            .needingAfter("开发", "出" + Finder.firstChars(DEVELOPED), 2 + 1 + 20 + 2);

    /**
     * the bodies whose studies are research by their name: universities, laboratories, hospitals (an unknown 研究所 or
     * 研究院 is as often a think tank, whose "研究显示" is a survey: a report)
     */
    private static final Words RESEARCH_BODY_ENDS = Words.of("大学", "学院", "实验室", "医院", "科学院");

    private static boolean researchBody(OrgMention o) {
        return o.isKind("university") || o.isKind("research")
                || RESEARCH_BODY_ENDS.endsIn(o.name(), 0, o.name().length());
    }

    ResearchRule() {
        super(EventType.RESEARCH, TRIGGERS,
                Policies.sectorFrom(SectorClue.SENTENCE, SectorClue.ITEM, SectorClue.REGISTRY, SectorClue.LEAD)
                        .actors(ActorFilter.PUBLISHERS));
    }

    @Override
    void apply(SentenceContext s) {
        String text = s.text();
        Finder.Scan results = s.scan(RESULT, s.from(), s.end());
        while (results.find()) {
            Matcher m = results.matcher();
            int cs = s.clauseStart(m.start());
            if (s.future(cs, m.start()) || s.background(cs, m.start())) {
                continue;
            }
            if ((text.startsWith("研发", m.start()) || text.startsWith("开发", m.start()) || text.startsWith("首次实现", m.start()))
                    && !RESEARCHERS.in(text, cs, m.start())) {
                continue; // "华为开发出新芯片": a company's product; "清华大学研究团队研发出...": a team's result
            }
            if (m.group().endsWith("纪录") && (BUSINESS_RECORDS.in(text, m.start(), m.end()) || !s.amounts(cs, m.start()).isEmpty())) {
                continue; // "刷新AI公司最快上市纪录", "以300亿美元Series G刷新纪录": a record of the market, not of science
            }
            if (text.startsWith("提出", m.start()) && m.group().indexOf('新') < 0 && !RESEARCHERS.in(text, cs, m.start())) {
                continue; // "公司提出一套...系统": a plan of a company; a research team's model or method is its result
            }
            if (DESCRIBED_RELEASE.in(text, s.from(), m.start())) {
                continue; // "百度此次发布的文心大模型4.5,实现了三大技术突破": what a release brings, told with the release
            }
            if ((CONTEST_WORDS.in(text, m.start(), m.end()) || m.group().endsWith("突破"))
                    && RELEASE_VERBS.in(text, s.start(), m.start())) {
                // "X发布Y模型,在多项评测中取得第一", "X推出Y系列大模型,采用...架构,实现技术突破": what the release
                // claims, not a result of its own
                continue;
            }
            if (m.end() < s.end() && text.charAt(m.end()) == '的' && RELEASE_VERBS.in(text, m.end(), s.end())) {
                continue; // "X研制成功的首个...模型在深圳正式发布": the result describes what the sentence releases
            }
            OrgMention subject = s.subjectBefore(m.start(), cs, ActorFilter.PUBLISHERS);
            if (subject == null && cs > s.from() && RESULT_WORDS.in(text, s.from(), cs)
                    && Cues.adverbsOnly(text.substring(cs, m.start()))) {
                // "X 的一项研究成果,近日在《自然》上线": the owner of the result named in the clause before
                subject = s.subjectBefore(cs, s.from(), ActorFilter.PUBLISHERS);
            }
            if (subject == null && cs > s.from() && m.start() - cs <= 8 && RESULT_WORDS.in(text, cs, Math.min(m.end(), cs + 8))) {
                // "X 研究团队开发出...,相关成果发表于《科学》杂志": the result of the team the sentence opens with
                subject = s.subjectBefore(cs, s.from(), ActorFilter.PUBLISHERS);
            }
            if (subject == null && text.substring(cs, m.start()).contains("研究")) {
                subject = s.coreference(ActorFilter.PUBLISHERS);
            }
            if (subject == null || subject.isKind("media") || subject.isKind("investor")) {
                continue;
            }
            if (FINDINGS.contains(m.group()) && !researchBody(subject)) {
                continue; // "IDC研究显示...": a research firm's statistic is its report, not a research result
            }
            Candidate c = s.add(EventType.RESEARCH, subject, m.start(), m.end());
            if (c != null) {
                c.aboutStart = s.start();
                c.aboutEnd = s.end();
            }
        }
    }
}
