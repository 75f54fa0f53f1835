package io.aipulse.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * FUNDING: a company receives a round. "X 完成/获得 ... 融资", "X 筹集 5 亿美元", "X 融资 6 亿欧元"; the round,
 * the amount (not a valuation) and the investors, lead first.
 */
final class FundingRule extends Rule {

    /** the verbs of receiving a round, before its object */
    static final List<String> RECEIVE_VERBS = List.of("完成", "获得", "获", "拿到", "拿下", "斩获", "迎来", "收获", "筹得");
    /** the verbs of raising money, right before an amount */
    static final List<String> RAISE_VERBS = List.of("筹集", "筹得", "募得", "融得", "融了");
    /** the headline form "X 宣布新一轮融资 6 亿欧元": its verbs and its words for a new round */
    static final List<String> HEADLINE_VERBS = List.of("宣布", "完成", "获");
    static final List<String> NEW_ROUND = List.of("新一轮", "新一笔");

    /** what a company receives */
    static final List<String> FINANCING = List.of("融资", "投资", "注资", "战投", "募资");
    /** an investor's part that is a round by itself (not 参与, which takes any object) */
    static final List<String> INVESTED_PARTS = List.of("领投", "跟投", "参投", "独家投资");
    /**
     * a listed company's placement of new shares, which the analysts count as its financing ("以每股6.10港元配售3.42亿股",
     * "公告定向增发", "向特定对象发行A股股票"); an offering's 国际配售 or 公开发售 is its listing's
     */
    static final List<String> PLACEMENTS = List.of("配售", "定向增发", "定增", "向特定对象发行", "非公开发行");
    static final List<String> TRIGGERS = Finder.union(FINANCING, RAISE_VERBS, INVESTED_PARTS, PLACEMENTS);

    static final Finder RECEIVED = Finder.of(Finder.anyOf(RECEIVE_VERBS) + "了?([^，。；;,]{0,40}?)"
            + "(" + String.join("|", FINANCING) + ")(?!人|者|机构|方|界|圈|价值|回报|额度|总额|规模|的青睐|热情|逻辑|布局|企业|公司|项目)",
            RECEIVE_VERBS).lookingAround();
    static final Finder RAISED = Finder.of(Finder.anyOf(RAISE_VERBS)
            + "了?\\s?(?=[\\d数上近超约逾一二两三四五六七八九十几])", RAISE_VERBS).lookingAround();
    static final Finder HEADLINE = Finder.of("\\s?" + Finder.anyOf(HEADLINE_VERBS) + "?" + Finder.anyOf(NEW_ROUND)
            + "?融资\\s?(?:达\\s?)?(?=[\\d数近超约逾])", NamePatterns.REGEX_SPACES, HEADLINE_VERBS, NEW_ROUND, List.of("融资"))
            // every space is a first word: 融 comes after it, a verb and a new round
            .needing("融", 1 + Finder.longest(HEADLINE_VERBS) + Finder.longest(NEW_ROUND) + 1);

    /** an investor's part in a named company's round, before the company: "红杉中国领投了星海图的A轮融资" */
    static final List<String> TOOK_PART = List.of("领投", "参投", "参与", "跟投", "独家投资");
    static final Finder TOOK_PART_IN = Finder.of(Finder.anyOf(TOOK_PART) + "了?\\s?([^，。；;,的]{2,24}?)的([^，。；;,]{0,16}?)融资",
            TOOK_PART).needing("融", Finder.longest(TOOK_PART) + 1 + 1 + 24 + 1 + 16 + 1);
    /** the same without 的: "美团战投领投星海图A轮融资", the company's name ends where its round's name starts */
    static final Finder TOOK_PART_IN_ROUND = Finder.of(Finder.anyOf(TOOK_PART) + "了?\\s?([^，。；;,的]{2,24}?)(?=(?:Pre-|pre-|天使|种子|"
            + "战略|新一轮|首轮|[A-F]\\+*\\d?\\s?轮))[^，。；;,]{0,12}?融资", TOOK_PART)
            .needing("融", Finder.longest(TOOK_PART) + 1 + 24 + 12 + 1);
    /**
     * the company described (after one of the descriptors a name opens with), after the investor's part and up to the
     * end of the clause: "X联合领投国内GPU芯片企业壁仞科技,"
     * (a lead investor's part is a round by itself; the name is what follows the last descriptor)
     */
    static final Finder TOOK_PART_DESCRIBED = Finder.of(Finder.anyOf(INVESTED_PARTS) + "了?\\s?[^，。；;,的]{0,16}"
            + Finder.anyOf(OrgFinder.OPENING_DESCRIPTORS) + "\\s?([^，。；;,的]{2,12}?)(?=\\s?(?:[，。；;,]|$))", INVESTED_PARTS)
            .needing(Finder.firstChars(OrgFinder.OPENING_DESCRIPTORS), Finder.longest(INVESTED_PARTS) + 1 + 1 + 16 + 1);
    /** the longest unknown name read after a descriptor: a short name and its company ending ("星衡机器人") */
    private static final int MAX_DESCRIBED_NAME = 8;
    /** an investment into a named company, with its amount: "软银向OpenAI投资400亿美元", "亚马逊对Anthropic追加投资40亿美元" */
    static final List<String> INTO = List.of("向", "对");
    static final Finder INVESTED_INTO = Finder.of(Finder.anyOf(INTO) + "\\s?([^，。；;,]{2,20}?)\\s?(?:追加|战略|新增|再次)?(?:投资|注资)了?\\s?"
            + "(?=[\\d数上近超约逾一二两三四五六七八九十几])", INTO);
    /**
     * the formal "对Y进行投资" (invests in Y), with or without an amount: "公司以自有资金2,794万元对全诊医学进行投资",
     * "对GMI Cloud进行策略性投资"; the company is named between 对 and 进行
     */
    static final Finder INVESTED_INTO_FORMALLY = Finder.of("对\\s?([^，。；;,对]{2,20}?)\\s?进行了?(?:战略|战略性|策略性|股权)?投资",
            List.of("对")).needing("进", 1 + 20 + 2 + 1);
    /**
     * an investment told from the investor's side, the company after the verb: "阿里投资了智谱AI", "华发集团战略投资了
     * ...智谱AI", "Meta在6月投资了143亿美元于Scale AI", "X战略投资Y" (了 or 战略 makes 投资 the verb, not the noun)
     */
    static final List<String> INVESTED_IN_WORDS = List.of("投资了", "注资了", "战略投资");
    static final Finder INVESTED_IN = Finder.of("(?:战略)?(?:投资|注资)了|战略投资", INVESTED_IN_WORDS);
    /** the round named with its lead: "星海图的A轮融资由红杉中国领投" */
    static final Finder LED_BY = Finder.of("融资(?:由|是由)[^，。；;,]{2,30}?(?:领投|独家投资)", List.of("融资"))
            .needing("由", 4); // 融资由, 融资是由: most 融资 have neither
    /** an announced round: "星海图宣布了数亿元B轮融资" (the round named, or its amount) */
    static final List<String> ANNOUNCE_VERBS = List.of("宣布");
    static final Finder ANNOUNCED = Finder.of(Finder.anyOf(ANNOUNCE_VERBS) + "了?([^，。；;,]{0,16}?)融资", ANNOUNCE_VERBS);
    /**
     * what the company receives in the round, after it: "在新一轮融资中获得6亿欧元"; the match opens at 在, so that a
     * clause of adverbs before it ("就宣布在种子轮中募得") takes the company named before
     */
    static final Finder IN_ROUND = Finder.of("(?:在[^，。；;,在]{0,10}?)?(?:融资|轮)中\\s?(?:获得|筹集|筹得|募得|拿到|共获得|筹)了?\\s?"
            + "(?=[\\d数上近超约逾一二两三四五六七八九十几])", List.of("在", "融资中", "轮中"))
            .needing("中", 1 + 10 + 3); // 在 is everywhere: 中 ends the round's name within reach
    /** in an announced round's words, those of someone else's part in it, or of a round started, not closed */
    private static final Words NOT_ANNOUNCED = Words.of("领投", "参投", "参与", "投资", "启动", "开启", "开始", "筹备", "完成", "获",
            "对", "向", "的");

    static final Finder PLACED = Finder.of("(?<!国际|公开|优先|香港)(?:配售|定向增发|向特定对象发行|非公开发行"
            // 定增 is also the middle of 稳定增长, 规定增加: only with the words of its own deal
            + "|定增(?=募|预案|方案|计划|项目|事项|申请|发行|股票|股份|资金|落地|完成))"
            + "(?!结果|代理|价|基准|部分|股份数目|的股份)", PLACEMENTS);
    private static final String PLACING_AGENT = "配售代理";
    /** in a sentence about a listing, a placement is the offering's tranche ("全球发售...国际配售") */
    private static final Words LISTING_OFFERING = Words.of("全球发售", "公开发售", "招股", "上市", "IPO", "首次公开");

    /** the words that announce a lead investor, a following one, or a list of investors after them */
    private static final List<String> LEAD_WORDS = List.of("联合领投", "领投");
    private static final List<String> FOLLOW_WORDS = List.of("跟投", "参投", "追加投资");
    private static final List<String> INVESTORS_ARE = List.of("投资方为", "投资方是", "投资方包括");
    /** a later sentence that gives the round's amount */
    private static final Words AMOUNT_SENTENCE = Words.of("融资金额", "本轮融资", "融资额", "金额");
    /** a sentence that reports statistics, not a round */
    private static final Words STATISTICS = Words.of("显示", "统计", "报告");
    private static final Words THIS_YEAR = Words.of("今年", "年内", "本年");
    /** the words that make rounds counted in a clause recent news: announced, lately, back to back, within months */
    private static final Words RECENT = Words.of("宣布", "近日", "日前", "近期", "连续", "个月内", "半年内");
    /** an offering of shares to the public before the verb: its proceeds are a listing's, not a round ("透过首次公开募股筹集了") */
    private static final Words PUBLIC_OFFERING = Words.of("首次公开募股", "公开募股", "公开发行", "招股", "通过IPO", "透过IPO", "在IPO中",
            "上市时", "上市募");
    /** right before the verb: the actor took part in someone else's round */
    private static final Words PARTICIPATED = Words.of("参与", "参投", "协助", "助力");

    FundingRule() {
        super(EventType.FUNDING, TRIGGERS,
                Policies.sectorFrom(SectorClue.ABOUT, SectorClue.CLAUSE,
                        SectorClue.REGISTRY, SectorClue.PROFILE, SectorClue.SENTENCE, SectorClue.ITEM, SectorClue.LEAD)
                        .distinguishedBy(Distinction.ROUND));
    }

    @Override
    void apply(SentenceContext s) {
        String text = s.text();
        Finder.Scan received = s.scan(RECEIVED, s.from(), s.end());
        while (received.find()) {
            Matcher m = received.matcher();
            if (participatedIn(s, m)) {
                continue;
            }
            Candidate c = fundingAt(s, m.start(), m.end());
            if (c != null && c.counterparties.isEmpty()) {
                for (OrgMention o : s.orgs()) {
                    if (o.start() >= m.start(1) && o.end() <= m.end(1) && !o.name().equals(c.name())) {
                        c.counterparties = List.of(o.name());
                        break;
                    }
                }
            }
        }
        Finder.Scan raised = s.scan(RAISED, s.from(), s.end());
        while (raised.find()) {
            Matcher m = raised.matcher();
            if (STATISTICS.in(text, s.start(), s.end()) || PUBLIC_OFFERING.in(text, s.clauseStart(m.start()), m.start())) {
                continue;
            }
            fundingAt(s, m.start(), m.end());
        }
        Finder.Scan headline = s.scan(HEADLINE, s.from(), s.end());
        while (headline.find()) {
            Matcher m = headline.matcher();
            // "X 融资 6 亿欧元", "X A轮融资1亿元": the name right before, or before the round's name
            for (OrgMention o : s.actors(ActorFilter.ANY)) {
                if (o.end() <= m.start() && (m.start() - o.end() <= 1 || roundNameOnly(text, o.end(), m.start()))) {
                    fundingAt(s, m.start(), m.end());
                }
            }
        }
        amountFirstHeadlines(s);
        for (Finder f : List.of(TOOK_PART_IN, TOOK_PART_IN_ROUND, TOOK_PART_DESCRIBED)) {
            Finder.Scan tookPart = s.scan(f, s.from(), s.end());
            while (tookPart.find()) {
                Matcher m = tookPart.matcher();
                // without 的 the span may hold an amount or a word of the round: only a name the finder knows is the
                // company's
                // after a descriptor, an unknown name is taken when it ends like a company's (科技, 智能, 机器人...)
                boolean ownName = f == TOOK_PART_IN
                        || f == TOOK_PART_DESCRIBED && m.end(1) - m.start(1) <= MAX_DESCRIBED_NAME
                        && NamePatterns.hasCompanySuffix(s.text(), m.start(1), m.end(1));
                financedNamed(s, m.start(), m.end(), m.start(1), m.end(1), ownName);
            }
        }
        for (Finder f : List.of(INVESTED_INTO, INVESTED_INTO_FORMALLY)) {
            Finder.Scan into = s.scan(f, s.from(), s.end());
            while (into.find()) {
                Matcher m = into.matcher();
                // between 对 and 进行 stands the company's name and nothing else: a name the finder does not know counts
                financedNamed(s, m.start(), m.end(), m.start(1), m.end(1), f == INVESTED_INTO_FORMALLY);
            }
        }
        Finder.Scan investedIn = s.scan(INVESTED_IN, s.from(), s.end());
        while (investedIn.find()) {
            Matcher m = investedIn.matcher();
            OrgMention financed = OrgMention.firstWithin(s.orgs(), m.end(), s.clauseEnd(m.end()));
            if (financed != null) {
                financedNamed(s, m.start(), m.end(), financed.start(), financed.end(), false);
            }
        }
        for (Finder f : List.of(LED_BY, IN_ROUND)) {
            Finder.Scan scan = s.scan(f, s.from(), s.end());
            while (scan.find()) {
                Matcher m = scan.matcher();
                fundingAt(s, m.start(), m.end());
            }
        }
        if (!LISTING_OFFERING.in(text, s.start(), s.end())) {
            Finder.Scan placed = s.scan(PLACED, s.from(), s.end());
            while (placed.find()) {
                // "公司与配售代理(即中金公司...)订立配售协议,配售...": the agents the company signs with place nothing of
                // their own; the company is named before them
                int at = placed.matcher().start();
                int agents = text.lastIndexOf(PLACING_AGENT, at);
                int before = agents >= s.start() ? agents : at;
                int with = text.lastIndexOf('与', before);
                Candidate c = fundingAt(s, with >= s.clauseStart(before) ? with : before, placed.matcher().end());
                if (c != null && c.amount == null) {
                    c.amount = proceeds(s, placed.matcher().end());
                }
            }
        }
        Finder.Scan announced = s.scan(ANNOUNCED, s.from(), s.end());
        while (announced.find()) {
            Matcher m = announced.matcher();
            // the round is named ("宣布数亿元B轮融资") or its amount given ("宣布了10亿元的大额融资")
            if (!NOT_ANNOUNCED.in(text, m.start(1), amountOf(text, m.start(1), m.end(1)))
                    && (RoundParser.find(text, m.start(1), m.end(1)) != null || s.firstAmount(m.start(1), m.end(1)) != null)) {
                fundingAt(s, m.start(), m.end());
            }
        }
    }

    /**
     * what a placement raises in all, told after it ("配售事项的所得款项总额...约为27.98亿港元", "募资总额达20.88亿港元"): the
     * placement's amount when its own clause gives none (a share price is none); the net proceeds (净额) are not it
     */
    private static final List<String> PROCEEDS = List.of("所得款项总额", "募资总额", "募集资金总额", "集资总额", "预计募资");
    /** how far after the placement its proceeds are looked for (the sentence and the one or two after it) */
    private static final int PROCEEDS_REACH = 200;
    /** how far after the word of the proceeds their amount may stand ("所得款项总额及所得款项净额(扣除...)将分别约为") */
    private static final int PROCEEDS_AMOUNT_REACH = 80;

    private static Amount proceeds(SentenceContext s, int from) {
        String text = s.text();
        // only the reach is read: the rest of a long article is no placement's
        String reach = text.substring(from, Math.min(text.length(), s.end() + PROCEEDS_REACH));
        int best = -1;
        String word = null;
        for (String w : PROCEEDS) {
            int at = reach.indexOf(w);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
                word = w;
            }
        }
        if (best < 0) {
            return null;
        }
        int start = from + best + word.length();
        int end = Math.min(text.length(), start + PROCEEDS_AMOUNT_REACH);
        int stop = text.indexOf('。', start);
        if (stop >= 0 && stop < end) {
            end = stop;
        }
        List<AmountParser.Match> found = s.article().amounts().findAll(text, start, end);
        return found.isEmpty() ? null : found.get(0).amount();
    }

    /** the end of a round's name and the word of financing: "B 轮融资" */
    static final Finder ROUND_FINANCED = Finder.of("轮\\s?融资(?![额金])", List.of("轮"));

    /**
     * The headline form with the amount first: "北京爱诗科技 6000 万美元 B 轮融资", "X 1亿元天使轮融资": a name, an
     * amount right after it, a round's name and 融资, nothing else.
     */
    private void amountFirstHeadlines(SentenceContext s) {
        String text = s.text();
        Finder.Scan rounds = s.scan(ROUND_FINANCED, s.from(), s.end());
        while (rounds.find()) {
            Matcher m = rounds.matcher();
            // only the last name before the round can stand right before its amount: the amount is read once
            OrgMention last = null;
            for (OrgMention o : s.actors(ActorFilter.ANY)) {
                if (o.end() > m.start()) {
                    break;
                }
                last = o;
            }
            AmountParser.Match amount = last == null ? null : s.firstAmount(last.end(), m.start());
            if (amount != null && text.substring(last.end(), amount.start()).isBlank()
                    && roundNameOnly(text, amount.end(), m.start() + 1)) {
                fundingAt(s, amount.start(), m.end());
            }
        }
    }

    /**
     * The end of what {@link #NOT_ANNOUNCED} reads in an announced round's words: "一笔逾6亿美元的D" is read only up to
     * the amount's 的, which describes the round rather than someone else's part in it.
     */
    private static int amountOf(String text, int from, int to) {
        for (int de = to - 1; de > from; de--) {
            if (text.charAt(de) == '的') {
                return text.charAt(de - 1) == '元' ? de : to;
            }
        }
        return to;
    }

    /** Only a round's name stands in {@code [from, to)}: "A轮", "Pre-A 轮", "天使轮" (at most 8 characters). */
    private static boolean roundNameOnly(String text, int from, int to) {
        String between = text.substring(from, to).trim();
        return between.length() <= 10 && ROUND_NAME.matcher(between).matches();
    }

    /** a round's name and nothing else: "A轮", "Pre-A+ 轮", "C1轮", "天使轮", "种子+轮", "战略轮" */
    private static final java.util.regex.Pattern ROUND_NAME = java.util.regex.Pattern.compile(
            "(?i)(?:(?:pre-?\\s?)?[A-F]\\d?|天使|种子|战略)\\s?\\+*\\s?轮");

    /**
     * "红杉中国领投了星海图的A轮融资", "软银向OpenAI投资400亿美元": the organisation named right before the
     * round's 的 (or the verb) is financed; the actor before the verb is its investor. Not in a clause of the past,
     * the future or of totals. Before a round's 的 ({@code ownName}) the words are a name even when the finder does
     * not know them; after 向/对 only a known organisation is (向人工智能产业投资 finances no company).
     */
    private void financedNamed(SentenceContext s, int start, int end, int nameFrom, int nameTo, boolean ownName) {
        String text = s.text();
        int cs = s.clauseStart(start);
        OrgMention financed = null;
        for (OrgMention o : s.orgs()) {
            if (o.start() >= nameFrom && o.end() <= nameTo && nameTo - o.end() <= 1) {
                financed = o;
            }
        }
        // "领投了月之暗面和MiniMax新一轮融资": each company of a list before the round has a round of its own
        List<OrgMention> listed = financed == null ? List.of() : listedBefore(s, financed, nameFrom);
        boolean background = listed.isEmpty() ? s.background(cs, start) : s.backgroundOfEach(cs, start);
        boolean total = listed.isEmpty() ? Aggregates.total(text, cs, end) : Aggregates.sumIn(text, cs, end);
        if (total || background || s.future(cs, start)
                || Cues.willBefore(text, cs, start)) {
            return;
        }
        for (OrgMention o : listed) {
            financed(s, o, start, end, cs);
        }
        if (financed == null && ownName) {
            // "领投了灵犀动力的B轮融资": what stands between the verb and 的 is the company's name (without the round's
            // amount: "领投了星河智联1亿美元的B轮融资")
            AmountParser.Match size = s.firstAmount(nameFrom, nameTo);
            if (size != null && size.end() >= nameTo - 1) {
                nameTo = size.start();
            }
            String n = text.substring(nameFrom, nameTo).trim();
            if (OrgFinder.plausibleName(n)) {
                Company known = s.lookup(n);
                financed = new OrgMention(nameFrom, nameTo, known != null ? known.name() : Names.canonical(n), known, null, null,
                        known != null ? OrgMention.REGISTRY : OrgMention.FALLBACK, false);
            }
        }
        financed(s, financed, start, end, cs);
    }

    /** A round of {@code financed} (an organisation the text names as the company financed) at {@code [start, end)}. */
    private void financed(SentenceContext s, OrgMention financed, int start, int end, int cs) {
        String text = s.text();
        if (financed == null || financed.isKind("investor") || financed.isKind("government") || financed.place()) {
            return;
        }
        OrgMention investor = null; // the last organisation of the clause before the verb (an investor is no actor)
        for (OrgMention o : s.orgs()) {
            if (o.start() >= cs && o.end() <= start) {
                investor = o;
            }
        }
        Candidate c = s.add(EventType.FUNDING, financed, start, end);
        if (c != null) {
            c.round = RoundParser.find(text, financed.end(), Math.min(s.end(), c.clauseEnd + 1));
            c.amount = amount(s, financed.end(), c.clauseEnd);
            List<String> investors = new ArrayList<>();
            if (investor != null && !investor.name().equals(financed.name())) {
                investors.add(investor.name());
            }
            for (String n : investors(s)) {
                if (!investors.contains(n) && !n.equals(financed.name())) {
                    investors.add(n);
                }
            }
            c.counterparties = investors;
            c.aboutStart = Math.max(s.start(), financed.start() - 24);
            c.aboutEnd = financed.end();
        }
    }

    /**
     * "浦东创投参与完成恩凯赛药A+轮融资": before the verb, 参与/参投 makes the actor an investor; the company
     * financed is the organisation named in the round's object. True when the match was read this way.
     */
    private boolean participatedIn(SentenceContext s, Matcher m) {
        if (!PARTICIPATED.endsIn(s.text(), Math.max(s.from(), m.start() - 4), m.start())) {
            return false;
        }
        OrgMention investor = s.subjectBefore(m.start(), s.clauseStart(m.start()), ActorFilter.ANY);
        for (OrgMention o : s.orgs()) {
            if (o.start() >= m.start(1) && o.end() <= m.end(1)) {
                Candidate c = s.add(EventType.FUNDING, o, m.start(), m.end());
                if (c != null) {
                    c.round = RoundParser.find(s.text(), o.end(), m.end());
                    c.amount = amount(s, o.end(), c.clauseEnd);
                    c.counterparties = investor == null ? List.of() : List.of(investor.name());
                    c.aboutStart = o.start();
                    c.aboutEnd = m.end();
                }
                return true;
            }
        }
        return true; // an investor's part in someone's round, whoever that is
    }

    private Candidate fundingAt(SentenceContext s, int start, int end) {
        String text = s.text();
        int cs = s.clauseStart(start);
        boolean announcedThisYear = text.substring(s.from(), start).contains("宣布") && THIS_YEAR.in(text, cs, start);
        // "宣布连续完成两轮融资", "半年内完成三轮融资": rounds closed just now, counted, are news; a sum is not
        boolean recentRounds = RECENT.in(text, s.from(), start) && !Aggregates.sumIn(text, cs, end);
        if (Aggregates.total(text, cs, end) && !announcedThisYear && !recentRounds || s.background(cs, start)
                || s.future(cs, start) || Cues.timeOfAnother(text.substring(end, s.clauseEnd(end)))) {
            return null; // "在2021年地平线完成C7轮融资时": the round is when something else happened
        }
        OrgMention subject = s.subjectBefore(start, cs, ActorFilter.ANY);
        if (subject == null || subject.isKind("investor") && !text.substring(cs, start).contains("完成")) {
            return null;
        }
        Candidate c = s.add(EventType.FUNDING, subject, start, end);
        if (c == null) {
            return null;
        }
        // a coreferent subject ("公司") may stand in an earlier sentence: round and amount are read from this one
        int own = Math.max(subject.end(), s.start());
        c.round = RoundParser.find(text, own, Math.min(s.end(), s.clauseEnd(end) + 1));
        if (c.round == null) {
            c.round = RoundParser.find(text, c.clauseStart, c.clauseEnd);
        }
        c.amount = amount(s, own, c.clauseEnd);
        c.counterparties = investors(s);
        // the descriptor before the name says what the company does
        c.aboutStart = Math.max(s.start(), subject.start() - 24);
        c.aboutEnd = subject.end();
        if (EACH.in(text, subject.end(), start)) {
            for (OrgMention o : listedAfter(s, subject, start)) {
                Candidate each = s.add(EventType.FUNDING, o, start, end); // the amount was one company's, or all of theirs
                if (each != null) {
                    each.round = c.round;
                    each.aboutStart = Math.max(s.start(), o.start() - 24);
                    each.aboutEnd = o.end();
                }
            }
        }
        return c;
    }

    /** "A、B相继完成新一轮融资", "A和B分别获得...", "A、B这两家公司也...": each company of the list has a round of its own */
    private static final Words EACH = Words.of("相继", "陆续", "先后", "分别", "均", "都", "这两家", "这三家", "这几家", "这些");
    private static final List<String> LIST_JOINS = List.of("、", "和", "与", "及", "以及");

    /** The organisations joined to {@code last} by 、/和/与 that stand before it and after {@code from}, in order. */
    private static List<OrgMention> listedBefore(SentenceContext s, OrgMention last, int from) {
        List<OrgMention> before = new ArrayList<>();
        for (OrgMention o : s.orgs()) {
            if (o.start() >= from && o.end() <= last.start()) {
                before.add(o);
            }
        }
        List<OrgMention> out = new ArrayList<>();
        int next = last.start();
        for (int i = before.size() - 1; i >= 0; i--) {
            OrgMention o = before.get(i);
            if (!LIST_JOINS.contains(s.text().substring(o.end(), next).strip())) {
                break;
            }
            out.add(0, o);
            next = o.start();
        }
        return out;
    }

    /** The companies joined to {@code first} by 、/和/与 before {@code to}, in order. */
    private static List<OrgMention> listedAfter(SentenceContext s, OrgMention first, int to) {
        List<OrgMention> out = new ArrayList<>();
        OrgMention last = first;
        for (OrgMention o : s.actors(ActorFilter.ANY)) {
            if (o.start() < last.end()) {
                continue;
            }
            if (o.end() > to || !LIST_JOINS.contains(s.text().substring(last.end(), o.start()).strip())) {
                break;
            }
            if (!o.isKind("investor") && !o.place()) {
                out.add(o);
            }
            last = o;
        }
        return out;
    }

    /** The round's amount: in the clause, later in the sentence, or in a following sentence that gives it. */
    /** "总额1亿美元的B轮融资": an amount followed by its round is the round's size, whatever word stands before it */
    private static boolean sizesTheRound(String text, AmountParser.Match m) {
        int e = m.end();
        return e < text.length() && text.charAt(e) == '的' && text.substring(e, Math.min(text.length(), e + 10)).contains("轮");
    }

    private static Amount amount(SentenceContext s, int from, int clauseEnd) {
        String text = s.text();
        for (AmountParser.Match m : s.amounts(from, clauseEnd)) {
            if (!Cues.valuationAt(text, m.start(), s.start()) || sizesTheRound(text, m)) {
                return m.amount();
            }
        }
        for (AmountParser.Match m : s.amounts(clauseEnd, s.end())) {
            if (!Cues.valuationAt(text, m.start(), s.start()) || sizesTheRound(text, m)) {
                return m.amount();
            }
        }
        // "本轮融资金额在数百万美元级别" in a following sentence of the item
        List<Segmenter.Sentence> sentences = s.article().sentences();
        for (int k = s.index() + 1; k < sentences.size() && k <= s.index() + 3; k++) {
            Segmenter.Sentence n = sentences.get(k);
            if (n.item != s.bounds().item) {
                break;
            }
            if (AMOUNT_SENTENCE.in(text, n.start, n.end)) {
                for (AmountParser.Match m : s.article().amounts().findAll(text, n.start, n.end)) {
                    if (!Cues.valuationAt(text, m.start(), n.start)) {
                        return m.amount();
                    }
                }
            }
        }
        return null;
    }

    /** The investors of the sentence's round, read once per sentence. */
    private static List<String> investors(SentenceContext s) {
        return s.article().investors(s.index(), () -> readInvestors(s));
    }

    /**
     * Investors of a round, lead first: "由 A 领投, B、C 跟投", "投资方为 A 和 B", "获得来自 A 的 ... 投资".
     * Keyword look-ups and short look-backs, no backtracking patterns.
     */
    private static List<String> readInvestors(SentenceContext s) {
        String text = s.text();
        List<String> lead = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        List<Segmenter.Sentence> sentences = s.article().sentences();
        for (int k = s.index(); k < sentences.size() && k <= s.index() + 3; k++) {
            Segmenter.Sentence n = sentences.get(k);
            if (n.item != s.bounds().item) {
                break;
            }
            String st = text.substring(n.start, n.end);
            if (!(st.contains("投") || st.contains("来自"))) {
                continue;
            }
            for (String w : LEAD_WORDS) {
                for (int i = st.indexOf(w); i >= 0; i = st.indexOf(w, i + w.length())) {
                    if (w.equals("领投") && i >= 2 && st.startsWith("联合", i - 2)) {
                        continue;
                    }
                    String seg = segmentBefore(st, i, 60);
                    int by = seg.lastIndexOf('由');
                    lead.addAll(splitNames(s, by >= 0 ? seg.substring(by + 1) : seg));
                }
            }
            for (String w : FOLLOW_WORDS) {
                for (int i = st.indexOf(w); i >= 0; i = st.indexOf(w, i + w.length())) {
                    rest.addAll(splitNames(s, segmentBefore(st, i, 80)));
                }
            }
            for (String w : INVESTORS_ARE) {
                for (int i = st.indexOf(w); i >= 0; i = st.indexOf(w, i + w.length())) {
                    rest.addAll(splitNames(s, segmentAfter(st, i + w.length(), 80)));
                }
            }
            for (int i = st.indexOf("获得来自"); i >= 0; i = st.indexOf("获得来自", i + 4)) {
                String after = segmentAfter(st, i + 4, 40);
                int de = after.indexOf('的');
                if (de > 0) {
                    lead.addAll(splitNames(s, after.substring(0, de)));
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

    private static List<String> splitNames(SentenceContext s, String list) {
        List<String> out = new ArrayList<>();
        for (String part : NameLists.parts(NameLists.trimList(list))) {
            String p = NameLists.trimName(part.trim()).trim();
            if (p.length() < 2 || p.length() > 30 || p.contains("融资") || p.contains("公司当前")) {
                continue;
            }
            Company c = s.lookup(p);
            out.add(c != null ? c.name() : p);
        }
        return out;
    }
}
