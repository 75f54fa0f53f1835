package io.aipulse.extract;

import java.util.List;
import java.util.regex.Matcher;

/**
 * The POLICY of a government's yearly address: "行政长官发表《施政报告》", "《财政预算案》今(25日)公布", "预算案提出全民AI
 * 培训". An address names no issuer of its own; its genre says it is a government's, and the government is the one the
 * sentence or the article names. One event per address (预算案 is the 财政预算案), whatever it proposes.
 */
final class GovernmentAddresses {

    /**
     * a government's yearly address, which lays out its measures: Hong Kong's, Macau's and Taiwan's 施政报告 (a 报告
     * that is no report of findings) and 财政预算案
     */
    static final List<String> ADDRESSES = List.of("施政报告", "财政预算案", "预算案");
    /** an earlier address, cited for what it once set out: "政府于去年《施政报告》提出..." */
    private static final Words EARLIER = Words.of("去年", "前年", "上一份", "上年度", "早前", "往年", "上届");
    /** the verbs that deliver an address, before it ("发表《施政报告》") and after it ("《财政预算案》今(25日)公布") */
    static final List<String> DELIVER_VERBS = List.of("发表", "公布", "发布", "宣读");
    static final List<String> DELIVERED_VERBS = List.of("发表", "公布", "发布", "出炉");
    /** what an address does with a measure: "《施政报告》提出成立...", "预算案又提到...", "预算案预留10亿元..." */
    static final List<String> PROPOSE_VERBS = List.of("提出", "提到", "宣布", "预留", "建议");

    /**
     * an address delivered or proposing a measure: "发表2025年施政报告", "发表《行政长官2025年施政报告》", "《财政预算案》昨日(25日)出炉",
     * "最新财政预算案提出多项措施"; group 1 or 2 is the address, 3 or 4 the verb after it
     */
    static final Finder ADDRESS = Finder.of(Finder.anyOf(DELIVER_VERBS) + "了?《?[^，。；,;《》]{0,16}?《?(" + String.join("|", ADDRESSES)
            + ")》?|《?(" + String.join("|", ADDRESSES) + ")》?(?:[^，。；,;《》]{0,12}?(" + String.join("|", DELIVERED_VERBS)
            // not the time after it: "施政报告发表后", "预算案公布时"
            + ")(?![后前时会以])|(?:中|内|又|也|还|亦)?(" + String.join("|", PROPOSE_VERBS) + "))", DELIVER_VERBS, ADDRESSES,
            List.of("《"));
    private static final Words ADDRESS_WORDS = Words.of(ADDRESSES.toArray(new String[0]));

    private GovernmentAddresses() {
    }

    /** One of the addresses stands in {@code text[from, to)}. */
    static boolean in(String text, int from, int to) {
        return ADDRESS_WORDS.in(text, from, to);
    }

    /**
     * A government's address delivered ("行政长官发表《施政报告》") or proposing a measure ("预算案提出全民AI培训"): one
     * policy per address, whose subject is the government it speaks for.
     */
    static void find(SentenceContext s) {
        Finder.Scan scan = s.scan(ADDRESS, s.from(), s.end());
        while (scan.find()) {
            Matcher m = scan.matcher();
            int g = m.group(1) != null ? 1 : 2;
            // the verb after the address is the trigger ("《财政预算案》昨日(25日)出炉": the time before it dates it)
            int verb = m.group(3) != null ? m.start(3) : m.group(4) != null ? m.start(4) : m.start();
            int cs = s.clauseStart(m.start());
            if (s.future(cs, verb) || s.background(cs, verb) || Cues.OPINION.in(s.text(), s.from(), verb)
                    || PolicyRule.CITING.in(s.text(), cs, Math.min(m.start(), cs + 4))
                    || EARLIER.in(s.text(), cs, m.start(g))) {
                continue;
            }
            OrgMention subject = addressGovernment(s, m.start(), cs);
            Candidate c = subject == null ? null : s.add(EventType.POLICY, subject, verb, m.end());
            if (c != null) {
                c.product = "《" + fullAddress(m.group(g)) + "》";
                c.aboutStart = m.start(g);
                c.aboutEnd = m.end(g);
                if (subject.place()) {
                    c.subjectName = subject.name();
                }
            }
        }
    }

    /** 预算案 is the 财政预算案 by its short name: one address, one event. */
    private static String fullAddress(String address) {
        for (String a : ADDRESSES) {
            if (a.endsWith(address)) {
                return a;
            }
        }
        return address;
    }

    /**
     * The government an address speaks for: a government named before it (as for any policy), else a government or
     * a place with one named in the sentence ("香港行政长官李家超发表..."), else in the article: the address names none
     * itself, its genre says it is a government's.
     */
    private static OrgMention addressGovernment(SentenceContext s, int trigger, int clauseStart) {
        OrgMention named = PolicyRule.government(s, trigger, clauseStart);
        if (named != null) {
            return named;
        }
        ArticleContext article = s.article();
        OrgMention inSentence = wholeGovernment(article, s.index(), s.start(), s.end());
        if (inSentence != null) {
            return inSentence;
        }
        for (int si = 0; si < article.sentences().size(); si++) {
            Segmenter.Sentence other = article.sentences().get(si);
            OrgMention found = wholeGovernment(article, si, other.start, other.end);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A government as a whole (香港特区政府, not one of its bureaus) named in a sentence, or a place that has one. */
    private static OrgMention wholeGovernment(ArticleContext article, int si, int start, int end) {
        for (OrgMention o : article.orgs(si)) {
            if (PolicyRule.isGovernment(o) && o.name().endsWith("政府")) {
                return o;
            }
        }
        for (Knowledge.Hit h : article.hitsIn(start, end)) {
            if (h.term().kind() == Knowledge.Kind.CITY) {
                String place = article.text().substring(h.start(), h.end());
                for (String name : List.of(place + "政府", place + "人民政府", place + "市人民政府")) {
                    Company c = article.knowledge().company(name)
                            .filter(x -> "government".equals(x.kind())).orElse(null);
                    if (c != null) {
                        return new OrgMention(h.start(), h.end(), c.name(), c, null, null, OrgMention.REGISTRY, false);
                    }
                }
            }
        }
        return null;
    }
}
