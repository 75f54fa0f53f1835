package io.aipulse.extract;

import io.aipulse.article.Titles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PARTNERSHIP: a strategic cooperation or joint build between named parties: "X 与 Y 签署战略合作协议",
 * "X 携手 Y", "X 与 Y 合作建设...". The first named party is the subject, the others its counterparties.
 */
final class PartnershipRule extends Rule {

    /** the verbs that conclude an agreement, before its object */
    static final List<String> AGREE_VERBS = List.of("达成", "签署", "签订", "开展", "展开", "深化", "建立", "宣布");
    /** the words that join two parties: "与 Y 合作" */
    static final List<String> WITH_WORDS = List.of("与", "和", "同");
    /** 同 inside a word is no "with": 共同, 协同, 一同, 相同, 同意, 同时, 同业, 同步, 同样 */
    private static final String NOT_BEFORE_TONG = "共协一相合陪";
    private static final String NOT_AFTER_TONG = "意时业步样等类期年比";
    /** {@link #WITH_WORDS} as a pattern: 同 only where it stands alone */
    private static final String WITH = "(?:与|和|(?<![" + NOT_BEFORE_TONG + "])同(?![" + NOT_AFTER_TONG + "]))";

    /** the words of an agreement, read as they stand */
    static final List<String> AGREEMENT_WORDS = List.of("战略合作", "合作协议", "合作框架", "合作备忘录", "达成合作", "深化合作",
            "展开合作", "开展合作", "建立合作", "战略伙伴", "合作伙伴关系", "携手", "联手", "共建", "联合实验室",
            // what parties set up together: the words say there are several
            "合资公司", "合资企业", "共同成立", "共同筹建", "共同设立", "联合成立", "联合设立",
            // "X与Y宣布结盟": an alliance is an agreement between them
            "结盟",
            // Hong Kong's "X伙拍Y推出...": X teams up with Y (夥 where the page's script is not converted)
            "伙拍", "夥拍");
    /** the verbs of an agreement whose object follows within a few characters ("签署了全面战略合作协议") */
    static final List<String> SIGN_VERBS = List.of("签署", "签订", "达成", "签下");

    /** the verb of being named a partner: "成为...合作伙伴" */
    static final List<String> BECOMES = List.of("成为");

    /**
     * what the parties built, named as an attribute after the agreement ("合作开发的", "携手共建的...中心稳步运行"): the
     * thing is the news there, not the agreement
     */
    private static final String BUILT_TOGETHER = "(?:共建|打造|建设|开发|研发|推出)的";

    /** every match holds 合作, a word of an agreement or a verb of signing */
    static final List<String> TRIGGERS = Finder.union(List.of("合作", "签约"), AGREEMENT_WORDS, SIGN_VERBS);

    static final Finder AGREEMENT = Finder.of("(" + String.join("|", AGREEMENT_WORDS)
            // a verb of signing right before 的 opens a relative clause: "与Y签署的《...协议》终止" names an agreement
            // signed before, whose news is something else
            + "|签署(?!的)[^，。；,;]{0,12}?(?:协议|备忘录|承诺|合作)|签订(?!的)[^，。；,;]{0,12}?(?:协议|备忘录|合同)"
            + "|签下(?!的)[^，。；,;]{0,12}?(?:协议|备忘录)|达成(?!的)[^，。；,;]{0,6}?合作"
            // "X将成为苹果公司在中国推出AI服务的合作伙伴": X is named the other's partner
            + "|" + Finder.anyOf(BECOMES) + "[^，。；,;]{0,24}?合作伙伴)"
            // "无锡与百度携手共建的...中心稳步运行": what the parties built is named, the agreement is no news there
            + "(?!的|伙伴们|" + BUILT_TOGETHER + ")", AGREEMENT_WORDS, SIGN_VERBS, BECOMES).lookingAround();
    static final Finder WITH_PARTNER = Finder.of(WITH + "\\s?([^,，。;；、与和]{2,16}?)\\s?"
            // "腾讯与无锡签约,共同推动...": a signing with a party is an agreement with it
            + Finder.anyOf(AGREE_VERBS) + "?了?(?:战略)?(?:合作|联手|携手|签约)(?!伙伴|的|" + BUILT_TOGETHER + ")",
            WITH_WORDS).lookingAround();

    /** words that look like a party after 与 but name nobody in particular */
    private static final Words NOT_A_PARTY = Words.of(
            "客户", "用户", "伙伴", "各方", "企业", "行业", "高校", "机构", "合作", "相关", "多家", "更多", "国内外", "产业链",
            "生态", "政府", "部门", "地方", "开发者", "厂商", "公司", "团队", "学术界", "产业界", "社会", "大家", "我们", "他们");
    /**
     * words that end a party's name where they follow it: a verb of the agreement ("X与Y共同宣布", "...学系签署") or the
     * field of a cooperation ("在算力和数据要素资源开发等方面深化合作")
     */
    private static final Words NOT_IN_A_NAME = Words.of(Finder.union(AGREE_VERBS, List.of("共同", "方面", "领域")).toArray(new String[0]));
    /** agreements of a deal or a service, not of a cooperation: "签订有条件买卖协议", "签订上市辅导协议" */
    private static final Words NOT_COOPERATION = Words.of("买卖", "收购", "转让", "认购", "增资", "辅导", "承销", "保荐", "贷款",
            "借款", "租赁", "担保", "劳动", "保密", "对赌",
            // "签署重组支持协议" (with lenders), "与中金公司就潜在IPO交易合作" (the banks of a listing)
            "重组", "IPO");
    /** the deals parties do side by side: "A与B联手认购了...股份" are co-investors, not partners */
    private static final Words JOINT_DEALS = Words.of("认购", "收购", "入股", "领投", "投资", "增持", "买入", "竞购");
    /** how far after 联手/携手 a deal's verb is read */
    private static final int JOINT_DEAL_REACH = 2;

    /** A deal's verb follows the agreement word right away: "联手认购", "携手收购". */
    private static boolean jointDeal(String text, int at, int to) {
        for (int i = at; i < Math.min(at + JOINT_DEAL_REACH + 1, to); i++) {
            if (JOINT_DEALS.startsAt(text, i, to)) {
                return true;
            }
        }
        return false;
    }

    /** people who sign on behalf of the parties: "X与Y代表双方签署" */
    private static final Words ON_BEHALF = Words.of("代表双方", "代表各方", "代表两方", "分别代表");
    /** the verbs of a purchase told before the agreement in the sentence */
    private static final List<String> ACQUIRES = List.of("收购", "并购");
    /** between the partner and 合作, words of a standing relation, not of a new agreement ("与 Y 间存在...合作关系") */
    private static final Words RELATION = Words.of("的", "间", "存在", "有着", "一直", "长期");
    /** the words of a cooperation that goes on, not one that starts: "微软与OpenAI会维持合作关系" */
    private static final Words CONTINUING = Words.of("维持", "保持", "继续", "持续", "仍将", "一直");

    /** The sentence tells a research result (a paper, a journal), whose authors a bare "与 Y 合作" names. */
    private static boolean researchTold(SentenceContext s) {
        return s.scan(ResearchRule.RESULT, s.from(), s.end()).find();
    }

    /** the first characters of a reference back, not a name: "这位传奇设计师", "该公司", "其母公司", "此类企业" */
    private static final String REFERENCES = "这那该此其";

    private static final Pattern NOT_A_NAME_CHARS = Pattern.compile(".*[,，。的在将已]+.*");

    PartnershipRule() {
        super(EventType.PARTNERSHIP, TRIGGERS,
                Policies.sectorFrom(SectorClue.SENTENCE, SectorClue.ITEM, SectorClue.REGISTRY, SectorClue.LEAD));
    }

    @Override
    void apply(SentenceContext s) {
        Set<Integer> done = agreements(s);
        withPartner(s, done);
    }

    /** "X 与 Y 签署战略合作协议": returns the clauses that gave a partnership. */
    private Set<Integer> agreements(SentenceContext s) {
        String text = s.text();
        Set<Integer> done = new HashSet<>();
        Finder.Scan a = s.scan(AGREEMENT, s.from(), s.end());
        while (a.find()) {
            Matcher m = a.matcher();
            int cs = s.clauseStart(m.start());
            if (s.unrealised(cs, m.start()) || s.background(cs, m.start()) || NOT_COOPERATION.in(text, m.start(), m.end())
                    || ON_BEHALF.in(text, cs, m.start()) || jointDeal(text, m.end(), s.end())) {
                continue; // "吴长征与肖永强代表双方签署...协议": people sign for the parties, whom the text names elsewhere
            }
            List<OrgMention> parties = new ArrayList<>();
            boolean named = BECOMES.stream().anyMatch(w -> text.startsWith(w, m.start()));
            for (OrgMention o : s.actors(ActorFilter.ANY)) {
                if (o.end() <= m.start() || (o.start() >= m.end() && o.start() <= m.end() + 12
                        && o.source() == OrgMention.REGISTRY)
                        || named && o.start() >= m.start() && o.end() <= m.end()) { // "成为华为的合作伙伴": 华为
                    parties.add(o);
                }
            }
            OrgMention local = localGovernment(s, cs, m.start());
            if (local != null) {
                parties.add(0, local); // "绍兴市上虞区与智元机器人签订...": the place's government is the first party
            }
            OrgMention subject = parties.isEmpty() ? null : parties.get(0);
            if (subject != null && local == null && opensWithPartner(s, subject, cs, m.start())) {
                // the subject is the one before the clause; none named there: the partner is not it
                OrgMention implicit = s.subjectBefore(subject.start() - 1, cs, ActorFilter.ANY);
                if (implicit == null) {
                    continue;
                }
                if (!implicit.name().equals(subject.name())) {
                    parties.add(0, implicit);
                    subject = implicit;
                }
            }
            OrgMention maker = Releases.makerOfModel(s.article(), cs, subject == null ? m.start() : subject.start());
            if (maker != null) {
                parties.add(0, maker);
                subject = maker;
            }
            if (subject == null) {
                subject = Releases.makerOfModel(s.article(), s.from(), m.start());
                if (subject == null) {
                    continue;
                }
                parties.add(0, subject);
            }
            List<String> others = others(s, subject, parties, m.start(), m.end());
            if (others.isEmpty() || partnerBought(s, m.start(), others)) {
                continue;
            }
            Candidate c = s.add(EventType.PARTNERSHIP, subject, m.start(), m.end());
            if (c != null) {
                c.counterparties = others;
                c.aboutStart = m.start();
                c.aboutEnd = c.clauseEnd;
                done.add(cs);
            }
        }
        return done;
    }

    /**
     * the zones a place's government runs as a party of their own: "珠海高新区、华发集团和智谱已签署", "澳门特区与法国签署"
     */
    static final List<String> ZONES = List.of("特区", "高新区", "经开区", "开发区", "新区");
    private static final Pattern ZONE = Pattern.compile("^" + Finder.anyOf(ZONES));
    /** what may follow a place that acts as its government, before the partner's 与/和/同 (or the list's 、) */
    private static final Pattern PLACE_AS_PARTY = Pattern.compile("^(?:市|区|县)?(?:人民政府|政府|特区政府|"
            + String.join("|", ZONES) + ")?\\s?(?:与|和|同|、)");

    /**
     * "绍兴市上虞区与智元机器人签订战略合作协议", "杭州市政府与X签署": a city or district opening the clause, right before
     * the partner's 与, stands for its government (as a place before a policy does). Only places, dates and adverbs
     * stand before it in the clause.
     */
    private static OrgMention localGovernment(SentenceContext s, int clauseStart, int trigger) {
        String text = s.text();
        int from = Math.max(clauseStart, s.from());
        Knowledge.Hit last = null;
        for (Knowledge.Hit h : s.article().hitsIn(from, trigger)) {
            Knowledge.Kind k = h.term().kind();
            if (k == Knowledge.Kind.CITY || k == Knowledge.Kind.DISTRICT) {
                Matcher rest = PLACE_AS_PARTY.matcher(text).region(h.end(), trigger);
                if (rest.lookingAt()) {
                    last = h;
                    break;
                }
            }
        }
        if (last == null || !Cues.adverbsOnly(placesRemoved(s, from, last.start()))) {
            return null;
        }
        Matcher zone = ZONE.matcher(text).region(last.end(), trigger);
        if (zone.lookingAt()) {
            return new OrgMention(last.start(), zone.end(), text.substring(last.start(), zone.end()), null,
                    last.term().city(), last.term().country(), OrgMention.LEGAL, true);
        }
        return PolicyRule.placeAsGovernment(text, last);
    }

    /** {@code [from, to)} without the place names in it ("绍兴市" before "上虞区"). */
    private static String placesRemoved(SentenceContext s, int from, int to) {
        StringBuilder out = new StringBuilder();
        int at = from;
        for (Knowledge.Hit h : s.article().hitsIn(from, to)) {
            Knowledge.Kind k = h.term().kind();
            if ((k == Knowledge.Kind.CITY || k == Knowledge.Kind.DISTRICT) && h.start() >= at) {
                out.append(s.text(), at, h.start());
                at = h.end() < to && "市区县省".indexOf(s.text().charAt(h.end())) >= 0 ? h.end() + 1 : h.end();
            }
        }
        return out.append(s.text(), Math.min(at, to), to).toString();
    }

    /**
     * "同时与 Y 签署...", "公司与 Y 签订...": a clause that opens with its partner after 与/和/同 (only adverbs, or
     * 公司 / 该公司, or a person named by a title, before it) has the subject named before the clause, in the sentence or
     * the ones before.
     */
    private static boolean opensWithPartner(SentenceContext s, OrgMention first, int clauseStart, int trigger) {
        String text = s.text();
        int from = Math.max(clauseStart, s.from());
        if (first.start() <= from || first.end() > trigger
                || !WITH_WORDS.contains(String.valueOf(text.charAt(first.start() - 1)))) {
            return false;
        }
        String before = text.substring(from, first.start() - 1).trim();
        String rest = before.startsWith("公司") ? before.substring(2) : before;
        // "罗凤鸣院长与中国移动...签订": a person named by the title, who signs for the organisation named before
        return Cues.adverbsOnly(rest) || Cues.COREFERENCE.in(before) && !Cues.INDEFINITE.in(before)
                || Cues.afterPersonTitle(before, 0, before.length());
    }

    /** The parties besides the subject: named ones, registry names after the verb, or a name after 与. */
    private static List<String> others(SentenceContext s, OrgMention subject, List<OrgMention> parties, int start,
                                       int end) {
        List<String> others = new ArrayList<>();
        for (OrgMention o : parties) {
            if (!o.name().equals(subject.name()) && !others.contains(o.name())) {
                others.add(o.name());
            }
        }
        if (others.isEmpty()) {
            for (OrgMention o : s.orgs()) {
                if (o.start() > subject.end() && o.end() <= end + 12 && !o.name().equals(subject.name())
                        && o.source() == OrgMention.REGISTRY) {
                    others.add(o.name());
                }
            }
        }
        if (others.isEmpty() && subject.end() <= start) {
            // "X 近日与东风柳州汽车达成战略合作": a party the finder does not know, named after 与
            String named = partyAfterWith(s.text(), subject.end(), start);
            if (named != null) {
                others.add(named);
                int at = s.text().lastIndexOf(named, start);
                if (at >= subject.end()) {
                    s.article().addUnknownName(at, at + named.length());
                }
            }
        }
        return others;
    }

    /**
     * "OpenAI将收购由前苹果公司设计总监共同创办的新创公司io,与这位设计师联手...": a partner named in the clause of a
     * purchase earlier in the sentence is the deal, whose purpose the cooperation tells; a partner besides the
     * purchase ("收购A,与B合作") is a cooperation.
     */
    private static boolean partnerBought(SentenceContext s, int trigger, List<String> partners) {
        String text = s.text();
        for (int k = s.from(); k < trigger; k++) {
            if (Cues.opensWith(text, k, trigger, ACQUIRES)) {
                int ce = Math.min(s.clauseEnd(k), trigger);
                for (OrgMention o : s.orgs()) {
                    if (o.start() >= k && o.end() <= ce
                            && partners.stream().anyMatch(p -> EventMerger.sameOrg(p, o.name()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** "英伟达宣布将在印度与信实工业合作建设...": a plain 与 X 合作 with a named actor before it. */
    private void withPartner(SentenceContext s, Set<Integer> done) {
        Finder.Scan a = s.scan(WITH_PARTNER, s.from(), s.end());
        while (a.find()) {
            Matcher m = a.matcher();
            int cs = s.clauseStart(m.start());
            if (done.contains(cs) || s.unrealised(cs, m.start()) || s.background(cs, m.start())
                    || NOT_COOPERATION.in(s.text(), m.start(), m.end()) || jointDeal(s.text(), m.end(), s.end())
                    || Titles.inside(s.text(), s.from(), m.start(), m.start() - s.from())) {
                continue; // 《共建...算力网络和系统战略合作框架协议》: a title's words, not its parties
            }
            OrgMention subject = null;
            for (OrgMention o : s.actors(ActorFilter.ANY)) {
                if (o.end() <= m.start() && o.source() != OrgMention.FALLBACK) {
                    subject = o;
                    break;
                }
            }
            if (subject == null || CONTINUING.in(s.text(), subject.end(), m.end()) || researchTold(s)) {
                continue; // "会维持合作关系": a standing relation; "团队与X合作,在...发表论文": the research's authors
            }
            OrgMention firstPartner = null;
            if (opensWithPartner(s, subject, cs, m.start())) {
                // "...,并与微软和Stripe建立了合作关系": the first name is a partner, the subject is before the clause
                OrgMention implicit = s.subjectBefore(subject.start() - 1, cs, ActorFilter.ANY);
                if (implicit == null || implicit.name().equals(subject.name())) {
                    continue;
                }
                firstPartner = subject;
                subject = implicit;
            }
            String other = null;
            int otherEnd = m.end(1);
            for (OrgMention o : s.orgs()) {
                if (o.start() >= m.start(1) && o.end() <= m.end(1)) {
                    other = o.name();
                    otherEnd = o.end();
                    break;
                }
            }
            if (other == null) {
                other = partyName(m.group(1));
                s.article().addUnknownName(m.start(1), m.end(1));
            }
            if (other == null || other.contains(subject.name()) || subject.name().contains(other)
                    || RELATION.in(s.text(), otherEnd, m.end(1)) || partnerBought(s, m.start(), List.of(other))) {
                continue;
            }
            Candidate c = s.add(EventType.PARTNERSHIP, subject, m.start(), m.end());
            if (c != null) {
                c.counterparties = firstPartner == null || firstPartner.name().equals(other) ? List.of(other)
                        : List.of(firstPartner.name(), other);
                c.aboutStart = m.start();
                c.aboutEnd = c.clauseEnd;
                done.add(cs);
            }
        }
    }

    /** The name after 与/和/同 up to the verb, when it looks like a name. */
    private static String partyAfterWith(String text, int from, int to) {
        int w = -1;
        for (int i = to - 1; i >= from && w < 0; i--) {
            if (withWordAt(text, i)) {
                w = i;
            }
        }
        if (w < 0) {
            return null;
        }
        String rest = text.substring(w + 1, to);
        for (String verb : AGREE_VERBS) {
            int i = rest.indexOf(verb);
            if (i > 0) {
                rest = rest.substring(0, i);
            }
        }
        return partyName(rest);
    }

    /** {@code text[i]} is a 与/和/同 that joins two parties (not the 同 of 共同 or 同意). */
    private static boolean withWordAt(String text, int i) {
        char c = text.charAt(i);
        if (c == '与' || c == '和') {
            return true;
        }
        return c == '同' && (i == 0 || NOT_BEFORE_TONG.indexOf(text.charAt(i - 1)) < 0)
                && (i + 1 >= text.length() || NOT_AFTER_TONG.indexOf(text.charAt(i + 1)) < 0);
    }

    private static String partyName(String raw) {
        String n = Names.canonical(raw.trim());
        if (n.length() < 2 || n.length() > 16 || NOT_A_PARTY.in(n) || NOT_A_NAME_CHARS.matcher(n).matches()
                || NOT_IN_A_NAME.in(n)
                || REFERENCES.indexOf(n.charAt(0)) >= 0) {
            return null;
        }
        return n;
    }
}
