package io.aipulse.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * INVESTMENT: a company or fund commits capital of its own: "X 投资 50 亿元 ...", a fund set up or raised, a
 * computing centre or factory built, with the amount of the clause.
 */
final class InvestmentRule extends Rule {

    /** the verbs of committing capital, right before an amount */
    static final List<String> INVEST_VERBS = List.of("投资", "投入", "出资", "追加投资", "斥资");
    /** the verbs of setting up a fund */
    static final List<String> FUND_VERBS = List.of("设立", "成立", "发起", "募集", "募资", "完成募集");
    /** the verbs of building capacity */
    static final List<String> BUILD_VERBS = List.of("投建", "建设", "新建", "扩建", "建置");

    /** what a fund or a build sets up */
    static final List<String> FUND = List.of("基金");
    static final List<String> FACILITIES = List.of("算力中心", "数据中心", "智算中心", "超算中心", "资料中心", "工厂", "基地", "园区");
    /** what a company's yearly spending on capacity is called: "资本开支", "算力预算" */
    static final List<String> CAPEX = List.of("资本开支", "资本支出", "资本性支出", "资本预算", "算力预算", "capex", "Capex", "CapEx");
    /** equipment bought for a build: "采购AI算力云端业务营业用资讯设备,以建置AI算力集群暨超算中心" */
    static final List<String> PURCHASE_VERBS = List.of("采购", "购置", "购买");
    /** capital added to a company: an investment when the company is a unit of one's own */
    static final List<String> CAPITAL_INCREASES = List.of("增资");
    /** the verbs of setting up a site somewhere: "在台南设立研发中心", "于墨西哥建置产线" */
    static final List<String> SITE_VERBS = List.of("设立", "建立", "建设", "兴建", "设置", "建置", "新建", "扩建");
    /** the sites a company sets up to expand: the facilities, and its research centres and production lines */
    static final List<String> SITES = Finder.union(FACILITIES, List.of("研发中心", "研发据点", "生产线", "产线"));
    /** every match names an investing verb, a fund, a facility or site, capital spending, a purchase or added capital */
    static final List<String> TRIGGERS = Finder.union(INVEST_VERBS, FUND, SITES, CAPEX, PURCHASE_VERBS,
            CAPITAL_INCREASES);

    static final Finder INVESTS = Finder.of("(?<![获得成自领跟参的])" + Finder.anyOf(INVEST_VERBS)
            // "研发投入将超过2000亿元": the future and a reach before the amount
            + "\\s?(?=(?:将|预计)?(?:达到|达)?(?:约|超过|超|近|逾|高达|至少|不少于|不低于|不超过|最多|最高)?\\s?(?:人民币|新台币|台币|NT\\$|US\\$|HK\\$)?\\s?[\\d数上两一二三四五六七八九十几])",
            INVEST_VERBS).lookingAround();
    static final Finder SETS_UP = Finder.of(Finder.anyOf(FUND_VERBS) + "[^，。；,;轮融]{0,20}?(?:基金|产业基金)"
            + "|基金(?:以[^，。；,;]{1,12}?)?[^，。；,;]{0,6}?(?:完成募集|募资|募集)"
            // "国家人工智能产业投资基金成立,注册资本600亿元": the fund named first
            + "|基金(?:正式)?(?:成立|设立|揭牌)"
            + "|" + Finder.anyOf(BUILD_VERBS) + "[^，。；,;]{0,20}?" + Finder.anyOf(FACILITIES),
            FUND_VERBS, FUND, BUILD_VERBS);

    /**
     * "超微将在台南设立资料中心", "美光计划在台湾建立第二个制造工厂", "联影签约在光谷建设...智造基地": a company sets up a
     * site at a place, with or without an amount; the place (在 / 于 before the verb) makes it a site of its own,
     * not a facility it supports or talks about
     */
    static final Finder SETS_UP_SITE = Finder.of("(?:在|于)[^，。；,;在于]{1,14}?" + Finder.anyOf(SITE_VERBS) + "[^，。；,;]{0,14}?"
            + Finder.anyOf(SITES), List.of("在", "于")).needing(Finder.firstChars(SITE_VERBS), 1 + 14 + 1);

    /**
     * "中国移动今年算力资本开支预计为475亿元", "将资本开支指引上调至700亿美元", "资本预算约152亿美元": a company's
     * spending on capacity for a year, set or raised, with the amount right after
     */
    static final Finder SPENDS = Finder.of(Finder.anyOf(CAPEX) + "[^，。；,;\\d]{0,6}?"
            + "(?:预计|指引|预算|计划|目标)?(?:将)?(?:为|达|达到|上调至|提高至|扩大至|增至|增加至|提升至|上修至|调升至|约|超过|逾|高达)",
            CAPEX).lookingAround();
    static final Finder PURCHASES = Finder.of(Finder.anyOf(PURCHASE_VERBS) + "[^，。；,;]{0,30}?(?:设备|服务器|芯片|GPU|算力)",
            PURCHASE_VERBS);
    /** what the equipment is bought to build: a facility or a cluster named after 以/用于 */
    private static final Words BUILT_WITH = Words.of(Finder.union(FACILITIES, List.of("算力集群", "集群", "超算")).toArray(new String[0]));
    /** a clause that gives the total of the build before it: "总投资达60亿元", "项目总投资120亿元", "投资额约5亿元" */
    private static final Pattern TOTAL_NEXT = Pattern.compile("\\s?(?:项目|该项目|基金)?(?:总投资|投资总额|投资额|计划投资|总?规模|注册资本)");
    /** a purchase in the clause: 斥资 then 收购 is an acquisition, 入股 a round of another company */
    private static final Words BUYING = Words.of("收购", "并购", "买下", "入股");
    /** what spending builds: the build verbs, the facilities, research, capacity */
    private static final Words CAPACITY = Words.of(Finder.union(BUILD_VERBS, FACILITIES,
            List.of("打造", "基础设施", "算力", "研发", "产能", "扩产", "网络", "建厂", "设厂", "扩厂", "兴建")).toArray(new String[0]));
    /**
     * {@code [from, to)} spends money (斥资) on nothing the capacity words name: "斥资30亿元发红包" is money spent, not
     * invested, which {@link #apply} refuses as well.
     */
    static boolean spentNotInvested(String text, int from, int to) {
        int spent = text.indexOf(SPENT, from);
        return spent >= 0 && spent + SPENT.length() <= to && !CAPACITY.in(text, from, to);
    }

    private static final String SPENT = "斥资";

    static final Finder INCREASES = Finder.of(Finder.anyOf(CAPITAL_INCREASES), CAPITAL_INCREASES);
    /**
     * the units of one's own that added capital goes to, "对越南子公司增资", "增资美国亚利桑那州厂"; not a big maker
     * (大厂) or a vendor (厂商, 厂家), which are other companies
     */
    private static final Pattern OWN_UNIT = Pattern.compile("子公司|分公司|(?<!大)厂(?![商家])");

    /** verbs that put capital into the company named right after them */
    private static final Words INTO = Words.of("投资", "注资", "入股");
    private static final Words FACILITY = Words.of(FACILITIES.toArray(new String[0]));
    /** "由X投资建设的...数据中心项目": the builder named as the agent of a facility, with or without an amount */
    static final Finder BUILT_BY = Finder.of("由([^，。；,;由]{2,30}?)(?:(?:投资建设|投资兴建|投建|建设)的[^，。；,;]{0,24}?"
            + Finder.anyOf(FACILITIES)
            // "该项目由X投资建设,总投资约20亿元": the project's builder, the clause ending with the verb
            + "|(?:投资建设|投资兴建|出资建设)(?=[，。；,;]))", List.of("由"));
    /** the steps that put a built facility to work or start building it */
    static final List<String> COMMISSION_VERBS = List.of("投产", "投用", "投入使用", "启用", "开工", "动工", "开建", "竣工", "落成",
            "点亮", "落地");
    /**
     * "百度阳泉智算中心正式投产", "总投资100亿元的X数据中心项目正式落地": a facility started or opened is capacity
     * built by the company named before it in the clause
     */
    static final Finder COMMISSIONED = Finder.of(Finder.anyOf(FACILITIES) + "(?:一期|二期|三期)?(?:项目)?\\s?"
            + "(?:已经|已|正式|近日|日前|顺利|全面|今日)*" + Finder.anyOf(COMMISSION_VERBS), FACILITIES);
    /** the mark before a company that receives the capital: "向 X 投入", "对 X 投资" */
    private static final String RECIPIENT_MARKS = "向对";
    /** a clause whose subject is the project: "项目投资 15 亿元", "该项目总投资 120 亿元" */
    private static final Pattern PROJECT_BEFORE = Pattern.compile("(?:该|本|此|整个)?(?:项目|专案|工程)(?:总|计划|预计)?");
    /**
     * "项目总投资额达120亿元", "该项目投资金额将由40亿元增至48亿元": the project's investment as a noun, its amount after
     * a reach; group 1 is the noun, what stands before it the project
     */
    static final Finder PROJECT_TOTAL = Finder.of("(?:项目|专案|工程)(?:总|计划|预计)?(投资(?:总额|总金额|金额|额))",
            List.of("项目", "专案", "工程"));
    /** what may stand between the project's investment and its amount */
    private static final Pattern TOTAL_REACH = Pattern.compile(
            "\\s?(?:将|预计|约|达到|达|为|高达|超过|逾|近|由|不超过|不低于|\\s)*(?:人民币|新台币|台币|US\\$|NT\\$)?\\s?");
    /** a raised total: "由40亿元增至48亿元" gives the new amount after the old one */
    private static final Pattern RAISED_TO = Pattern.compile("\\s?(?:增至|增加至|提高至|上调至|调增至|扩大至)");
    /** how many sentences back a project's owner is looked for across paragraphs */
    private static final int PROJECT_ANTECEDENT_REACH = 2;
    /** a sentence that counts several projects before their total: "新引进项目19个,总投资234亿元", "9个重大项目" */
    private static final Pattern MANY_PROJECTS = Pattern.compile("\\d+\\s?个|[多两三四五六七八九十几数]个|一批|多项");

    /** "向 X", "对X": the company at {@code at} is the one the capital goes to. */
    private static boolean receives(String text, int from, int at) {
        int i = at - 1;
        while (i > from && text.charAt(i) == ' ') {
            i--;
        }
        return i >= from && RECIPIENT_MARKS.indexOf(text.charAt(i)) >= 0;
    }

    InvestmentRule() {
        super(EventType.INVESTMENT, TRIGGERS,
                Policies.sectorFrom(SectorClue.CLAUSE, SectorClue.REGISTRY, SectorClue.PROFILE, SectorClue.SENTENCE, SectorClue.LEAD).actors(ActorFilter.NAMED));
    }

    @Override
    void apply(SentenceContext s) {
        Finder.Scan invests = s.scan(INVESTS, s.from(), s.end());
        while (invests.find()) {
            Matcher m = invests.matcher();
            AmountParser.Match amount = s.firstAmount(m.end(), Math.min(s.end(), m.end() + 16));
            if (amount == null || amount.start() > m.end() + 6 || AmountParser.roundAt(s.text(), amount.end(), s.end())) {
                continue; // "投资约1亿A轮融资": the size of another's round, not capital of one's own
            }
            int nextClauseEnd = s.clauseEnd(Math.min(s.clauseEnd(m.end()) + 1, s.end()));
            if (s.text().startsWith(SPENT, m.start()) && !CAPACITY.in(s.text(), amount.end(), nextClauseEnd)) {
                // "斥资30亿元...发红包": money spent, not capacity built (which the next clause may tell: "斥资100亿美元
                // (约778亿港元),在印度建一个大型数据中心")
                continue;
            }
            investmentAt(s, m.start(), m.end(), amount.amount());
        }
        capitalIncreases(s);
        projectTotals(s);
        builtBy(s);
        commissioned(s);
        spends(s);
        purchases(s);
        sitesSetUp(s);
        Finder.Scan setsUp = s.scan(SETS_UP, s.from(), s.end());
        while (setsUp.find()) {
            Matcher m = setsUp.matcher();
            int ce = s.clauseEnd(m.end());
            AmountParser.Match amount = s.firstAmount(s.clauseStart(m.start()), ce);
            if (amount == null && TOTAL_NEXT.matcher(s.text()).region(Math.min(ce + 1, s.end()), s.end()).lookingAt()) {
                // "在芜湖投资建设智算中心,总投资达60亿元": the build's total in the clause after it
                amount = s.firstAmount(ce, s.clauseEnd(Math.min(ce + 1, s.end())));
            }
            if (amount != null) {
                investmentAt(s, m.start(), m.end(), amount.amount());
            }
        }
    }

    /**
     * "超微将在台南设立资料中心": a site set up at a place by the company named right before, its amount (if any) in the
     * clause. Only a name right before acts: "这些企业计划于香港科学园设立研发中心" names nobody, and "政府支持在贵安
     * 新区新建智算中心" has its verb (支持) between.
     */
    private void sitesSetUp(SentenceContext s) {
        Finder.Scan scan = s.scan(SETS_UP_SITE, s.from(), s.end());
        while (scan.find()) {
            Matcher m = scan.matcher();
            int cs = s.clauseStart(m.start());
            OrgMention subject = s.subjectBefore(m.start(), cs, ActorFilter.NAMED);
            if (subject == null || !Cues.adverbsOnly(withoutPlans(s.text().substring(subject.end(), m.start())))) {
                continue;
            }
            AmountParser.Match amount = s.firstAmount(cs, s.clauseEnd(m.end()));
            investmentAt(s, m.start(), m.end(), amount == null ? null : amount.amount());
        }
    }

    /** the words of an announced plan or a choice of place that may stand between the company and 在 */
    private static final Pattern PLANS = Pattern.compile(String.join("|", Cues.PLAN_WORDS)
            + "|规划|决定|宣布|选定|选择|签约|将|拟|会|也|还|正式|今年|明年|首次|再度|进一步"
            // an aside after the name ("超微(AMD)将在..."), and when ("计划于2025年在香港设立...")
            + "|\\([^()]{0,20}\\)|（[^（）]{0,20}）|(?:于|在)?\\s?\\d{4}\\s?年(?:\\d{1,2}\\s?月)?(?:底|初|内|前)?");

    private static String withoutPlans(String between) {
        return PLANS.matcher(between).replaceAll("");
    }

    /**
     * "集团将以不超过420亿元的价格采购AI算力...设备,以建置AI算力集群暨超算中心": equipment bought, with its price in the
     * clause, to build capacity the next clause names is capacity built.
     */
    private void purchases(SentenceContext s) {
        Finder.Scan scan = s.scan(PURCHASES, s.from(), s.end());
        while (scan.find()) {
            Matcher m = scan.matcher();
            int cs = s.clauseStart(m.start());
            int next = s.clauseEnd(Math.min(s.clauseEnd(m.end()) + 1, s.end()));
            AmountParser.Match amount = s.firstAmount(cs, s.clauseEnd(m.end()));
            if (amount != null && BUILT_WITH.in(s.text(), m.end(), next)) {
                investmentAt(s, m.start(), m.end(), amount.amount());
            }
        }
    }

    /**
     * "台积电以75亿美元增资美国亚利桑那州厂", "董事会通过对越南子公司增资2亿美元以扩充产能": capital added to a subsidiary or
     * a plant of one's own, with the amount in the clause, is capital committed to one's own expansion. Added to any
     * other company it is a round that company receives ("参与元钛科技现金增资"), and a capital increase that pays for
     * a purchase is an acquisition ("通过增资扩股的方式收购").
     */
    private void capitalIncreases(SentenceContext s) {
        Finder.Scan scan = s.scan(INCREASES, s.from(), s.end());
        while (scan.find()) {
            Matcher m = scan.matcher();
            int cs = s.clauseStart(m.start());
            int ce = s.clauseEnd(m.end());
            if (!OWN_UNIT.matcher(s.text()).region(cs, ce).find() || BUYING.in(s.text(), cs, ce)) {
                continue;
            }
            AmountParser.Match amount = s.firstAmount(cs, ce);
            if (amount != null) {
                investmentAt(s, m.start(), m.end(), amount.amount());
            }
        }
    }

    /** "项目总投资额达120亿元": the project's investment named as a noun, with the amount after it. */
    private void projectTotals(SentenceContext s) {
        Finder.Scan scan = s.scan(PROJECT_TOTAL, s.from(), s.end());
        while (scan.find()) {
            Matcher m = scan.matcher();
            Matcher reach = TOTAL_REACH.matcher(s.text()).region(m.end(), s.end());
            if (!reach.lookingAt()) {
                continue;
            }
            AmountParser.Match amount = s.firstAmount(reach.end(), Math.min(s.end(), reach.end() + 16));
            if (amount == null || amount.start() < m.end() || amount.start() > reach.end()) {
                continue;
            }
            if (RAISED_TO.matcher(s.text()).region(amount.end(), s.end()).lookingAt()) {
                AmountParser.Match raised = s.firstAmount(amount.end(), Math.min(s.end(), amount.end() + 24));
                amount = raised == null ? amount : raised;
            }
            investmentAt(s, m.start(1), m.end(1), amount.amount());
        }
    }

    private void spends(SentenceContext s) {
        Finder.Scan scan = s.scan(SPENDS, s.from(), s.end());
        while (scan.find()) {
            Matcher m = scan.matcher();
            AmountParser.Match amount = s.firstAmount(m.end(), Math.min(s.end(), m.end() + 12));
            if (amount != null && amount.start() <= m.end() + 4) {
                investmentAt(s, m.start(), m.end(), amount.amount());
            }
        }
    }

    private void builtBy(SentenceContext s) {
        Finder.Scan scan = s.scan(BUILT_BY, s.from(), s.end());
        while (scan.find()) {
            Matcher m = scan.matcher();
            int cs = s.clauseStart(m.start());
            if (s.background(cs, m.start()) || s.future(cs, m.start())) {
                continue;
            }
            OrgMention builder = null;
            for (OrgMention o : s.orgs()) {
                if (o.start() >= m.start(1) && o.end() <= m.end(1)) {
                    builder = o;
                    break;
                }
            }
            AmountParser.Match amount = s.firstAmount(m.end(), s.end());
            if (amount == null && !FACILITY.in(s.text(), m.start(), m.end())) {
                continue; // "由X投资建设": a build told without the facility is news only with its amount
            }
            Candidate c = s.add(EventType.INVESTMENT, builder, m.start(), m.end());
            if (c != null) {
                c.amount = amount == null ? null : amount.amount();
                c.aboutStart = m.end(1);
                c.aboutEnd = m.end();
            }
        }
    }

    private void commissioned(SentenceContext s) {
        Finder.Scan scan = s.scan(COMMISSIONED, s.from(), s.end());
        while (scan.find()) {
            Matcher m = scan.matcher();
            int cs = s.clauseStart(m.start());
            if (s.background(cs, m.start()) || s.future(cs, m.end())) {
                continue;
            }
            Candidate c = s.add(EventType.INVESTMENT, s.subjectBefore(m.start(), cs, ActorFilter.NAMED), m.start(), m.end());
            if (c != null) {
                AmountParser.Match amount = s.firstAmount(cs, s.end());
                c.amount = amount == null ? null : amount.amount();
                c.aboutStart = cs;
                c.aboutEnd = m.end();
            }
        }
    }

    /**
     * The clause before {@code start} names only the project ("项目总", "该项目"), or only 总 after a sentence that told
     * of the project ("项目总规划建设用地约500亩,总投资预计128亿元"); not the total of several projects counted before.
     */
    private static boolean projectClause(SentenceContext s, int cs, int start) {
        String text = s.text();
        int from = Math.max(cs, s.from());
        String before = text.substring(from, start).trim();
        boolean project = PROJECT_BEFORE.matcher(before).matches()
                || before.equals("总") && text.substring(s.from(), from).contains("项目");
        return project && !MANY_PROJECTS.matcher(text).region(s.from(), start).find();
    }

    private void investmentAt(SentenceContext s, int start, int end, Amount amount) {
        int cs = s.clauseStart(start);
        if (Aggregates.in(s.text(), cs, start) || s.background(cs, start) || s.text().substring(cs, start).contains("获")
                || BUYING.in(s.text(), end, s.clauseEnd(end))) {
            return;
        }
        String text = s.text();
        int ce = s.clauseEnd(end);
        for (OrgMention o : s.orgs()) {
            if (o.start() > cs && o.end() <= start && receives(text, cs, o.start())) {
                return; // "向 OpenAI 投入 N": capital put into another company, a round it receives
            }
            if (o.start() >= end && o.start() <= ce && INTO.in(text, Math.max(end, o.start() - 2), o.start())) {
                return; // "斥资130亿美元投资OpenAI": the same, the company after the verb
            }
        }
        OrgMention subject = s.subjectBefore(start, cs, ActorFilter.NAMED);
        if (subject == null && projectClause(s, cs, start)) {
            // "X 为建设单位,...,项目投资 15 亿元": the project's owner, named earlier in the sentence
            for (OrgMention o : s.actors(ActorFilter.NAMED)) {
                if (o.end() <= cs) {
                    subject = o;
                    break;
                }
            }
            if (subject == null) {
                // "X 公告称, 公司计划建设...。公告显示, 该项目投资金额将增至48亿元": the owner of the sentences before
                subject = s.coreference(ActorFilter.NAMED);
            }
            if (subject == null) {
                // the project told in a paragraph of its own, after the one that announced it
                subject = s.antecedent(ActorFilter.NAMED, PROJECT_ANTECEDENT_REACH);
            }
        }
        Candidate c = s.add(EventType.INVESTMENT, subject, start, end);
        if (c != null) {
            c.amount = amount;
            c.aboutStart = end;
            c.aboutEnd = c.clauseEnd;
        }
    }
}
