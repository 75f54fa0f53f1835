package io.aipulse.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sector of an event: the clues its rule lists ({@link Rule#sectorClues()}), strongest first, each read
 * only when the ones before it decide nothing; the rule's fallback when none decides or the text names many
 * fields at once. Keywords come from {@code sectors.csv} through the dictionary pass. Thread-safe.
 */
final class SectorResolver {

    /** many sectors compete: a cross-sector text */
    private static final String AMBIGUOUS = "?";
    private static final Pattern SECURITY = Pattern.compile("安全|监管|治理|伦理|管理办法|暂行办法|合规|风险|管理规定");

    /** a company's descriptor: "...公司", "...企业" */
    private static final List<String> COMPANY_NOUN_LIST = List.of("公司", "企业", "厂商", "独角兽", "开发商", "制造商", "供应商",
            "服务商", "提供商", "初创");
    private static final Words COMPANY_NOUNS = Words.of(COMPANY_NOUN_LIST.toArray(new String[0]));
    /** what ties a name to what it is said to be after it */
    private static final List<String> PROFILE_LINKS = List.of("作为", "是一家", "是一间", "为一家", "，一家", ",一家", "——一家", "是");
    /** what ties a name to the work it is said to do: the phrase after it up to the clause end is its field */
    private static final List<String> WORK_LINKS = List.of("专注于", "專注於", "專注于", "专注", "專注", "致力于", "致力於", "主攻",
            "主营", "主營", "聚焦于", "聚焦");
    /** "X成立于2023年，是...": a founding clause between the name and what it is said to be */
    private static final List<String> FOUNDED = List.of("成立于", "成立於", "创立于", "創立於", "创办于", "創辦於", "成立");
    private static final int FOUNDED_REACH = 24;
    /** the first sentences of the first paragraph: the article's lead */
    private static final int LEAD_SENTENCES = 3;
    private static final String PROFILE_GLUE = " —-:：“\"";
    private static final String CLAUSE_ENDS = "，。；,;！？!?\n：:、";
    /** a descriptor after a link may list things ("研发、生产、销售...的企业") */
    private static final String PHRASE_ENDS = "，。；,;！？!?\n：:";
    private static final int PROFILE_REACH = 30;
    /** a descriptor after a link may be longer ("是专注于海洋机器人研发、生产、销售、服务的创新型科技企业") */
    private static final int AFTER_REACH = 40;
    private static final int MAX_PROFILES = 12;

    private final Knowledge knowledge;

    SectorResolver(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    String sector(ArticleContext run, List<Candidate> group, Company registry) {
        Rule rule = Rules.of(group.get(0).type);
        for (SectorClue clue : rule.sectorClues()) {
            String s = read(clue, run, group, registry);
            if (s == null) {
                continue;
            }
            return s.equals(AMBIGUOUS) ? rule.fallbackSector() : s;
        }
        return rule.fallbackSector();
    }

    private String read(SectorClue clue, ArticleContext run, List<Candidate> group, Company registry) {
        return switch (clue) {
            case MODEL -> modelSector(run, group);
            case ABOUT -> aboutSector(run, group, true);
            case FINDING -> aboutSector(run, group, false);
            case SENTENCE -> score(run, sentenceSpans(run, group), false);
            case CLAUSE -> score(run, clauseSpans(run, group), true);
            case ITEM -> score(run, itemSpans(run, group), true);
            case REGISTRY -> registry == null ? null : registry.sector();
            case TARGET -> targetSector(group);
            case PROFILE -> {
                String s = profileSector(run, subjectNames(run, group));
                yield s != null ? s : nameSector(run, group);
            }
            case TARGET_PROFILE -> profileSector(run, targetNames(group));
            case POLICY_TITLE -> policySector(run, group);
            case LEAD -> score(run, leadSpans(run), true);
        };
    }

    /**
     * The sector of the catalogue model the event names, unless a launch's object phrase goes on after the model's
     * name to a thing of another field, named by a decisive keyword (weight 3): the head comes last, so 千问AI眼镜
     * is a pair of glasses and Copilot+ PC a PC. A model release is about the model (MiniCPM4.0 端侧开源模型).
     */
    private static String modelSector(ArticleContext run, List<Candidate> group) {
        for (Candidate c : group) {
            if (c.modelSector != null) {
                // a model release is about the model itself: its catalogue entry decides
                String thing = c.type != EventType.MODEL_RELEASE && c.aboutStart >= 0 && c.aboutEnd > c.aboutStart
                        ? thingAfterModel(run, c) : null;
                return thing != null ? thing : c.modelSector;
            }
        }
        return null;
    }

    /** The one sector of the decisive keywords that end after the model's name in the object phrase, or null. */
    private static String thingAfterModel(ArticleContext run, Candidate c) {
        Knowledge.Hit model = run.firstHit(Knowledge.Kind.MODEL, c.aboutStart, c.aboutEnd);
        if (model == null) {
            return null;
        }
        List<Knowledge.Hit> sector = new ArrayList<>();
        for (Knowledge.Hit h : run.hitsIn(c.aboutStart, c.aboutEnd)) {
            if (h.term().kind() == Knowledge.Kind.SECTOR) {
                sector.add(h);
            }
        }
        List<int[]> names = run.orgSpans(c.aboutStart, c.aboutEnd);
        String thing = null;
        for (Knowledge.Hit h : sector) {
            if (h.end() <= model.end() || h.term().weight() < 3 || h.term().sector().equals("general")
                    || covered(sector, h) || insideAny(names, h)) {
                continue;
            }
            if (thing != null && !thing.equals(h.term().sector())) {
                return null; // things of two fields: not one thing
            }
            thing = h.term().sector();
        }
        return thing;
    }

    /** The phrases in text order: the first that decides wins (a headline, then the body). */
    private static String aboutSector(ArticleContext run, List<Candidate> group, boolean needStrong) {
        for (Candidate c : group) {
            if (c.aboutStart >= 0 && c.aboutEnd > c.aboutStart) {
                String s = score(run, List.of(new int[] {c.aboutStart, c.aboutEnd}), needStrong);
                if (s != null) {
                    return s;
                }
            }
        }
        return null;
    }

    /** The subject's names: canonical and as the text writes them. */
    private static Set<String> subjectNames(ArticleContext run, List<Candidate> group) {
        String text = run.text();
        Set<String> names = new LinkedHashSet<>();
        for (Candidate c : group) {
            names.add(c.name());
            if (c.subject != null && c.subject.end() > c.subject.start() && c.subject.end() <= text.length()) {
                names.add(text.substring(c.subject.start(), c.subject.end()));
            }
        }
        return names;
    }

    private static Set<String> targetNames(List<Candidate> group) {
        Set<String> names = new LinkedHashSet<>();
        for (Candidate c : group) {
            names.addAll(c.counterparties);
        }
        return names;
    }

    /** What the article says a company is: the descriptors of its mentions, before or after the name. */
    private static String profileSector(ArticleContext run, Set<String> names) {
        String text = run.text();
        List<int[]> spans = new ArrayList<>();
        for (String name : names) {
            if (name.length() < 2) {
                continue;
            }
            for (int p = text.indexOf(name); p >= 0 && spans.size() < MAX_PROFILES;
                    p = text.indexOf(name, p + name.length())) {
                int[] before = descriptorBefore(text, p);
                if (before != null) {
                    spans.add(before);
                }
                int[] after = descriptorAfter(text, p + name.length());
                if (after != null) {
                    spans.add(after);
                }
            }
        }
        return spans.isEmpty() ? null : score(run, spans, true);
    }

    /** "AI辅助编程公司——X" / "自动驾驶芯片企业 X": the phrase of the clause that ends with a company noun right before. */
    private static int[] descriptorBefore(String text, int name) {
        int q = name;
        while (q > 0 && PROFILE_GLUE.indexOf(text.charAt(q - 1)) >= 0) {
            q--;
        }
        if (!COMPANY_NOUNS.endsIn(text, Math.max(0, q - 3), q)) {
            return null;
        }
        int from = q;
        while (from > 0 && q - from < PROFILE_REACH && CLAUSE_ENDS.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        return from < q ? new int[] {from, q} : null;
    }

    /**
     * "X作为自动驾驶芯片企业" / "X(02533.HK)是一家...公司" / "X成立于2023年，是...企业": the phrase after the link up
     * to a company noun; "X专注于自动泊车等ADAS解决方案": the work it is said to do, up to the clause end.
     */
    private static int[] descriptorAfter(String text, int end) {
        int q = end;
        if (q < text.length() && (text.charAt(q) == '(' || text.charAt(q) == '（')) {
            int close = q;
            while (close < text.length() && close - q < 24 && text.charAt(close) != ')' && text.charAt(close) != '）') {
                close++;
            }
            q = close + 1;
        }
        q = skipSpaces(text, q);
        if (lengthAt(FOUNDED, text, q) > 0) {
            int comma = q;
            while (comma < text.length() && comma - q < FOUNDED_REACH && text.charAt(comma) != '，'
                    && text.charAt(comma) != ',') {
                comma++;
            }
            if (comma >= text.length() || comma - q >= FOUNDED_REACH) {
                return null;
            }
            q = skipSpaces(text, comma + 1);
        }
        int work = lengthAt(WORK_LINKS, text, q);
        if (work > 0) {
            int from = q + work;
            int e = from;
            while (e < text.length() && e - from < PROFILE_REACH && PHRASE_ENDS.indexOf(text.charAt(e)) < 0) {
                e++;
            }
            return e > from ? new int[] {from, e} : null;
        }
        int link = lengthAt(PROFILE_LINKS, text, q);
        if (link <= 0) {
            return null;
        }
        int from = q + link;
        for (int e = from; e < text.length() && e - from <= AFTER_REACH; e++) {
            if (PHRASE_ENDS.indexOf(text.charAt(e)) >= 0) {
                return null;
            }
            int noun = lengthAt(COMPANY_NOUN_LIST, text, e);
            if (noun > 0) {
                return new int[] {from, e + noun};
            }
        }
        return null;
    }

    private static int skipSpaces(String text, int q) {
        while (q < text.length() && text.charAt(q) == ' ') {
            q++;
        }
        return q;
    }

    /** The length of the first of {@code words} at {@code at}, or 0. */
    private static int lengthAt(List<String> words, String text, int at) {
        for (String w : words) {
            if (text.startsWith(w, at)) {
                return w.length();
            }
        }
        return 0;
    }

    private String targetSector(List<Candidate> group) {
        for (Candidate c : group) {
            for (String t : c.counterparties) {
                Optional<Company> co = knowledge.company(t);
                if (co.isPresent() && co.get().sector() != null) {
                    return co.get().sector();
                }
            }
        }
        return null;
    }

    private static String policySector(ArticleContext run, List<Candidate> group) {
        // a titled mention decides by its title; only an untitled policy is read from its sentence
        boolean titled = group.stream().anyMatch(c -> c.product != null);
        for (Candidate c : group) {
            if (titled && c.product == null) {
                continue;
            }
            int sentenceEnd = run.sentences().get(c.sentence).end;
            String about = titled ? c.product : run.text().substring(Math.max(0, c.aboutStart), sentenceEnd);
            if (SECURITY.matcher(about).find()) {
                return "security-governance";
            }
            int[] span = titled ? new int[] {c.aboutStart, c.aboutEnd} : new int[] {c.aboutStart, sentenceEnd};
            String s = score(run, List.of(span), true);
            // a policy for the AI (or large-model) industry as a whole is general
            if (s != null && !s.equals(AMBIGUOUS) && !s.equals("foundation-models") && !s.equals("general")) {
                return s;
            }
        }
        return null;
    }

    /**
     * A decisive keyword (weight 3) of the subject's own name as the text writes it: 斯坦德机器人 makes robots,
     * 某某医疗 works in healthcare.
     */
    private static String nameSector(ArticleContext run, List<Candidate> group) {
        List<int[]> spans = new ArrayList<>();
        for (Candidate c : group) {
            if (c.subject != null && c.subject.end() > c.subject.start()) {
                spans.add(new int[] {c.subject.start(), c.subject.end()});
            }
        }
        return spans.isEmpty() ? null : score(run, spans, 3, false);
    }

    /** The article's lead: the first sentences of its first paragraph. */
    private static List<int[]> leadSpans(ArticleContext run) {
        List<int[]> spans = new ArrayList<>();
        List<Segmenter.Sentence> all = run.sentences();
        for (int k = 0; k < all.size() && k < LEAD_SENTENCES && all.get(k).paragraph == all.get(0).paragraph; k++) {
            spans.add(new int[] {all.get(k).datelineEnd, all.get(k).end});
        }
        return spans;
    }

    /**
     * the words that open a clause telling what the money or the work is for ("投入超过3800亿元,用于建设云和AI硬件基础设施"):
     * the field is named there, so the clause of the event reaches over it
     */
    private static final Words PURPOSES = Words.of("用于", "用来", "用以", "主要用于", "将用于", "全部用于");

    private static List<int[]> clauseSpans(ArticleContext run, List<Candidate> group) {
        String text = run.text();
        List<int[]> spans = new ArrayList<>();
        for (Candidate c : group) {
            int end = c.clauseEnd;
            int next = end < text.length() && ",，".indexOf(text.charAt(end)) >= 0 ? end + 1 : end;
            if (next < text.length() && PURPOSES.startsAt(text, next, text.length())) {
                end = run.clauseEnd(c.sentence, next);
            }
            spans.add(new int[] {c.clauseStart, end});
        }
        return spans;
    }

    private static List<int[]> sentenceSpans(ArticleContext run, List<Candidate> group) {
        List<int[]> spans = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        for (Candidate c : group) {
            if (seen.add(c.sentence)) {
                Segmenter.Sentence s = run.sentences().get(c.sentence);
                spans.add(new int[] {s.datelineEnd, s.end});
            }
        }
        return spans;
    }

    private static List<int[]> itemSpans(ArticleContext run, List<Candidate> group) {
        List<int[]> spans = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        List<Segmenter.Sentence> all = run.sentences();
        for (Candidate c : group) {
            Segmenter.Sentence s = all.get(c.sentence);
            for (int k = Math.max(0, c.sentence - 2); k < all.size() && k <= c.sentence + 3; k++) {
                Segmenter.Sentence n = all.get(k);
                if (n.item == s.item && n.paragraph == s.paragraph && seen.add(k)) {
                    spans.add(new int[] {n.datelineEnd, n.end});
                }
            }
        }
        return spans;
    }

    /**
     * The sector whose keywords weigh most in the spans: the longest keyword at each place counts, keywords
     * inside organisation names do not, the neutral {@code general} lines only mask what they contain; a tie
     * goes to the sector named first. AMBIGUOUS when many sectors compete; null when nothing is found or,
     * with {@code needStrong}, when the winner has no keyword of weight 2 or more.
     */
    private static String score(ArticleContext run, List<int[]> spans, boolean needStrong) {
        return score(run, spans, needStrong ? 2 : 0, true);
    }

    /**
     * {@link #score(ArticleContext, List, boolean)} with the weight the winner's strongest keyword needs, and
     * whether keywords inside organisation names are left out (they are not when a name itself is read).
     */
    private static String score(ArticleContext run, List<int[]> spans, int minStrength, boolean skipNames) {
        Map<String, Integer> weights = new HashMap<>();
        Map<String, Integer> strongest = new HashMap<>();
        Map<String, Integer> firstAt = new HashMap<>();
        Set<Long> counted = new HashSet<>();
        for (int[] span : spans) {
            List<Knowledge.Hit> sector = new ArrayList<>();
            for (Knowledge.Hit h : run.hitsIn(span[0], span[1])) {
                if (h.term().kind() == Knowledge.Kind.SECTOR) {
                    sector.add(h);
                }
            }
            List<int[]> names = skipNames ? run.orgSpans(span[0], span[1]) : List.of();
            for (Knowledge.Hit h : sector) {
                if (covered(sector, h) || insideAny(names, h) || h.term().sector().equals("general")) {
                    continue;
                }
                long id = ((long) h.start() << 32) | h.end();
                if (!counted.add(id ^ h.term().sector().hashCode())) {
                    continue;
                }
                String sec = h.term().sector();
                weights.merge(sec, h.term().weight(), Integer::sum);
                strongest.merge(sec, h.term().weight(), Math::max);
                firstAt.merge(sec, h.start(), Math::min);
            }
        }
        if (weights.isEmpty()) {
            return null;
        }
        String best = null;
        for (String sec : weights.keySet()) {
            if (best == null || weights.get(sec) > weights.get(best)
                    || weights.get(sec).equals(weights.get(best)) && firstAt.get(sec) < firstAt.get(best)) {
                best = sec;
            }
        }
        int top = weights.get(best);
        int second = 0;
        for (Map.Entry<String, Integer> e : weights.entrySet()) {
            if (!e.getKey().equals(best)) {
                second = Math.max(second, e.getValue());
            }
        }
        if (weights.size() >= 4 && top < 2 * second) {
            return AMBIGUOUS; // a list of many fields: a cross-sector text
        }
        if (strongest.get(best) < minStrength) {
            return null;
        }
        return best;
    }

    private static boolean covered(List<Knowledge.Hit> all, Knowledge.Hit h) {
        for (Knowledge.Hit o : all) {
            if (o != h && o.start() <= h.start() && o.end() >= h.end() && o.end() - o.start() > h.end() - h.start()) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideAny(List<int[]> spans, Knowledge.Hit h) {
        for (int[] s : spans) {
            if (h.start() >= s[0] && h.end() <= s[1]) {
                return true;
            }
        }
        return false;
    }
}
