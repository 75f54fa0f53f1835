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
    static final List<String> RAISE_VERBS = List.of("筹集", "筹得", "募得", "融得");
    /** the headline form "X 宣布新一轮融资 6 亿欧元": its verbs and its words for a new round */
    static final List<String> HEADLINE_VERBS = List.of("宣布", "完成", "获");
    static final List<String> NEW_ROUND = List.of("新一轮", "新一笔");

    /** what a company receives */
    static final List<String> FINANCING = List.of("融资", "投资", "注资", "战投");
    static final List<String> TRIGGERS = Finder.union(FINANCING, RAISE_VERBS);

    static final Finder RECEIVED = Finder.of(Finder.anyOf(RECEIVE_VERBS) + "了?([^，。；;,]{0,40}?)"
            + "(" + String.join("|", FINANCING) + ")(?!人|者|机构|方|界|圈|价值|回报|额度|总额|规模|的青睐|热情|逻辑|布局|企业|公司|项目)",
            RECEIVE_VERBS).lookingAround();
    static final Finder RAISED = Finder.of(Finder.anyOf(RAISE_VERBS)
            + "了?\\s?(?=[\\d数上近超约逾一二两三四五六七八九十几])", RAISE_VERBS).lookingAround();
    static final Finder HEADLINE = Finder.of("\\s?" + Finder.anyOf(HEADLINE_VERBS) + "?" + Finder.anyOf(NEW_ROUND)
            + "?融资\\s?(?=[\\d数近超约逾])", NamePatterns.REGEX_SPACES, HEADLINE_VERBS, NEW_ROUND, List.of("融资"));

    /** the words that announce a lead investor, a following one, or a list of investors after them */
    private static final List<String> LEAD_WORDS = List.of("联合领投", "领投");
    private static final List<String> FOLLOW_WORDS = List.of("跟投", "参投", "追加投资");
    private static final List<String> INVESTORS_ARE = List.of("投资方为", "投资方是", "投资方包括");
    /** a later sentence that gives the round's amount */
    private static final Words AMOUNT_SENTENCE = Words.of("融资金额", "本轮融资", "融资额", "金额");
    /** a sentence that reports statistics, not a round */
    private static final Words STATISTICS = Words.of("显示", "统计", "报告");
    private static final Words THIS_YEAR = Words.of("今年", "年内", "本年");
    /** right before the verb: the actor took part in someone else's round */
    private static final Words PARTICIPATED = Words.of("参与", "参投", "协助", "助力");

    FundingRule() {
        super(EventType.FUNDING, TRIGGERS,
                Policies.sectorFrom(SectorClue.ABOUT, SectorClue.CLAUSE,
                        SectorClue.REGISTRY, SectorClue.PROFILE, SectorClue.SENTENCE, SectorClue.ITEM)
                        .distinguishedBy(Distinction.ROUND));
    }

    @Override
    void apply(SentenceContext s) {
        String text = s.text();
        Finder.Scan received = RECEIVED.scan(text, s.from(), s.end());
        Matcher m = received.matcher();
        while (received.find()) {
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
        Finder.Scan raised = RAISED.scan(text, s.from(), s.end());
        m = raised.matcher();
        while (raised.find()) {
            if (STATISTICS.in(text, s.start(), s.end())) {
                continue;
            }
            fundingAt(s, m.start(), m.end());
        }
        Finder.Scan headline = HEADLINE.scan(text, s.from(), s.end());
        m = headline.matcher();
        while (headline.find()) {
            // "X 融资 6 亿欧元": the name right before
            for (OrgMention o : s.actors(ActorFilter.ANY)) {
                if (o.end() <= m.start() && m.start() - o.end() <= 1) {
                    fundingAt(s, m.start(), m.end());
                }
            }
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
        if (Aggregates.in(text, cs, end) && !announcedThisYear || s.background(cs, start) || s.future(cs, start)) {
            return null;
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
        return c;
    }

    /** The round's amount: in the clause, later in the sentence, or in a following sentence that gives it. */
    private static Amount amount(SentenceContext s, int from, int clauseEnd) {
        String text = s.text();
        for (AmountParser.Match m : s.amounts(from, clauseEnd)) {
            if (!Cues.valuationAt(text, m.start(), s.start())) {
                return m.amount();
            }
        }
        for (AmountParser.Match m : s.amounts(clauseEnd, s.end())) {
            if (!Cues.valuationAt(text, m.start(), s.start())) {
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
