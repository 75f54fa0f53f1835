package io.aipulse.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The features {@link EventConfidence} weighs, read from an extracted event, the mentions it was merged from and its
 * article: where the news stands (headline, lead), how often the article names its subject, where the name came from
 * (registry, legal suffix, a guess), how many events of its type and subject the article holds, which attributes it
 * has, and a few words of its evidence. Nothing here names an article, a company or a sentence: the weights are
 * learnt.
 */
final class ConfidenceFeatures {

    /** words of an evidence clause that tell how the news is told: the past, plans, hedges, lists, firsts, titles */
    static final List<String> CUES = List.of("曾", "此前", "去年", "等", "或", "将", "计划", "拟", "传", "据悉", "有望",
            "预计", "已", "正式", "宣布", "今日", "日前", "近日", "首", "《", "“", "如", "包括", "以及", "、", "？", "不");
    /** the sentences from the top that make the lead (the headline is the first) */
    private static final int LEAD_SENTENCES = 3;
    /** the evidence length and the subject length that count as long */
    private static final double LONG_EVIDENCE = 200;
    private static final double LONG_NAME = 12;
    /**
     * the feature of an event only the back-off guessed, in an article where the rules found others: a guess beside
     * them is right far less often than one alone ("guessed"); a guess that merges into a rule's event confirms it
     */
    static final String GUESSED_BESIDE_RULES = "guessed.besideRules";
    /** the feature of a guess from another sentence than the back-off's surest one */
    static final String GUESSED_ANOTHER = "guessed.another";
    /** the features {@link ConfidenceTrainer} fits after all others, each alone on the events that carry it */
    static final List<String> FITTED_LAST = List.of(GUESSED_ANOTHER);

    private ConfidenceFeatures() {
    }

    /**
     * The features of {@code events.get(i)}, merged from {@code groups.get(i)}, in the article {@code run} reads.
     *
     * @param events every event of the article, before any is dropped
     * @param groups the mentions each event was merged from
     */
    static Map<String, Double> of(List<Event> events, int i, List<List<Candidate>> groups, ArticleContext run) {
        Event e = events.get(i);
        List<Candidate> group = groups.get(i);
        String text = run.text();
        Map<String, Double> f = new LinkedHashMap<>();
        put(f, "type:" + e.type());
        put(f, "date:" + e.dateSource());
        put(f, "date:" + e.dateSource() + ":" + e.type());
        int first = Integer.MAX_VALUE;
        int trigger = group.get(0).trigger;
        boolean guessed = true;
        boolean besideRules = false;
        boolean confirmed = false;
        int guessRank = Integer.MAX_VALUE;
        java.util.Set<Integer> sentences = new java.util.HashSet<>();
        for (Candidate c : group) {
            first = Math.min(first, c.sentence);
            sentences.addAll(c.sentences);
            guessed &= c.guessed;
            besideRules |= c.besideRules;
            confirmed |= c.guessed && c.guessRank == 0; // only the surest guess: the further ones are many
            guessRank = Math.min(guessRank, c.guessed ? c.guessRank : Integer.MAX_VALUE);
        }
        if (first == 0) {
            put(f, "headline");
        }
        if (first < LEAD_SENTENCES) {
            put(f, "lead");
        }
        f.put("position", text.isEmpty() ? 0 : (double) trigger / text.length());
        f.put("mentions", Math.log1p(group.size()));
        f.put("sentences", Math.log1p(sentences.size()));
        if (guessed) {
            put(f, besideRules ? GUESSED_BESIDE_RULES : "guessed");
            flag(f, GUESSED_ANOTHER, guessRank > 0);
        } else if (confirmed) {
            put(f, "guessed.confirms");
        }
        subject(f, e, group, run);
        // the back-off's further guesses are not counted: most are wrong, and the rules' events would pay for them
        long sameSubject = 1;
        for (int j = 0; j < events.size(); j++) {
            if (j != i && events.get(j).subject().equals(e.subject()) && !furtherGuess(groups.get(j))) {
                sameSubject++;
            }
        }
        f.put("events.sameSubject", Math.log1p(sameSubject));
        flag(f, "amount", e.amount() != null);
        flag(f, "product", e.product() != null);
        flag(f, "counterparties", !e.counterparties().isEmpty());
        flag(f, "round", e.round() != null && e.round() != Round.UNDISCLOSED);
        flag(f, "foreign", e.country() != null && !"CN".equals(e.country()));
        flag(f, "city.unknown", "unknown".equals(e.city()));
        String evidence = e.evidence() == null ? "" : e.evidence();
        f.put("evidence.length", Math.min(evidence.length(), LONG_EVIDENCE) / LONG_EVIDENCE);
        for (String cue : CUES) {
            if (evidence.contains(cue)) {
                put(f, "cue:" + cue);
            }
        }
        return f;
    }

    /** Whether an event is only the back-off's guesses other than its surest. */
    private static boolean furtherGuess(List<Candidate> group) {
        return group.stream().allMatch(c -> c.guessed && c.guessRank > 0);
    }

    /** How the subject is named: how often, whether in the headline, from what, what kind of body. */
    private static void subject(Map<String, Double> f, Event e, List<Candidate> group, ArticleContext run) {
        String text = run.text();
        OrgMention mention = group.get(0).subject;
        String surface = mention.end() > mention.start() && mention.end() <= text.length()
                ? text.substring(mention.start(), mention.end()) : e.subject();
        int count = Math.max(occurrences(text, e.subject()), occurrences(text, surface));
        f.put("subject.count", Math.log1p(count));
        flag(f, "subject.absent", count == 0);
        List<Segmenter.Sentence> sentences = run.sentences();
        if (!sentences.isEmpty()) {
            Segmenter.Sentence headline = sentences.get(0);
            String head = text.substring(headline.start, headline.end);
            flag(f, "subject.inHeadline", head.contains(e.subject()) || !surface.isEmpty() && head.contains(surface));
        }
        put(f, "subject:" + switch (mention.source()) {
            case OrgMention.REGISTRY -> "registry";
            case OrgMention.LEGAL -> "legal";
            case OrgMention.DESCRIPTOR -> "descriptor";
            case OrgMention.FALLBACK -> "guess";
            default -> "other";
        });
        Company company = mention.company() != null ? mention.company() : run.knowledge().company(e.subject()).orElse(null);
        String kind = company == null ? "none" : company.kind();
        put(f, "kind:" + kind);
        // a government is a policy's natural subject and seldom a launch's
        put(f, "kind:" + kind + ":" + e.type());
        flag(f, "subject.latin", !e.subject().isEmpty() && e.subject().chars().allMatch(c -> c < 0x3000));
        f.put("subject.length", Math.min(e.subject().length(), LONG_NAME) / LONG_NAME);
    }

    private static int occurrences(String text, String name) {
        if (name == null || name.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length())) {
            n++;
        }
        return n;
    }

    private static void put(Map<String, Double> f, String name) {
        f.put(name, 1.0);
    }

    private static void flag(Map<String, Double> f, String name, boolean on) {
        if (on) {
            f.put(name, 1.0);
        }
    }
}
