package io.aipulse.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ACQUISITION: "X 收购 Y", "Y 被 X 收购": the acquirer is the subject, the target its counterparty, with the
 * price after the verb (or before it: "X 以 5 亿美元收购 Y").
 */
final class AcquisitionRule extends Rule {

    /** the verbs of buying a company, active voice */
    static final List<String> BUY_VERBS = List.of("全资收购", "收购", "并购", "买下", "吞并", "入主");

    /** taking control or the whole company: "取得天普股份控制权", "获得 Y 的控股权", "取得 Y 全数股权" */
    static final List<String> CONTROL_VERBS = List.of("取得", "获得", "拿下");
    static final List<String> CONTROL_NOUNS = List.of("控制权", "控股权", "全部股权", "全数股权", "全部股份", "全数股份");

    static final List<String> TRIGGERS = Finder.union(BUY_VERBS, CONTROL_NOUNS);
    static final Finder TAKES_CONTROL = Finder.of(Finder.anyOf(CONTROL_VERBS) + "了?([^，。；,;]{2,30}?)的?"
            + Finder.anyOf(CONTROL_NOUNS), CONTROL_VERBS);
    /** the deal as a noun: "完成对饿了么的收购", "已完成对Pico的并购" */
    static final Finder COMPLETES = Finder.of("完成了?对([^，。；,;]{2,20}?)的(?:全资)?(?:收购|并购)", List.of("完成"));

    /** nouns that 收购/并购 modifies ("并购市场", "并购投资人", "收购大户"): no deal of its own */
    static final List<String> DEAL_NOUNS = List.of("案", "价", "方", "潮", "传闻", "失败", "计划", "对象", "标的", "市场", "投资", "基金",
            "交易", "消息", "事件", "大户", "大旗", "整合", "重组", "期限", "资金", "竞争", "热", "步伐", "退出", "专家", "团队", "经验");
    /** 入主 (takes control) is not the words 收入 and 主要 run together ("智谱收入主要来自..."): income */
    private static final String TAKES_OVER = "入主";
    static final Finder BUYS = Finder.of("(?:"
            + Finder.anyOf(BUY_VERBS.stream().filter(v -> !v.equals(TAKES_OVER)).toList())
            + "|(?<!收)" + TAKES_OVER + "(?!要))(?!" + String.join("|", DEAL_NOUNS) + ")", BUY_VERBS)
            // the look-behind must see the 收 before 入主 wherever the scan starts trying the pattern
            .lookingAround();
    /** a target that counts companies ("收购了超过30家AI初创公司"): a tally of deals, not one */
    private static final Pattern TALLY = Pattern.compile("^(?:了)?(?:超过|逾|近|约|共|累计)?(?:\\d+|[二三四五六七八九十两几数多][一二三四五六七八九十两几数多]*)(?:多)?家");
    static final Finder BOUGHT_BY = Finder.of("被([^，。；,;被]{1,20}?)(?:全资)?(?:收购|并购)", List.of("被"));

    AcquisitionRule() {
        super(EventType.ACQUISITION, TRIGGERS,
                Policies.sectorFrom(SectorClue.TARGET, SectorClue.ABOUT, SectorClue.TARGET_PROFILE, SectorClue.SENTENCE,
                        SectorClue.REGISTRY, SectorClue.PROFILE, SectorClue.LEAD));
    }

    @Override
    void apply(SentenceContext s) {
        takesControl(s, TAKES_CONTROL);
        takesControl(s, COMPLETES);
        Set<Integer> done = boughtBy(s);
        String text = s.text();
        Finder.Scan verbs = s.scan(BUYS, s.from(), s.end());
        while (verbs.find()) {
            Matcher m = verbs.matcher();
            if (done.contains(m.end())) {
                continue;
            }
            int cs = s.clauseStart(m.start());
            if (s.background(cs, m.start()) || s.unrealised(cs, m.start())) {
                continue;
            }
            if (SetbackRule.calledOff(text, cs, m.end())) {
                continue; // "放弃收购Autotalks": a deal called off is the buyer's setback (SetbackRule), no acquisition
            }
            OrgMention subject = s.subjectBefore(m.start(), cs, ActorFilter.ANY);
            if (subject == null && cs > s.from() && PRICE_ONLY.matcher(s.text().substring(cs, m.start())).matches()) {
                // "X联合Y等机构,以约400亿美元获得Z的控制权": a clause of the price only takes the buyer of the clause before
                subject = s.subjectBefore(cs - 1, s.clauseStart(cs - 1), ActorFilter.ANY);
            }
            if (subject == null) {
                continue;
            }
            String target = null;
            int tStart = m.end();
            int tEnd = m.end();
            int targetLimit = s.clauseEnd(m.end());
            List<OrgMention> orgs = s.orgs();
            for (int k = 0; k < orgs.size(); k++) {
                OrgMention o = orgs.get(k);
                if (o.start() >= m.end() && o.start() <= targetLimit) {
                    // "收购人工智能基础设施集团ZTSystems": a name right after a name the registry does not know is the
                    // target, the first its descriptor
                    if (o.company() == null && k + 1 < orgs.size() && orgs.get(k + 1).start() >= o.end()
                            && text.substring(o.end(), orgs.get(k + 1).start()).isBlank()) {
                        o = orgs.get(k + 1);
                    }
                    target = o.name();
                    tStart = o.start();
                    tEnd = o.end();
                    break;
                }
            }
            if (TALLY.matcher(text.substring(m.end(), Math.min(targetLimit, m.end() + 12))).find()) {
                continue;
            }
            if (target == null) {
                int e = text.startsWith("了", m.end()) ? m.end() + 1 : m.end();
                int from = e;
                int limit = Math.min(s.clauseEnd(m.end()), m.end() + 16);
                while (e < limit && "的，,。、 ".indexOf(text.charAt(e)) < 0) {
                    e++;
                }
                if (e - from >= 2) {
                    target = Names.canonical(text.substring(from, e));
                    tStart = from;
                    tEnd = e;
                }
            }
            if (target == null) {
                continue;
            }
            Candidate c = s.add(EventType.ACQUISITION, subject, m.start(), m.end());
            if (c != null) {
                c.counterparties = List.of(target);
                c.amount = dealPrice(s, subject.end() < m.start() ? subject.end() : cs, m.start(), m.end());
                c.aboutStart = Math.min(tStart, m.end());
                c.aboutEnd = tEnd;
            }
        }
    }

    /**
     * "X ...,取得天普股份控制权", "X 完成对 Y 的收购": taking control of a company is acquiring it; the company (group 1
     * of {@code deal}) in the counterparties.
     */
    private void takesControl(SentenceContext s, Finder deal) {
        Finder.Scan scan = s.scan(deal, s.from(), s.end());
        while (scan.find()) {
            Matcher m = scan.matcher();
            int cs = s.clauseStart(m.start());
            if (s.background(cs, m.start()) || s.unrealised(cs, m.start())) {
                continue;
            }
            OrgMention subject = s.subjectBefore(m.start(), cs, ActorFilter.ANY);
            if (subject == null && cs > s.from() && PRICE_ONLY.matcher(s.text().substring(cs, m.start())).matches()) {
                // "X联合Y等机构,以约400亿美元获得Z的控制权": a clause of the price only takes the buyer of the clause before
                subject = s.subjectBefore(cs - 1, s.clauseStart(cs - 1), ActorFilter.ANY);
            }
            if (subject == null) {
                continue;
            }
            String target = null;
            for (OrgMention o : s.orgs()) {
                if (o.start() >= m.start(1) && o.end() <= m.end(1)) {
                    target = o.name();
                    break;
                }
            }
            if (target == null) {
                target = Names.canonical(m.group(1).trim());
            }
            if (target.length() < 2 || target.equals(subject.name())) {
                continue;
            }
            Candidate c = s.add(EventType.ACQUISITION, subject, m.start(), m.end());
            if (c != null) {
                c.counterparties = List.of(target);
                c.amount = priceBefore(s, subject.end() < m.start() ? subject.end() : cs, m.start(), true);
                c.aboutStart = m.start(1);
                c.aboutEnd = m.end(1);
            }
        }
    }

    /** a clause that says the price and nothing else before the verb: "以约400亿美元", "以3亿美元的价格" */
    private static final Pattern PRICE_ONLY = Pattern.compile(
            "^\\s?(?:并|再|又|将|拟)?以(?:约|近|逾|超过)?[\\d.,，\\s]*[万亿]*[\\p{IsHan}]{0,3}?元(?:的?价格)?\\s?$");

    /** "Y 被 X 收购": the passive voice; returns the ends of the verbs it read. */
    private Set<Integer> boughtBy(SentenceContext s) {
        Finder.Scan passive = s.scan(BOUGHT_BY, s.from(), s.end());
        Set<Integer> done = new HashSet<>();
        while (passive.find()) {
            Matcher p = passive.matcher();
            OrgMention acquirer = null;
            for (OrgMention o : s.orgs()) {
                if (o.start() >= p.start(1) && o.end() <= p.end(1)) {
                    acquirer = o;
                    break;
                }
            }
            OrgMention target = s.subjectBefore(p.start(), s.clauseStart(p.start()), ActorFilter.ANY);
            if (acquirer != null && target != null) {
                Candidate c = s.add(EventType.ACQUISITION, acquirer, p.start(), p.end());
                if (c != null) {
                    c.counterparties = List.of(target.name());
                    // as in the active voice: "被Meta以20亿美元收购", "被Meta超20亿美元收购"
                    c.amount = dealPrice(s, s.clauseStart(p.start()), p.end(), p.end());
                    c.aboutStart = target.start();
                    c.aboutEnd = target.end();
                }
                done.add(p.end());
            }
        }
        return done;
    }

    /**
     * A deal's price: the amount after 以 before the verb first, then the first after the verb, then any before it
     * in {@code [from, verbStart)}; never a valuation.
     */
    private static Amount dealPrice(SentenceContext s, int from, int verbStart, int verbEnd) {
        Amount amount = priceBefore(s, from, verbStart, true);
        if (amount == null) {
            amount = price(s, verbEnd);
        }
        return amount != null ? amount : priceBefore(s, from, verbStart, false);
    }

    /**
     * The price before the verb: "X 以 49 亿美元的现金加股票交易收购 Y" (with {@code byYi}, only an amount after 以,
     * which the price after the verb does not override), else any amount there; never a valuation ("以 25 亿美元的
     * 估值收购").
     */
    private static Amount priceBefore(SentenceContext s, int from, int verb, boolean byYi) {
        String text = s.text();
        for (AmountParser.Match a : s.amounts(from, verb)) {
            int after = a.end();
            if (text.startsWith("的估值", after) || text.startsWith("估值", after)
                    || Cues.valuationAt(text, a.start(), s.start())) {
                continue;
            }
            if (!byYi || text.substring(Math.max(from, a.start() - 3), a.start()).contains("以")) {
                return a.amount();
            }
        }
        return null;
    }

    /** The first amount after the verb that is not a valuation. */
    private static Amount price(SentenceContext s, int from) {
        for (AmountParser.Match m : s.amounts(from, s.end())) {
            if (!Cues.valuationAt(s.text(), m.start(), s.start())) {
                return m.amount();
            }
        }
        return null;
    }
}
