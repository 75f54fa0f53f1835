package io.aipulse.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * REPORT: a named body publishes a forecast, survey, ranking or statistic: "据 X 统计", "X 发布的 ... 报告显示",
 * "X 预计 ...", a headline "X：预计到 2026 年...". A company forecasting its own business is not a report.
 */
final class ReportRule extends Rule {

    /** what a source publishes: "据 X 统计" */
    static final List<String> SOURCE_NOUNS = List.of("统计数据", "统计", "数据显示", "数据", "报告", "研报", "调查", "调研", "测算",
            "监测");
    /** what a released report is called: "X 发布的 ... 白皮书" */
    static final List<String> REPORT_OBJECTS = List.of("报告", "研报", "白皮书", "蓝皮书", "数据显示", "调查", "调研", "榜单", "排行榜", "榜》",
            "指数", "统计", "名单", "地图", "展望》", "洞察》", "趋势》", "预测》", "十大趋势", "榜", "排名", "市场数据",
            // a benchmark's results published by its evaluator: "公布语言模型基准评测结果"
            "评测结果", "测评结果", "晴雨表",
            // a think tank's brief: "联合发布了一项政策简报"
            "简报");
    static final Words REPORT_OBJECT = Words.of(REPORT_OBJECTS.toArray(new String[0]));
    /** what a model's maker publishes with the model ("发布其最新版本 DeepSeek-V4 技术报告"): research, not a report */
    static final Words MODEL_PAPER = Words.of("技术报告", "技术白皮书");
    /** what a headline forecast says after "X：" */
    static final List<String> HEADLINE_WORDS = List.of("预计", "预测", "有望", "将达", "将超过", "将带来", "市场规模", "营收", "规模将", "规模达",
            "将增长");
    /** "根据 X 统计": the words that open a source */
    static final List<String> BY_WORDS = List.of("根据", "据");
    /** the verbs of a publisher's finding */
    static final List<String> FINDING_VERBS = List.of("预计", "预测", "估计", "估算", "统计,", "数据显示", "统计显示", "报告显示", "调查显示", "研报称",
            "报告称", "报告指出", "报告中指出", "报告中称", "报告中预测", "报告中预计", "报告中显示", "报告中写道", "调研结果证实", "调研结果显示", "调查结果显示", "公布预测称", "发布研报称", "发布研究报告指出", "统计数据显示",
            // Taiwan's 预估 and 研调, a survey's findings, a research firm's study
            "预估", "研调指出", "研调预估", "调查发现", "调研发现", "统计指出", "研究指出", "测算,",
            "研究显示", "研报指出", "研报显示",
            // a finding told inside the title it is published in: "在最新发布的《...晴雨表》中指出"
            "》中指出", "》中显示", "》中称", "》中预测", "》中预计",
            // "Canalys最新报告则显示", "发布《2025年人工智能技术成熟度曲线》指出", "调查最新结果显示": an adverb between, the
            // title right before the verb
            "报告则显示", "报告也显示", "报告则指出", "报告也指出", "》指出", "》显示", "最新结果显示");
    /** the verbs of a forecast, which only analysts publish */
    private static final List<String> FORECAST_VERBS = List.of("预计", "预测", "估计", "估算", "预估", "研调预估");

    /** every match holds a source noun, a finding verb, a report's name or a headline forecast word */
    static final List<String> TRIGGERS = Finder.union(SOURCE_NOUNS, FINDING_VERBS, REPORT_OBJECTS, HEADLINE_WORDS);

    static final Finder BY_SOURCE = Finder.of(Finder.anyOf(BY_WORDS) + "\\s?([^，。；,;]{2,30}?)(?:的)?(?:最新)?"
            + Finder.anyOf(SOURCE_NOUNS) + "(?!中(?!的))", BY_WORDS).lookingAround()
            // the source noun starts after the word, a space, 30 characters, 的 and 最新
            .needing(Finder.firstChars(SOURCE_NOUNS), Finder.longest(BY_WORDS) + 1 + 30 + 1 + 2 + 1);
    static final Finder FINDING = Finder.of("(" + String.join("|", FINDING_VERBS) + ")(?!模型|算法|方法|系统|能力|精度|准确|功能|工具|平台|技术)",
            Finder.literalStarts(FINDING_VERBS)).lookingAround();
    private static final Pattern HEADLINE = Pattern.compile(
            "^\\s?[:：]\\s?[^。]{0,60}?(" + String.join("|", HEADLINE_WORDS) + ")");
    /** what is handed to a regulator, not published: "向证监会递交的...报告" */
    private static final Words FILING = Words.of(IpoStageParser.FILING_VERBS.toArray(new String[0]));
    /** a person who speaks between the name and the verb: an opinion, not a publication */
    private static final Words SPEAKER = Words.of("CEO", "CTO", "创始人", "董事长", "总裁", "首席执行官", "表示", "认为");
    /** the data a news agency compiled itself: "彭博社汇编的数据显示" (its reporting is no report) */
    private static final Words COMPILED = Words.of("汇编", "统计", "编制", "整理", "汇总");
    /** a data set a news agency compiled ("据彭博社汇编的数据"), unlike its reporters' count ("据界面新闻统计") */
    private static final Words DATA_COMPILED = Words.of("汇编", "编制", "汇总");
    private static final Pattern PUBLISHER_DESCRIPTOR = Pattern.compile(
            "^(?:第三方)?(?:市场|行业|产业)?(?:数据|调研|研究|调查|咨询|分析)?(?:机构|平台|公司|数据服务商|研究院)");
    private static final Pattern ANALYST_NAME = Pattern.compile(
            "(?:研究院|研究所|研究中心|咨询|数据|证券|智库|Research|Capital|Insights|Analytics|Partners|资本|协会|联盟)$");
    private static final Pattern TITLE = Pattern.compile("《([^》]{2,80})》");
    static final Finder TITLE_F = new Finder(TITLE, "《");

    ReportRule() {
        super(EventType.REPORT, TRIGGERS,
                Policies.sectorFrom(SectorClue.FINDING)
                        .actors(ActorFilter.PUBLISHERS)
                        .distinguishedBy(Distinction.TITLE));
    }

    @Override
    void apply(SentenceContext s) {
        Set<Integer> used = new HashSet<>();
        Set<Integer> usedClauses = new HashSet<>();
        bySource(s, used, usedClauses);
        publishedReports(s, used, usedClauses);
        findings(s, used, usedClauses);
        headline(s, used);
    }

    /** "根据 X 统计" / "据 X 数据显示" */
    private void bySource(SentenceContext s, Set<Integer> used, Set<Integer> usedClauses) {
        Finder.Scan a = s.scan(BY_SOURCE, s.start(), s.end());
        while (a.find()) {
            Matcher m = a.matcher();
            if (nounStart(s.text(), m.end()) < s.from()) {
                continue; // "据...消息" is the dateline: a source noun inside it sends no sentence here
            }
            if (FILING.in(s.text(), m.start(1), m.end(1))) {
                continue; // "根据中信证券向证监会递交的辅导工作报告": a filing to a regulator, not a publication
            }
            OrgMention by = null;
            for (OrgMention o : s.orgs()) {
                if (o.start() >= m.start(1) && o.end() <= m.end(1)
                        && (!o.isKind("media") || DATA_COMPILED.in(s.text(), o.end(), m.end()))) {
                    by = o;
                }
            }
            if (by == null) {
                by = describedPublisher(s, m.start(1), m.end(1));
            }
            if (by != null && countsItsOwn(by)) {
                usedClauses.add(s.clauseStart(m.start()));
                continue; // "据百度方面统计", "根据腾讯提供的评测报告": a company counting its own business publishes no report
            }
            if (by != null) {
                reportAt(s, by, m.start(), m.end());
                used.add(by.start());
                usedClauses.add(s.clauseStart(m.start()));
            }
        }
    }

    /** Where the source noun that ends a {@link #BY_SOURCE} match at {@code end} starts (its shortest reading). */
    private static int nounStart(String text, int end) {
        int start = -1;
        for (String n : SOURCE_NOUNS) {
            if (end - n.length() >= 0 && text.startsWith(n, end - n.length())) {
                start = Math.max(start, end - n.length());
            }
        }
        return start;
    }

    /** "X 发布的 ... 报告显示" / "X 发布研报称" */
    private void publishedReports(SentenceContext s, Set<Integer> used, Set<Integer> usedClauses) {
        for (int[] r : Releases.verbs(s.article(), s.from(), s.end())) {
            int rs = r[0];
            int re = r[1];
            int ce = s.clauseEnd(re);
            int cs = s.clauseStart(rs);
            if (!REPORT_OBJECT.in(s.text(), re, ce)) {
                OrgMention agent = agentOfReportBefore(s, cs, rs);
                if (agent != null && !s.future(cs, rs) && used.add(agent.start())) {
                    usedClauses.add(cs);
                    reportAt(s, agent, rs, re);
                }
                continue;
            }
            if (MODEL_PAPER.in(s.text(), re, ce)) {
                continue;
            }
            if (s.future(cs, rs)) {
                continue;
            }
            OrgMention subject = s.subjectBefore(rs, cs, ActorFilter.PUBLISHERS);
            if (subject == null) {
                subject = namedRightBefore(s, rs, cs);
            }
            if (subject == null || used.contains(subject.start())) {
                continue;
            }
            used.add(subject.start());
            usedClauses.add(cs);
            reportAt(s, subject, rs, re);
        }
    }

    /**
     * "《...报告》(以下简称《报告》)在...大会上,由中国互联网络信息中心正式发布": the report named earlier in the sentence,
     * its publisher the agent after 由 right before the verb.
     */
    static OrgMention agentOfReportBefore(SentenceContext s, int clauseStart, int verb) {
        String text = s.text();
        int by = -1;
        for (int i = verb - 1; i >= Math.max(clauseStart, s.from()); i--) {
            if (text.charAt(i) == '由') {
                by = i;
                break;
            }
        }
        if (by < 0 || !REPORT_OBJECT.in(text, s.from(), by)) {
            return null;
        }
        for (OrgMention o : s.orgs()) {
            if (o.start() > by && o.start() <= by + 2 && o.end() <= verb) {
                return o;
            }
        }
        return null;
    }

    /**
     * "SuperCLUE最新发布的...测评报告": a name the finder only guessed is the publisher when it opens the verb's
     * clause and only adverbs (最新, 近日...) stand between it and the verb.
     */
    private static OrgMention namedRightBefore(SentenceContext s, int verb, int clauseStart) {
        for (OrgMention o : s.actors(ActorFilter.ANY)) {
            if (o.end() > verb) {
                break;
            }
            if (o.source() != OrgMention.FALLBACK || o.start() < clauseStart) {
                continue;
            }
            String before = s.text().substring(Math.max(clauseStart, s.from()), o.start()).trim();
            String between = s.text().substring(o.end(), verb).trim();
            if (before.isEmpty() && (between.startsWith("最新") ? Cues.adverbsOnly(between.substring(2)) : Cues.adverbsOnly(between))) {
                return o;
            }
            return null;
        }
        return null;
    }

    /** "X 预计 / X 公布预测称" (not a person speaking) */
    private void findings(SentenceContext s, Set<Integer> used, Set<Integer> usedClauses) {
        Finder.Scan a = s.scan(FINDING, s.from(), s.end());
        while (a.find()) {
            Matcher m = a.matcher();
            int cs = s.clauseStart(m.start());
            if (usedClauses.contains(cs)) {
                continue;
            }
            OrgMention subject = null;
            for (OrgMention o : s.actors(ActorFilter.PUBLISHERS)) {
                if (o.start() >= cs && o.end() <= m.start() && m.start() - afterAside(s.text(), o.end(), m.start()) <= 24) {
                    subject = o;
                    break;
                }
            }
            if (subject == null || used.contains(subject.start())
                    || subject.isKind("media") && !COMPILED.in(s.text(), subject.end(), m.start())
                    || SPEAKER.in(s.text(), subject.end(), m.start())) {
                continue;
            }
            if (FORECAST_VERBS.contains(m.group(1)) && !analystLike(subject)) {
                continue; // a company forecasting its own business is not a published forecast
            }
            if (m.group(1).startsWith("》") && policyTitleBefore(s.text(), cs, m.start())) {
                continue; // "印发《关于...的意见》指出": what a policy says, which the policy rule reads
            }
            used.add(subject.start());
            reportAt(s, subject, m.start(), m.end());
        }
    }

    /**
     * The title closing at {@code close} names a policy or an authority's paper: its last words are a policy's ("...的意见",
     * "...行动方案") or a served paper's ("...决定书").
     */
    private static boolean policyTitleBefore(String text, int clauseStart, int close) {
        int open = text.lastIndexOf('《', close);
        return open >= clauseStart && (PolicyRule.POLICY_TITLE.endsIn(text, open + 1, close)
                || OFFICIAL_PAPERS.endsIn(text, open + 1, close));
    }

    /** the papers an authority serves on someone: "上交所《监管警示决定书》显示" tells a decision, not a finding */
    private static final Words OFFICIAL_PAPERS = Words.of("决定书", "告知书", "通知书", "意见书", "处罚书", "警示函", "问询函");

    /** how long a name's aside may be: "卡内基国际和平基金会(Carnegie Endowment for International Peace)" */
    private static final int ASIDE_REACH = 60;

    /** {@code at}, or the end of the parenthesised aside (its English name) that opens there */
    private static int afterAside(String text, int at, int limit) {
        if (at >= limit || text.charAt(at) != '(' && text.charAt(at) != '（') {
            return at;
        }
        for (int i = at + 1; i < Math.min(limit, at + ASIDE_REACH); i++) {
            if (text.charAt(i) == ')' || text.charAt(i) == '）') {
                return i + 1;
            }
        }
        return at;
    }

    /** headline "X：预计到 2026 年..." */
    private void headline(SentenceContext s, Set<Integer> used) {
        String text = s.text();
        if (text.substring(s.start(), Math.min(s.end(), s.start() + 24)).indexOf(':') < 0) {
            return;
        }
        for (OrgMention o : s.actors(ActorFilter.PUBLISHERS)) {
            if (o.start() - s.start() > 2 || used.contains(o.start()) || o.isKind("media")) {
                continue;
            }
            Matcher h = HEADLINE.matcher(text).region(o.end(), s.end());
            if (h.lookingAt()) {
                reportAt(s, o, o.end(), h.end());
            }
        }
    }

    /** "根据第三方机构烯牛数据统计": a publisher the registry does not know, named after a descriptor. */
    private static OrgMention describedPublisher(SentenceContext s, int from, int to) {
        String group = s.text().substring(from, to);
        Matcher d = PUBLISHER_DESCRIPTOR.matcher(group);
        if (!d.find()) {
            return null;
        }
        String name = TRAILING_TIME.matcher(group.substring(d.end()).trim()).replaceFirst("");
        if (name.length() < 2 || name.length() > 12) {
            return null;
        }
        return new OrgMention(from + d.end(), to, Names.canonical(name), s.lookup(name), null, null,
                OrgMention.DESCRIPTOR, false);
    }

    /** "据行业研究机构X最新统计": the time words between a described publisher and its report */
    private static final Pattern TRAILING_TIME = Pattern.compile("(?:最新|最近|近期|近日|日前|今年|此前)?(?:发布|公布)?的?$");

    /**
     * A name the registry does not know, in Latin letters, cited for data ("根据 Forge Global 最新数据", "根據Tracxn的數據",
     * "根據Wellsenn XR的數據"): a foreign data or research firm; a company counting its own business is one the news knows.
     */
    private static boolean unknownLatin(OrgMention o) {
        if (o.company() != null) {
            return false;
        }
        String name = o.name();
        boolean letter = false;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch >= 0x2E80) {
                return false;
            }
            letter |= Names.isLatinLetter(ch);
        }
        return letter;
    }

    /**
     * A known company, not a publisher of data ("据百度方面统计"): its figures are its own business, no report (for
     * the rule and the back-off alike).
     */
    static boolean countsItsOwn(OrgMention by) {
        return by.source() != OrgMention.DESCRIPTOR && !analystLike(by) && !unknownLatin(by);
    }

    /** Who publishes forecasts: research bodies, consultancies, data firms, brokers, governments, media. */
    private static boolean analystLike(OrgMention o) {
        Company c = o.company();
        if (c == null) {
            return ANALYST_NAME.matcher(o.name()).find();
        }
        String kind = c.kind() == null ? "" : c.kind();
        if (kind.equals("government")) {
            return false; // "国科会预计在沙仑建置算力中心": what a government expects to do is its plan
        }
        if (!kind.equals("company")) {
            return true;
        }
        return "general".equals(c.sector()) || "finance".equals(c.sector()) || ANALYST_NAME.matcher(c.name()).find();
    }

    private static void reportAt(SentenceContext s, OrgMention subject, int start, int end) {
        Candidate c = s.add(EventType.REPORT, subject, start, end);
        if (c != null) {
            // the finding: what follows the publisher ("据 X 统计, ..."), never the publisher's descriptor
            c.aboutStart = Math.max(start, subject.end());
            c.aboutEnd = s.end();
            Finder.Scan titles = s.scan(TITLE_F, start, Math.min(c.clauseEnd + 1, s.end()));
            if (titles.find()) {
                c.product = "《" + titles.matcher().group(1) + "》";
            }
        }
    }
}
