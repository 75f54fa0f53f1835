package io.aipulse.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POLICY: a government body issues a policy: "X 印发《...措施》", "X 出台 ... 实施方案". The subject is a
 * government body before the verb, a place standing for its government (杭州发布...), or the government
 * the title names (《北京市...》 -> 北京市人民政府).
 */
final class PolicyRule extends Rule {

    /** the verbs of issuing a document */
    static final List<String> ISSUE_VERBS = List.of("印发", "出台", "颁布", "发布", "公布", "推出", "制定", "下发", "发出",
            // a government launching its programme: "国科会启动「推动各产业导入生成式AI先期计划」"
            "启动");
    /** the verbs that issue a policy named without a title */
    static final List<String> PLAIN_ISSUE_VERBS = List.of("印发", "出台", "颁布", "发布", "公布", "推出");
    /**
     * the verbs of an issue that follow the title: "《...》正式发布", "《...》出台", "现予印发"; and of its coming into
     * force, which analysts date the measure by: "欧盟《人工智能法案》于8月1日正式生效", "《...指引》开始施行"
     */
    static final List<String> AFTER_TITLE_VERBS = List.of("印发", "出台", "颁布", "发布", "公布", "下发", "生效", "施行", "实施");
    /** a legislature or cabinet passing a law: "立法院三读通过“...法”", "经院会审查,通过“...草案”" */
    static final List<String> PASS_VERBS = List.of("通过");
    /** what a passed law is called: the end of its title */
    static final List<String> LAW_NOUNS = List.of("法", "法案", "条例", "草案", "法规");
    /** the reading of a bill that passes it into law */
    static final List<String> THIRD = List.of("三读");
    /** a government meeting adopting a document: "国务院常务会议审议通过《...的意见》" (any policy title) */
    static final List<String> REVIEW_VERBS = List.of("审议通过", "审议并通过");
    /** a document's own title line: "杭州市人民政府办公厅关于加快推进...的实施意见" (the body, 关于, the subject, the kind) */
    static final List<String> ABOUT = List.of("关于");
    /** the verbs that change a restriction in force: "收紧对华AI芯片出口管制", "放宽...限制" */
    static final List<String> RESTRICT_VERBS = List.of("收紧", "放宽", "扩大", "升级", "加码", "祭出", "实施");
    /** the restrictions a government changes */
    static final List<String> RESTRICTIONS = List.of("出口管制", "管制措施", "管制", "禁令", "出口限制", "限制措施");
    static final List<String> TRIGGERS = Finder.union(ISSUE_VERBS, AFTER_TITLE_VERBS, PASS_VERBS, REVIEW_VERBS, ABOUT,
            RESTRICT_VERBS, GovernmentAddresses.ADDRESSES);
    /** what a policy named without a title is called */
    static final List<String> POLICY_NOUNS = List.of("实施意见", "实施方案", "行动方案", "行动计划", "若干措施", "产业政策", "政策", "举措",
            "意见", "方案", "办法", "措施", "规划", "通知", "条例", "新规", "规定", "禁令", "管制措施", "行政命令", "法案", "法规",
            "国家标准", "行业标准", "新政", "资助计划",
            // the genres of a government's yearly plan and its rules of detail ("2025年工作要点", "实施细则")
            "工作要点", "纲要", "细则");

    /**
     * "印发《...》"; Taiwan and Hong Kong news put a document's name in corner quotes ("公布「...条例」草案", which the
     * script conversion turns into “...”): quotes count as a title when the name is a policy's
     */
    static final Finder TITLED = Finder.of(Finder.anyOf(ISSUE_VERBS)
            + "(?:了|的)?[^，。；,;]{0,12}?(?:《([^》]{2,80})》|[「“]([^」”“「]{2,80})[」”])", ISSUE_VERBS)
            // the title opens after the verb, 了 and 12 characters
            .needing("《「“", Finder.longest(ISSUE_VERBS) + 1 + 12 + 1);
    static final Finder PLAIN = Finder.of(Finder.anyOf(PLAIN_ISSUE_VERBS) + "(?:了|的)?(?:一份|一系列|多项|新)?[^，。；,;《]{0,20}?"
            + "(" + String.join("|", POLICY_NOUNS) + ")", PLAIN_ISSUE_VERBS)
            // the noun starts after the verb, 了, 一系列 and 20 characters
            .needing(Finder.firstChars(POLICY_NOUNS), Finder.longest(PLAIN_ISSUE_VERBS) + 1 + 3 + 20 + 1);

    /** "美国商务部宣布收紧对华AI芯片出口管制": a measure told by the restriction it changes, with no title */
    static final Finder RESTRICTS = Finder.of(Finder.anyOf(RESTRICT_VERBS) + "了?[^，。；,;《]{0,16}?"
            + Finder.anyOf(RESTRICTIONS), RESTRICT_VERBS);
    private static final Words RESTRICTION = Words.of(RESTRICTIONS.toArray(new String[0]));

    /** the title first, the verb after it: "《...行动方案》(简称“《行动方案》”)正式发布", "《...》出台" */
    static final Finder TITLE_FIRST = Finder.of("《([^》]{2,80})》(?:\\([^()]{0,20}\\))?"
            // "《...》已经市政府同意,现印发给你们": the notice that issues a document under the government's consent (or
            // its meeting's: "已经市十七届政府第62次常务会议审议同意")
            + "(?:[^，。；,;《》()]{0,12}?|已经?[^，。；,;《》]{0,24}?同意[,，]\\s?现予?"
            // "《...》近日由上海市经济和信息化委员会正式发布": the issuing body as the agent of the verb
            + "|[^，。；,;《》()由]{0,6}?由[^，。；,;《》()]{2,24}?)"
            // not the noun of a later clause: "发布会", "实施以来", "实施细则", "实施一周年"
            + Finder.anyOf(AFTER_TITLE_VERBS) + "(?![会时后前者]|以来|细则|方案|意见|办法|情况|效果|一周年|满)", List.of("《"));
    static final Finder TITLE_LINE = Finder.of("关于([^，。；,;《》“”]{2,60})的(" + String.join("|", POLICY_NOUNS) + ")\\s?$",
            ABOUT);
    static final Finder REVIEWED = Finder.of(Finder.anyOf(REVIEW_VERBS) + "了?\\s?《([^》]{2,80})》", REVIEW_VERBS);
    static final Finder PASSED = Finder.of(Finder.anyOf(PASS_VERBS) + "了?\\s?[“《「]([^”》」，。]{1,40}?"
            + Finder.anyOf(LAW_NOUNS) + ")[”》」]"
            // "立法院三读通过人工智慧基本法": a third reading names the law it passes, quoted or not
            + "|三读通过了?\\s?([^，。；,;“《「]{2,30}?" + Finder.anyOf(LAW_NOUNS) + ")(?![律规])", PASS_VERBS, THIRD);
    /** "按照省政府办公厅印发的《...》": a clause that cites a document already in force, the news is elsewhere */
    static final Words CITING = Words.of("按照", "依照", "根据", "依据");
    private static final Words THIRD_READING = Words.of(THIRD.toArray(new String[0]));
    /** the letterhead opens the document: the sentences where 我委 looks for its body (bounded work per mention) */
    private static final int LETTERHEAD_SENTENCES = 40;
    /** the issuing body speaking of itself in its own document: "我委研究制定了《...》" */
    private static final Words SELF_REFERENCE = Words.of("我委", "我局", "我厅", "我部", "我办", "我署", "本委", "本局", "本厅", "本部");

    /** a title that names a policy, and one that names a report instead */
    static final Words POLICY_TITLE = Words.of("意见", "方案", "办法", "措施", "计划", "规划", "通知", "条例", "规定", "指引",
            "指南", "政策", "纲要", "细则", "决定", "法", "标准", "若干", "蓝图", "战略", "准则", "守则", "倡议",
            // "《人工智能安全治理框架》", "《个人资料保障模范框架》": a framework a government body publishes
            "框架");
    static final Words REPORT_TITLE = Words.of("报告", "白皮书", "蓝皮书", "研究", "地图", "榜", "指数", "年鉴", "趋势");
    private static final Words ANY_POLICY_NOUN = Words.of(POLICY_NOUNS.toArray(new String[0]));
    private static final Pattern GOVERNMENT_NAME = Pattern.compile(
            "(?:政府|办公厅|委员会|管委会|网信办|国务院|部|局|厅|委|办公室|署|国会|议会|立法会|立法院|内阁|参议院|众议院)$");
    /** what may stand between a place and the verb when the place speaks for its government */
    private static final Pattern PLACE_REST = Pattern.compile("(?:市|区|县)?(?:政府)?(.*)");

    /** {@code rest} is what may stand between a place and the verb: its 市 / 政府, then adverbs and time words only. */
    private static boolean placeRest(String rest) {
        Matcher m = PLACE_REST.matcher(rest);
        return m.matches() && Cues.adverbsOnly(m.group(1));
    }
    /**
     * a province or autonomous region opening a clause or a title, which stands for its government ("广东省发布《...》",
     * 《广西壮族自治区...方案》): the gazetteer holds cities, the registry the provincial governments
     */
    private static final Pattern PROVINCE = Pattern.compile("^\\s?([\\p{IsHan}]{2,3}省|[\\p{IsHan}]{2,6}?自治区)");

    PolicyRule() {
        super(EventType.POLICY, TRIGGERS,
                Policies.sectorFrom(SectorClue.POLICY_TITLE)
                        .actors(ActorFilter.NAMED)
                        .distinguishedBy(Distinction.TITLE));
    }

    @Override
    void apply(SentenceContext s) {
        String text = s.text();
        int from = s.from();
        int to = s.end();
        boolean titled = holds(text, '《', from, to);
        boolean plain = ANY_POLICY_NOUN.in(text, from, to);
        boolean quoted = holds(text, '“', from, to) || holds(text, '「', from, to);
        boolean thirdReading = THIRD_READING.in(text, from, to);
        if (RESTRICTION.in(text, from, to)) {
            restrictions(s);
        }
        if (GovernmentAddresses.in(text, from, to)) {
            GovernmentAddresses.find(s);
        }
        if (!titled && !plain && !quoted && !thirdReading) {
            return;
        }
        Finder.Scan titles = s.scan(TITLED, titled || quoted ? from : to, to);
        Set<Integer> seen = new HashSet<>();
        while (titles.find()) {
            Matcher m = titles.matcher();
            int g = m.group(1) != null ? 1 : 2;
            String title = m.group(g);
            if (!POLICY_TITLE.in(title) || REPORT_TITLE.in(title)) {
                continue;
            }
            seen.add(m.start());
            policyAt(s, m.start(), m.end(), "《" + title + "》", m.start(g), m.end(g));
        }
        titles = s.scan(TITLE_FIRST, titled ? from : to, to);
        while (titles.find()) {
            Matcher m = titles.matcher();
            String title = m.group(1);
            if (!POLICY_TITLE.in(title) || REPORT_TITLE.in(title)) {
                continue;
            }
            // the verb ends the match: the clause, the future and the subject are read before it
            int verb = m.end() - 2;
            policyAt(s, verb, m.end(), "《" + title + "》", m.start(1), m.end(1));
        }
        if (titled) {
            titles = s.scan(REVIEWED, from, to);
            while (titles.find()) {
                Matcher m = titles.matcher();
                String title = m.group(1);
                if (POLICY_TITLE.in(title) && !REPORT_TITLE.in(title)) {
                    passedAt(s, m.start(), m.end(), "《" + title + "》", m.start(1), m.end(1));
                }
            }
        }
        titles = s.scan(PASSED, from, to);
        while (titles.find()) {
            Matcher m = titles.matcher();
            // a law named without quotes is no title of its own: it merges with the quoted one ("AI基本法")
            int g = m.group(1) != null ? 1 : 2;
            passedAt(s, m.start(), m.end(), g == 1 ? "《" + m.group(g) + "》" : m.group(g), m.start(g), m.end(g));
        }
        titleLine(s);
        Finder.Scan plains = s.scan(PLAIN, plain ? from : to, to);
        while (plains.find()) {
            Matcher m = plains.matcher();
            if (seen.contains(m.start())) {
                continue;
            }
            policyAt(s, m.start(), m.end(), null, m.start(), m.end());
        }
    }

    /** A restriction changed by a government ("收紧...出口管制"); only a government's, never a company's rules. */
    private void restrictions(SentenceContext s) {
        Finder.Scan scan = s.scan(RESTRICTS, s.from(), s.end());
        while (scan.find()) {
            Matcher m = scan.matcher();
            if (government(s, m.start(), s.clauseStart(m.start())) != null) {
                policyAt(s, m.start(), m.end(), null, m.start(), m.end());
            }
        }
    }

     /** "X人民政府办公厅关于...的实施意见" alone on its line: the document itself, issued by the body before 关于. */
    private void titleLine(SentenceContext s) {
        String text = s.text();
        if (s.end() - s.start() > 120 || (s.end() < text.length() && text.charAt(s.end()) != '\n')) {
            return;
        }
        Finder.Scan scan = s.scan(TITLE_LINE, s.from(), s.end());
        if (!scan.find()) {
            return;
        }
        Matcher m = scan.matcher();
        for (OrgMention o : s.actors(ActorFilter.NAMED)) {
            if (o.end() == m.start() && isGovernment(o) && text.substring(s.start(), o.start()).isBlank()) {
                Candidate c = s.add(EventType.POLICY, o, m.start(), m.end());
                if (c != null) {
                    c.product = "《" + issuedDocument(text.substring(o.end(), m.end()).trim(), m.group(1)) + "》";
                    c.aboutStart = m.start(1);
                    c.aboutEnd = m.end(1);
                }
                return;
            }
        }
    }

    /** the notices that issue another document: "关于印发 X 的通知" issues X */
    private static final List<String> ISSUING = List.of("印发", "转发", "发布", "颁布");

    /** The document a title line names: the one a notice issues ("关于印发 X 的通知" is X), else the title itself. */
    static String issuedDocument(String title, String about) {
        for (String v : ISSUING) {
            if (about.startsWith(v) && title.endsWith("通知")) {
                String doc = about.substring(v.length()).trim();
                if (doc.startsWith("《") && doc.endsWith("》")) {
                    doc = doc.substring(1, doc.length() - 1);
                }
                return doc.length() >= 2 ? doc : title;
            }
        }
        return title;
    }

    private void policyAt(SentenceContext s, int start, int end, String title, int aboutStart, int aboutEnd) {
        int cs = s.clauseStart(start);
        if (s.future(cs, start) || s.background(cs, start) || Cues.OPINION.in(s.text(), s.from(), start)
                || shortForm(s.text(), title)
                || CITING.in(s.text(), cs, Math.min(start, cs + 4))) {
            return;
        }
        OrgMention subject = Cues.OPINION.in(s.text(), cs, start) ? null : selfReference(s, cs, start);
        if (subject == null) {
            subject = government(s, start, cs);
        }
        String derived = null;
        if (subject == null && title != null) {
            OrgMention agent = s.subjectBefore(start, cs, ActorFilter.NAMED);
            if (agent != null && !agent.place() && !isGovernment(agent) && start - agent.end() <= 8) {
                return; // "X投资公司发布《北京市...项目》招标公告": a company's document names a place, not its government
            }
            derived = governmentOfTitle(s.article().knowledge(), title);
            if (derived == null) {
                return;
            }
            subject = new OrgMention(start, start, derived, s.lookup(derived), null, null, OrgMention.LEGAL, true);
        }
        if (subject == null) {
            return;
        }
        Candidate c = s.add(EventType.POLICY, subject, start, end);
        if (c != null) {
            c.product = title;
            c.aboutStart = aboutStart;
            c.aboutEnd = aboutEnd;
            if (subject.place() && derived == null) {
                c.subjectName = subject.name();
            }
        }
    }

    /** {@code c} in {@code text[from, to)}: the sentence only, not the rest of the article. */
    private static boolean holds(String text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    /** "立法院今三读通过“人工智能基本法”": a law passed by the government body named before the verb. */
    private void passedAt(SentenceContext s, int start, int end, String title, int aboutStart, int aboutEnd) {
        int cs = s.clauseStart(start);
        if (s.future(cs, start) || Cues.OPINION.in(s.text(), s.from(), start)) {
            return;
        }
        // the body may be an agent ("经行政院院会审查,通过..."): a government named before the verb, the first of
        // the verb's clause, else the nearest before it
        OrgMention subject = null;
        for (OrgMention o : s.orgs()) {
            if (o.end() <= start && isGovernment(o)) {
                if (o.start() >= cs) {
                    subject = o;
                    break;
                }
                subject = o;
            }
        }
        Candidate c = subject == null ? null : s.add(EventType.POLICY, subject, start, end);
        if (c != null) {
            c.product = title;
            c.aboutStart = aboutStart;
            c.aboutEnd = aboutEnd;
        }
    }

    /** "(以下简称《办法》)": a short name of a title given in full elsewhere, not a document of its own. */
    private static boolean shortForm(String text, String title) {
        return title != null && (text.contains("称" + title) || text.contains("称“" + title));
    }

    /** "我委研究制定了《...》": the body speaking of itself, named first in its document (the letterhead). */
    private static OrgMention selfReference(SentenceContext s, int clauseStart, int trigger) {
        if (!SELF_REFERENCE.in(s.text(), clauseStart, trigger)) {
            return null;
        }
        for (int si = 0; si <= Math.min(s.index(), LETTERHEAD_SENTENCES); si++) {
            for (OrgMention o : s.article().orgs(si)) {
                if (o.end() <= trigger && isGovernment(o)) {
                    return o;
                }
            }
        }
        return null;
    }

    /** A government body before the trigger, or a place standing for its government (杭州发布...). */
    static OrgMention government(SentenceContext s, int trigger, int clauseStart) {
        // the first government of the verb's clause, else of the sentence ("A 推出“...”,B 公布“...”": B issues the second)
        OrgMention first = null;
        for (OrgMention o : s.actors(ActorFilter.NAMED)) {
            if (o.end() > trigger) {
                break;
            }
            if (isGovernment(o) && !addressed(s.text(), o, trigger)) {
                if (o.start() >= clauseStart) {
                    return o;
                }
                if (first == null) {
                    first = o;
                }
            }
        }
        if (first != null) {
            return first;
        }
        // a city or district name right before the verb (optionally 也/正式/近日...)
        String text = s.text();
        int head = Math.max(clauseStart, s.from());
        Matcher province = PROVINCE.matcher(text).region(head, trigger);
        if (province.lookingAt() && placeRest(text.substring(province.end(), trigger))) {
            Company c = provincialGovernment(s.article().knowledge(), province.group(1));
            if (c != null) {
                return new OrgMention(province.start(1), province.end(1), c.name(), c, null, null, OrgMention.REGISTRY, false);
            }
        }
        for (Knowledge.Hit h : s.article().hitsIn(Math.max(clauseStart, s.from()), trigger)) {
            Knowledge.Kind k = h.term().kind();
            if (k != Knowledge.Kind.CITY && k != Knowledge.Kind.DISTRICT) {
                continue;
            }
            int e = h.end();
            String rest = text.substring(e, trigger);
            if (placeRest(rest)) {
                return placeAsGovernment(text, h);
            }
        }
        return null;
    }

    /** how far before an addressee its list's 各 may stand ("各市、县(市、区)经信局,省级有关单位:") */
    private static final int ADDRESS_REACH = 30;

    /**
     * "各区县人民政府,市政府各部门(单位): 现将《...》印发给你们": the bodies a notice is sent to, listed after 各 and
     * before a colon, are its readers, never its issuer (who signs it, or opens its title line).
     */
    private static boolean addressed(String text, OrgMention o, int trigger) {
        boolean colon = false;
        for (int i = o.end(); i < trigger && !colon; i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '\n') {
                return false;
            }
            colon = c == ':' || c == '：';
        }
        if (!colon) {
            return false;
        }
        for (int i = o.start() - 1; i >= Math.max(0, o.start() - ADDRESS_REACH); i--) {
            char c = text.charAt(i);
            if (c == '各') {
                return true;
            }
            if (c == '。' || c == ':' || c == '：' || c == '\n') {
                return false;
            }
        }
        return false;
    }

    /**
     * A city or district standing for its government ("杭州发布...", "上虞区与X签订..."): named as written, with the
     * 市/区/县 right after it.
     */
    static OrgMention placeAsGovernment(String text, Knowledge.Hit place) {
        int e = place.end();
        char next = e < text.length() ? text.charAt(e) : ' ';
        String name = text.substring(place.start(), e) + ("市区县".indexOf(next) >= 0 ? String.valueOf(next) : "");
        return new OrgMention(place.start(), e, name, null, place.term().city(), place.term().country(), OrgMention.LEGAL, true);
    }

    /** A government body: by the registry, else by the end of its name. */
    static boolean isGovernment(OrgMention o) {
        if (o.company() != null) {
            return "government".equals(o.company().kind());
        }
        return GOVERNMENT_NAME.matcher(o.name()).find();
    }

    /** the ends of the names of places that have a government: a district, a county, a city, a town */
    private static final Pattern ADMINISTRATIVE_END = Pattern.compile("[区县市镇旗州盟]$");

    /** 《北京市促进...措施》 -> 北京市人民政府; 《朝阳区...计划》 -> 朝阳区人民政府. */
    private static String governmentOfTitle(Knowledge knowledge, String title) {
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
            } else if (h.term().kind() == Knowledge.Kind.DISTRICT && !ADMINISTRATIVE_END.matcher(name).find()) {
                return null; // 《中关村石景山园...方案》: a park or a quarter has no people's government of its own
            }
            return name.endsWith("人民政府") ? name : name + "人民政府";
        }
        Matcher province = PROVINCE.matcher(t);
        if (province.lookingAt()) {
            Company c = provincialGovernment(knowledge, province.group(1));
            if (c != null) {
                return c.name();
            }
        }
        return t.startsWith("国务院") ? "国务院" : null;
    }

    /** 广东省 -> 广东省人民政府, when the registry knows that government. */
    private static Company provincialGovernment(Knowledge knowledge, String province) {
        return knowledge.company(province + "人民政府").filter(c -> "government".equals(c.kind())).orElse(null);
    }
}
