package io.aipulse.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * ACQUISITION: "X 收购 Y", "Y 被 X 收购": the acquirer is the subject, the target its counterparty, with the
 * price after the verb (or before it: "X 以 5 亿美元收购 Y").
 */
final class AcquisitionRule implements Rule {

    /** the verbs of buying a company, active voice */
    static final List<String> BUY_VERBS = List.of("全资收购", "收购", "并购", "买下", "吞并");

    static final List<String> TRIGGERS = BUY_VERBS;

    static final Finder BUYS = Finder.of(Finder.anyOf(BUY_VERBS) + "(?!案|价|方|潮|传闻|失败|计划|对象|标的)", BUY_VERBS);
    static final Finder BOUGHT_BY = Finder.of("被([^，。；,;被]{1,20}?)(?:全资)?(?:收购|并购)", List.of("被"));

    @Override
    public EventType type() {
        return EventType.ACQUISITION;
    }

    @Override
    public List<String> triggers() {
        return TRIGGERS;
    }

    @Override
    public List<SectorClue> sectorClues() {
        return List.of(SectorClue.TARGET, SectorClue.ABOUT, SectorClue.SENTENCE, SectorClue.REGISTRY);
    }

    @Override
    public void apply(SentenceContext s) {
        Set<Integer> done = boughtBy(s);
        String text = s.text();
        Finder.Scan verbs = BUYS.scan(text, s.from(), s.end());
        Matcher m = verbs.matcher();
        while (verbs.find()) {
            if (done.contains(m.end())) {
                continue;
            }
            int cs = s.clauseStart(m.start());
            if (s.background(cs, m.start()) || s.future(cs, m.start()) && !text.substring(cs, m.start()).contains("拟")) {
                continue;
            }
            OrgMention subject = s.subjectBefore(m.start(), cs, ActorFilter.ANY);
            if (subject == null) {
                continue;
            }
            String target = null;
            int tStart = m.end();
            int tEnd = m.end();
            int targetLimit = s.clauseEnd(m.end());
            for (OrgMention o : s.orgs()) {
                if (o.start() >= m.end() && o.start() <= targetLimit) {
                    target = o.name();
                    tStart = o.start();
                    tEnd = o.end();
                    break;
                }
            }
            if (target == null) {
                int e = m.end();
                int limit = Math.min(s.clauseEnd(m.end()), m.end() + 16);
                while (e < limit && "的，,。、 ".indexOf(text.charAt(e)) < 0) {
                    e++;
                }
                if (e - m.end() >= 2) {
                    target = Names.canonical(text.substring(m.end(), e));
                    tEnd = e;
                }
            }
            if (target == null) {
                continue;
            }
            Candidate c = s.add(EventType.ACQUISITION, subject, m.start(), m.end());
            if (c != null) {
                c.counterparties = List.of(target);
                c.amount = price(s, m.end());
                if (c.amount == null) {
                    AmountParser.Match price = s.firstAmount(subject.end() < m.start() ? subject.end() : cs, m.start());
                    c.amount = price == null ? null : price.amount();
                }
                c.aboutStart = tStart;
                c.aboutEnd = tEnd;
            }
        }
    }

    /** "Y 被 X 收购": the passive voice; returns the ends of the verbs it read. */
    private Set<Integer> boughtBy(SentenceContext s) {
        Finder.Scan passive = BOUGHT_BY.scan(s.text(), s.from(), s.end());
        Matcher p = passive.matcher();
        Set<Integer> done = new HashSet<>();
        while (passive.find()) {
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
                    c.amount = price(s, p.end());
                    c.aboutStart = target.start();
                    c.aboutEnd = target.end();
                }
                done.add(p.end());
            }
        }
        return done;
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
