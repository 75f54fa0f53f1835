package io.aipulse.extract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one list of the rules. The dictionary's trigger words, the dispatch of a sentence to the rules its
 * words enable, and the rule of each event type are all derived from it.
 */
final class Rules {

    /** Every rule, in the order they run on a sentence. */
    static final List<Rule> ALL = List.of(
            new FundingRule(),
            new InvestmentRule(),
            new AcquisitionRule(),
            new IpoRule(),
            new PolicyRule(),
            new ModelReleaseRule(),
            new ProductLaunchRule(),
            new PartnershipRule(),
            new PersonnelRule(),
            new ResearchRule(),
            new ReportRule(),
            new SetbackRule());

    /** a trigger word -> the rules it enables, as bits of their indices in {@link #ALL} */
    private static final Map<String, Integer> RULES_OF_WORD = new HashMap<>();
    private static final Map<EventType, Rule> BY_TYPE = new EnumMap<>(EventType.class);

    static {
        for (int i = 0; i < ALL.size(); i++) {
            Rule rule = ALL.get(i);
            for (String w : rule.triggers()) {
                RULES_OF_WORD.merge(w, 1 << i, (a, b) -> a | b);
            }
            if (BY_TYPE.put(rule.type(), rule) != null) {
                throw new IllegalStateException("two rules for " + rule.type());
            }
        }
        if (BY_TYPE.size() != EventType.values().length) {
            throw new IllegalStateException("an event type without a rule");
        }
    }

    private Rules() {
    }

    static Rule of(EventType type) {
        return BY_TYPE.get(type);
    }

    /** The words the dictionary pass must find: every rule's triggers and the suffixes of organisation names. */
    static List<String> dictionaryWords() {
        Set<String> words = new LinkedHashSet<>();
        for (Rule rule : ALL) {
            words.addAll(rule.triggers());
        }
        words.addAll(OrgFinder.STRONG_SUFFIXES);
        return new ArrayList<>(words);
    }

    /** The rules {@code word} enables when it is a trigger, as bits of their indices in {@link #ALL}; else 0. */
    static int rulesOf(String word) {
        return RULES_OF_WORD.getOrDefault(word, 0);
    }

    /**
     * The rules the trigger words of {@code s} (after its dateline) enable, as bits of their indices in {@link #ALL}:
     * the words' {@link Knowledge.Term#rules()} (0 for every other meaning).
     */
    static int triggeredIn(List<Knowledge.Hit> hits, Segmenter.Sentence s) {
        if (hits instanceof HitList list) {
            return triggeredIn(list, s);
        }
        int rules = 0;
        for (int i = OrgFinder.firstAt(hits, s.datelineEnd); i < hits.size(); i++) {
            Knowledge.Hit h = hits.get(i);
            if (h.start() >= s.end) {
                break;
            }
            if (h.end() <= s.end) {
                rules |= h.term().rules();
            }
        }
        return rules;
    }

    /** {@link #triggeredIn(List, Segmenter.Sentence)} from the list's arrays: no hit or term is read. */
    private static int triggeredIn(HitList hits, Segmenter.Sentence s) {
        int rules = 0;
        for (int i = hits.firstAt(s.datelineEnd); i < hits.size() && hits.startOf(i) < s.end; i++) {
            if (hits.endOf(i) <= s.end) {
                rules |= hits.rulesOf(i);
            }
        }
        return rules;
    }
}
