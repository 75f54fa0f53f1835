package io.aipulse.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SETBACK: shutdown, layoffs, suspension of work, a failed deal: "X 宣布裁员", "X 停止运营". */
final class SetbackRule extends Rule {

    /**
     * an authority's inquiry into a company ("对X展开调查", "对X展开反垄断调查"): a setback only for the company after 对; one
     * that only names who makes it ("OpenAI展开调查") tells none
     */
    private static final List<String> INQUIRIES = List.of("展开调查", "启动调查", "展开反垄断调查", "启动反垄断调查", "发起反垄断调查",
            "立案反垄断调查");
    /**
     * a lawsuit brought against the company after 对 ("对AI公司Midjourney提出侵权诉讼", "对Perplexity AI提起告诉"): a
     * setback for the defendant only; one that names no defendant after 对 tells none
     */
    private static final List<String> SUITS = List.of("提起诉讼", "提出诉讼", "提起侵权诉讼", "提出侵权诉讼", "提起集体诉讼",
            "提起告诉", "提告",
            // an arbitration brought by investors or partners ("投资人对X提起仲裁")
            "提起仲裁", "申请仲裁");
    /**
     * the penalties an authority imposes on the company after 对 ("对X处以罚款", "对X立案调查"), with the regulator's
     * notice that an inquiry is opened, which the company receives (《立案告知书》), and the lawsuits brought against it
     */
    private static final List<String> PENALTIES = Finder.union(List.of("罚款", "立案调查", "立案告知书"), INQUIRIES, SUITS);
    /** the words of a setback, in the order they are tried (停工停产 before 停工) */
    static final List<String> WORDS = Finder.union(List.of("停工停产", "停工", "停产", "裁员", "裁减", "资遣", "裁掉", "裁撤", "减员",
            "倒闭", "关停", "破产", "资不抵债", "暂停运营", "暂停服务", "解散", "清算", "爆雷", "停摆", "退市", "下架", "被罚", "终止合作",
            "收购失败", "融资失败", "停止运营", "停止服务", "停服", "欠薪", "断缴", "实体清单", "黑名单", "遣散",
            // Taiwan's 结束营运, a deal that collapsed, a court's list of defaulters
            "结束营运", "结束运营", "告吹", "失信被执行人"), PENALTIES);
    /** verbs that are a setback with the business they stop: "关闭了部分海外业务", "暂停旗下AI配音业务", "冻结招聘" */
    static final List<String> STOP_VERBS = List.of("关闭", "暂停", "停止", "砍掉", "缩减", "收缩", "冻结", "下线");
    static final List<String> BUSINESS = List.of("业务", "部门", "团队", "产线", "工厂", "门店", "岗位", "办公室", "分公司", "研发中心",
            "项目",
            // the operations or the service a company runs somewhere: "暂停其在迪拜的无人驾驶出租车运营", "停止所有运营"
            "运营", "营运", "服务",
            // hiring frozen ("冻结招聘", "暂停所有招聘") and a feature taken offline ("暂时下线文字转图像功能")
            "招聘", "功能");
    /** verbs that are a setback with the staff they cut: "优化了约20%的员工", "解除15名员工的合同", "在多个部门解雇员工" */
    static final List<String> CUT_VERBS = List.of("优化", "缩减", "精简", "解除", "解雇", "削减", "砍掉");
    /** the staff cut: Hong Kong and Taiwan count posts as 职位 ("砍掉2400个职位", "削减约5%职位") */
    static final List<String> STAFF = List.of("员工", "人员", "岗位", "职位", "团队规模");
    /** verbs that are a setback with the pay they hold back: "拖欠员工工资" */
    static final List<String> PAY_VERBS = List.of("拖欠", "停发");
    static final List<String> PAY = List.of("工资", "薪资", "薪水");
    /** the verbs of suing, the defendants named right after them ("控告微软和OpenAI侵害著作权", "联合起诉稀宇科技") */
    static final List<String> SUE_VERBS = List.of("起诉", "控告", "状告");
    private static final Finder SUES = Finder.of(Finder.anyOf(SUE_VERBS), SUE_VERBS);
    /**
     * verbs that call off a deal ("放弃收购...Autotalks", "终止本次交易", "终止换股吸收合并..."): the deal failed, a setback
     * for the buyer, not its acquisition
     */
    static final List<String> ABANDON_VERBS = List.of("放弃", "终止", "取消", "叫停");
    /** the deals such a verb calls off */
    static final List<String> DEALS = List.of("收购", "并购", "合并", "重组", "交易");
    /** how far the deal may follow the verb that calls it off: its kind or its target between ("终止本次重大资产重组") */
    static final int ABANDONED_REACH = 10;
    static final List<String> TRIGGERS = Finder.union(WORDS, STOP_VERBS, CUT_VERBS, PAY_VERBS, SUE_VERBS, ABANDON_VERBS);
    static final Finder SETBACK = Finder.of("(" + String.join("|", WORDS) + ")"
            + "|" + Finder.anyOf(STOP_VERBS) + "了?[^，。；,;]{0,12}?" + Finder.anyOf(BUSINESS)
            + "|" + Finder.anyOf(CUT_VERBS) + "了?[^，。；,;]{0,8}?" + Finder.anyOf(STAFF)
            + "|" + Finder.anyOf(PAY_VERBS) + "[^，。；,;]{0,6}?" + Finder.anyOf(PAY)
            // the gap holds no "+": "表决权放弃+要约收购" joins two parts of one deal
            + "|" + abandonedDeal(),
            WORDS, STOP_VERBS, CUT_VERBS, PAY_VERBS, ABANDON_VERBS).lookingAround();

    /** {@link #ABANDON_VERBS} with the deal they call off after them, as a regular expression */
    private static String abandonedDeal() {
        return Finder.anyOf(ABANDON_VERBS) + "了?[^，。；,;+＋]{0," + ABANDONED_REACH + "}?" + Finder.anyOf(DEALS);
    }

    private static final Pattern CALLED_OFF = Pattern.compile(abandonedDeal() + "$");
    /** the longest text a called-off deal spans: its verb, 了, the reach and the deal */
    private static final int CALLED_OFF_SPAN = Finder.longest(ABANDON_VERBS) + 1 + ABANDONED_REACH + Finder.longest(DEALS);

    private static final Pattern CALLED_OFF_ANYWHERE = Pattern.compile(abandonedDeal());

    /** {@code [from, to)} calls a deal off somewhere ("宣布放弃收购Autotalks"). */
    static boolean dealCalledOffIn(String text, int from, int to) {
        return CALLED_OFF_ANYWHERE.matcher(text).region(from, to).find();
    }

    /** The deal word ending at {@code dealEnd} is called off by a verb before it in its clause ("终止本次收购"). */
    static boolean calledOff(String text, int clauseStart, int dealEnd) {
        return CALLED_OFF.matcher(text).region(Math.max(clauseStart, dealEnd - CALLED_OFF_SPAN), dealEnd).find();
    }
    /** the lists a government puts companies on: the companies listed suffer the setback, not the government */
    private static final List<String> SANCTIONS = List.of("实体清单", "黑名单");
    /** the clause before the word makes it hypothetical, or a risk the company faces ("面临破产困境", "濒临倒闭") */
    private static final Words HYPOTHETICAL = Words.of("如果", "可能", "而非", "避免", "面临", "濒临", "难逃", "或许", "也许");

    SetbackRule() {
        super(EventType.SETBACK, TRIGGERS,
                Policies.sectorFrom(SectorClue.REGISTRY, SectorClue.PROFILE, SectorClue.SENTENCE, SectorClue.ITEM, SectorClue.LEAD));
    }

    @Override
    void apply(SentenceContext s) {
        Finder.Scan setbacks = s.scan(SETBACK, s.from(), s.end());
        while (setbacks.find()) {
            Matcher m = setbacks.matcher();
            int cs = s.clauseStart(m.start());
            if (HYPOTHETICAL.in(s.text(), cs, m.start()) || Cues.tallyOfCompanies(s.text(), s.from(), m.start())) {
                continue; // a hypothesis, or a trend of many companies ("谷歌、微软等数十家公司宣布裁员,...裁员总人数超过1万")
            }
            OrgMention penalised = m.group(1) != null && PENALTIES.contains(m.group(1)) ? penalised(s, cs, m.start()) : null;
            if (penalised == null && m.group(1) != null && (INQUIRIES.contains(m.group(1)) || SUITS.contains(m.group(1)))) {
                continue;
            }
            OrgMention subject = penalised != null ? penalised : s.subjectBefore(m.start(), cs, ActorFilter.ANY);
            if (subject != null && noticeOf(s.text(), subject, m.start(), m.end())) {
                subject = null; // "收到了纳斯达克的退市通知": whose notice it is, not who is delisted
            }
            if (subject != null && penalised == null && m.group(1) != null && PENALTIES.contains(m.group(1))
                    && PolicyRule.isGovernment(subject)) {
                // "塞力医疗收到中国证监会《立案告知书》": the authority imposes the penalty, the company named with it suffers
                // it; "宁波证监局拟对公司...罚款": or the company the sentences before name
                subject = companyBefore(s, m.start());
                if (subject == null) {
                    OrgMention before = s.coreference(ActorFilter.ANY);
                    if (before == null || PolicyRule.isGovernment(before)) {
                        continue;
                    }
                    subject = before;
                }
            }
            if (m.group(1) != null && SANCTIONS.contains(m.group(1)) && (subject == null || PolicyRule.isGovernment(subject))) {
                if (sanctioned(s, m.start(), m.end())) {
                    continue;
                }
                subject = null; // "美国将这家公司列入黑名单": the company named before
            }
            if (subject == null && !Cues.INDEFINITE.in(s.text(), cs, m.start()) && !Cues.OPINION.in(s.text(), s.from(), m.start())) {
                // a clause naming no company takes the company of the sentences before, unless it is someone's view
                // of layoffs at large ("并非所有人都认为AI是造成企业大裁员的主因")
                subject = s.coreference(ActorFilter.ANY);
            }
            s.add(EventType.SETBACK, subject, m.start(), m.end());
        }
        sued(s);
    }

    /** how far after the verb of suing the first defendant may stand, its descriptor between ("起诉中国AI独角兽稀宇科技") */
    private static final int DEFENDANT_REACH = 12;
    private static final List<String> DEFENDANT_JOINS = List.of("、", "和", "与", "及", "以及");

    /**
     * "纽约时报控告微软和ChatGPT开发商OpenAI侵害著作权", "四位画师起诉“小红书”": the defendants named right after the verb of
     * suing suffer the setback, not the plaintiff; "X被起诉" is X's; "不起诉" and an indictment (起诉书) are none.
     */
    private static void sued(SentenceContext s) {
        String text = s.text();
        Finder.Scan scan = s.scan(SUES, s.from(), s.end());
        while (scan.find()) {
            int at = scan.matcher().start();
            int end = scan.matcher().end();
            char before = at > 0 ? text.charAt(at - 1) : ' ';
            if ("不未".indexOf(before) >= 0 || end < text.length() && "书状".indexOf(text.charAt(end)) >= 0) {
                continue;
            }
            if (before == '被') {
                s.add(EventType.SETBACK, s.subjectBefore(at - 1, s.clauseStart(at), ActorFilter.ANY), at, end);
                continue;
            }
            defendants(s, at, end);
        }
    }

    private static void defendants(SentenceContext s, int verb, int verbEnd) {
        String text = s.text();
        int clauseEnd = s.clauseEnd(verbEnd);
        OrgMention previous = null;
        for (OrgMention o : s.orgs()) {
            if (o.start() < verbEnd || o.start() > clauseEnd) {
                continue;
            }
            String gap = text.substring(previous == null ? verbEnd : previous.end(), o.start()).strip();
            String rest = previous == null ? gap : withoutJoin(gap);
            if (rest == null || rest.length() > DEFENDANT_REACH || !ArticleContext.noClauseMark(rest)) {
                break;
            }
            if (!PolicyRule.isGovernment(o)) {
                s.add(EventType.SETBACK, o, verb, verbEnd);
            }
            previous = o;
        }
    }

    /** {@code gap} without the join it opens with ("和ChatGPT开发商" -> "ChatGPT开发商"), or null when it opens with none */
    private static String withoutJoin(String gap) {
        for (String j : DEFENDANT_JOINS) {
            if (gap.startsWith(j)) {
                return gap.substring(j.length());
            }
        }
        return null;
    }

    /**
     * "监管机构对OpenAI处以1500万欧元的罚款", "欧盟对谷歌展开调查": the organisation right after 对, before the
     * penalty, is the company that suffers it; the authority before 对 imposes it.
     */
    private static OrgMention penalised(SentenceContext s, int clauseStart, int word) {
        String text = s.text();
        for (OrgMention o : s.orgs()) {
            if (o.start() < clauseStart + 1 || o.end() > word || o.isKind("media") || PolicyRule.isGovernment(o)) {
                continue;
            }
            int at = o.start();
            while (at > clauseStart && text.charAt(at - 1) == ' ') {
                at--;
            }
            at = beforeDescriptor(text, clauseStart, at);
            if (text.charAt(at - 1) == '对') {
                return o;
            }
        }
        return null;
    }

    /** A penalty ("罚款", "立案调查", "展开反垄断调查"...) is named in {@code [from, to)}: an authority imposes it. */
    static boolean penaltyIn(String text, int from, int to) {
        return PENALTY_WORDS.in(text, from, to);
    }

    private static final Words PENALTY_WORDS = Words.of(PENALTIES.toArray(new String[0]));

    /** The first actor of the sentence before {@code word} that is neither a government body nor a media outlet. */
    private static OrgMention companyBefore(SentenceContext s, int word) {
        for (OrgMention o : s.actors(ActorFilter.ANY)) {
            if (o.end() <= word && !PolicyRule.isGovernment(o) && !o.isKind("media")) {
                return o;
            }
        }
        return null;
    }

    /** how many characters a descriptor before a name may hold: "美国公司", "生成式AI企业" */
    private static final int DESCRIPTOR_REACH = 8;

    /**
     * Where the descriptor of a name ending at {@code at} starts ("对美国公司 OpenAI": the start of 美国公司), or
     * {@code at} when none stands there: a short phrase of the clause right after 对, ending with one of
     * {@link #OWNED_OR_DESCRIBED} (a descriptor, or 旗下 after the owner).
     */
    private static int beforeDescriptor(String text, int clauseStart, int at) {
        for (String d : OWNED_OR_DESCRIBED) {
            if (at - d.length() > clauseStart && text.startsWith(d, at - d.length())) {
                for (int k = at - d.length(); k > clauseStart && k >= at - DESCRIPTOR_REACH; k--) {
                    if (text.charAt(k - 1) == '对') {
                        return k;
                    }
                }
            }
        }
        return at;
    }

    /** what may stand between 对 and the company: its descriptor ("对全球GPU巨头英伟达"), or its owner ("对马斯克旗下 xAI") */
    private static final List<String> OWNED_OR_DESCRIBED = Finder.union(OrgFinder.OPENING_DESCRIPTORS, List.of("旗下", "巨头"));

    /** the documents that announce a setback to someone else: "退市通知", "处罚决定" */
    private static final List<String> NOTICES = List.of("通知", "决定", "函", "警告", "公告");

    /**
     * "收到纳斯达克的退市通知": the organisation issued the document of the setback, named right before its 的 ("X的停工"
     * is X's own).
     */
    private static boolean noticeOf(String text, OrgMention o, int word, int wordEnd) {
        return o.end() < word && text.charAt(o.end()) == '的' && word - o.end() <= 3
                && Cues.opensWith(text, wordEnd, Math.min(text.length(), wordEnd + 2), NOTICES);
    }

    /** "商务部公布...新增至实体清单,包括A、B及C": each company the sentence names, not the government, is listed. */
    private static boolean sanctioned(SentenceContext s, int start, int end) {
        boolean any = false;
        for (OrgMention o : s.actors(ActorFilter.ANY)) {
            if (!PolicyRule.isGovernment(o) && !o.place() && !o.isKind("media")) {
                any |= s.add(EventType.SETBACK, o, start, end) != null;
            }
        }
        return any;
    }
}
