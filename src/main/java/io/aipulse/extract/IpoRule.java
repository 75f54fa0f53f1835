package io.aipulse.extract;

import java.util.List;
import java.util.regex.Pattern;

/** IPO: a listing step (filed, approved, rejected, listed, withdrawn) read by {@link IpoStageParser}. */
final class IpoRule extends Rule {

    static final List<String> TRIGGERS = IpoStageParser.WORDS;
    /** an approval or a rejection is a listing step only in a sentence about a listing */
    private static final Words LISTING = Words.of(Finder.union(List.of("上市", "IPO", "招股", "科创板", "证监会", "聆讯", "过会", "上柜", "兴柜"),
            IpoStageParser.OFFERING_WORDS).toArray(new String[0]));
    private static final Words LISTING_REVIEW = Words.of("上市", "IPO", "招股", "科创板", "审核");

    IpoRule() {
        super(EventType.IPO, TRIGGERS,
                Policies.sectorFrom(SectorClue.REGISTRY, SectorClue.PROFILE, SectorClue.SENTENCE, SectorClue.ITEM, SectorClue.LEAD)
                        .distinguishedBy(Distinction.STAGE));
    }

    @Override
    void apply(SentenceContext s) {
        String text = s.text();
        int pos = s.from();
        while (pos < s.end()) {
            IpoStageParser.Found f = IpoStageParser.find(text, pos, s.end());
            if (f == null) {
                break;
            }
            pos = f.end();
            if (f.stage() == IpoStage.APPROVED && !LISTING.in(text, s.start(), s.end())
                    || f.stage() == IpoStage.REJECTED && !LISTING_REVIEW.in(text, s.start(), s.end())) {
                continue;
            }
            int cs = s.clauseStart(f.start());
            if (s.future(cs, f.start()) || f.stage() == IpoStage.LISTED && listedState(text, cs, f.start())
                    || Cues.tallyInState(text, cs, f.start())) {
                continue;
            }
            OrgMention subject = s.subjectBefore(f.start(), cs, ActorFilter.ANY);
            if (f.stage() == IpoStage.LISTED && subject != null && productBetween(text, subject.end(), f.start())) {
                continue; // "小米YU7正式上市", "理想i8上市": a product goes on sale, the company does not list
            }
            List<OrgMention> actors = s.actors(ActorFilter.ANY);
            if (subject != null && venue(text, subject)) {
                // the exchange or regulator acts on the company: "上交所受理X的IPO申请", "证监会同意X…注册"
                subject = null;
                int ce = VENUE_ACTS.stream().anyMatch(w -> text.startsWith(w, f.start())) ? s.clauseEnd(f.end()) : f.end();
                for (OrgMention o : actors) {
                    if (o.start() >= cs && o.end() <= ce && !venue(text, o)) {
                        subject = o;
                        break;
                    }
                }
            }
            int is = subject == null ? -1 : sponsoredAfter(text, subject, s.clauseEnd(f.end()));
            if (is >= 0 && is < f.start()) {
                // "中金公司和华泰国际是三花控股在香港上市的联席保荐人": the banks bring the company named after 是 to market
                subject = OrgMention.firstWithin(actors, is + 1, f.start());
            }
            if (subject != null && SPONSOR_ROLES.endsIn(text, Math.max(cs, subject.start() - SPONSOR_REACH), subject.start())) {
                // "公司与保荐人国泰海通证券主动撤回申请": the bank named by its role is the company's sponsor
                subject = OrgMention.firstWithin(actors, cs, subject.start());
                if (subject == null && text.substring(cs, f.start()).contains("公司")) {
                    subject = s.coreference(ActorFilter.ANY);
                }
            }
            if (subject == null && EXCHANGE_WORDS.in(text, cs, f.start())) {
                // "智谱已完成上市辅导,正式向上交所提交...申请": the clause names only the exchange; the company opens
                // the sentence
                subject = firstCompanyBefore(text, actors, cs);
            }
            for (OrgMention o = subject; o != null; o = nextInList(text, actors, o, f.start())) {
                Candidate c = s.add(EventType.IPO, o, f.start(), f.end());
                if (c != null) {
                    c.stage = f.stage();
                }
            }
        }
    }

    /**
     * An exchange or a regulator is where a company lists or who approves it, never the company listing:
     * "上交所受理X的IPO申请", "登陆港交所".
     */
    static boolean venue(String text, OrgMention o) {
        return o.isKind("government") || IpoStageParser.EXCHANGES.contains(o.name())
                || IpoStageParser.EXCHANGES.contains(text.substring(o.start(), o.end()));
    }

    /** the roles of the banks that take a company to market: not the company listing */
    private static final Words SPONSOR_ROLES = Words.of("保荐人", "保荐机构", "承销商", "账簿管理人", "整体协调人");
    /** how far before a name its role may stand ("联席保荐人 ", "保荐人、主承销商") */
    private static final int SPONSOR_REACH = 8;

    /**
     * "X是Y在香港上市的联席保荐人": the organisation is said to be a listing's sponsor before {@code end}; the position of
     * its 是 (the company listing is named after it), or -1.
     */
    static int sponsoredAfter(String text, OrgMention o, int end) {
        for (int is = o.end(); is < end; is++) {
            if (text.charAt(is) == '是') {
                return SPONSOR_ROLES.in(text, is, end) ? is : -1;
            }
        }
        return -1;
    }

    /** The first actor of the sentence before {@code clauseStart} that is not an exchange or a regulator. */
    private static OrgMention firstCompanyBefore(String text, List<OrgMention> actors, int clauseStart) {
        for (OrgMention o : actors) {
            if (o.end() > clauseStart) {
                return null;
            }
            if (!venue(text, o) && !NOT_LISTING.stream().anyMatch(o::isKind)) {
                return o;
            }
        }
        return null;
    }

    /** "X、Y已在科创板上市": a state the article recalls, not the listing it reports. */
    private static boolean listedState(String text, int clauseStart, int trigger) {
        if (!text.startsWith("在", trigger)) {
            return false;
        }
        String before = text.substring(clauseStart, trigger);
        return before.endsWith("已") || before.endsWith("已经");
    }

    /** a product's model name (Latin letters with a digit) or a product word between the company and 上市 */
    private static final Pattern PRODUCT_NAME = Pattern.compile("[A-Za-z]+\\s?\\d|\\d+\\s?系列|系列|新车|车型|新品|手机|机型");

    private static boolean productBetween(String text, int from, int to) {
        if (to - from > 16) {
            return false;
        }
        String between = STOCK_CODE.matcher(text.substring(from, to)).replaceAll("");
        return PRODUCT_NAME.matcher(between).find();
    }

    /** the kinds of organisation that never list themselves: "浙大校友...创办的X公司" */
    private static final List<String> NOT_LISTING = List.of("university", "investor", "media", "research", "association");

    private static final Words EXCHANGE_WORDS = Words.of(IpoStageParser.EXCHANGES.toArray(new String[0]));

    /** a step the exchange or the regulator takes, the company named after it */
    private static final List<String> VENUE_ACTS = List.of("受理", "同意", "上市委", "上市审核委员会");

    /** the words that join two companies doing one thing ("A 与 B 同步挂牌上市", "A、B 相继上市") */
    private static final List<String> AND = List.of("与", "和", "及", "、");

    /** The actor joined to {@code o} by 与/和/及/、 (a stock code may stand between), before {@code to}. */
    private static OrgMention nextInList(String text, List<OrgMention> actors, OrgMention o, int to) {
        for (OrgMention n : actors) {
            if (n.start() < o.end()) {
                continue;
            }
            if (n.end() > to) {
                return null;
            }
            String gap = STOCK_CODE.matcher(text.substring(o.end(), n.start())).replaceAll("").strip();
            return (AND.contains(gap) || describedItem(gap)) && !venue(text, n) ? n : null;
        }
        return null;
    }

    /** how long the descriptor of a list's next item may be: "AI 大模型企业" */
    private static final int ITEM_DESCRIPTOR = 12;

    /**
     * "天数智芯、AI 大模型企业 MiniMax 也相继在港股上市": a list mark, then a descriptor that ends like a company's
     * ({@link OrgFinder#OPENING_DESCRIPTORS}) before the next item's name.
     */
    private static boolean describedItem(String gap) {
        for (String mark : AND) {
            if (!mark.isEmpty() && gap.startsWith(mark)) {
                String d = gap.substring(mark.length()).strip();
                return d.length() <= ITEM_DESCRIPTOR && d.chars().noneMatch(c -> "，,。；;：:".indexOf(c) >= 0)
                        && OrgFinder.OPENING_DESCRIPTORS.stream().anyMatch(d::endsWith);
            }
        }
        return false;
    }

    /**
     * a stock code in parentheses after a name, with the mark of its share class: "(02026-HK)", "(00100.HK)",
     * "(688795.SH)", "-W(HK02590)"
     */
    private static final Pattern STOCK_CODE = Pattern.compile(
            "(?:-[WSBP])?\\s?\\(\\s?(?:HK|SH|SZ)?\\s?\\d{4,6}\\s?[-.]?\\s?[A-Z]{0,2}\\s?\\)");
}
