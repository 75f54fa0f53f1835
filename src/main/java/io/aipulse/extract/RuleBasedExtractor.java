package io.aipulse.extract;

import io.aipulse.article.Article;
import io.aipulse.article.clean.CleanText;
import io.aipulse.article.clean.TextCleaner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extraction engine: cleaning ({@link TextCleaner}), one dictionary pass over the gazetteers
 * ({@link Knowledge}), pattern rules around trigger words for the twelve event types, then dates,
 * amounts, sector and city per spec/EVENTS.md, and one event per happening. Thread-safe once built.
 */
public final class RuleBasedExtractor implements EventExtractor {

    private static final Pattern EVENT_PLACE = Pattern.compile("在([\\p{IsHan}]{2,4}?)(?:举办|举行|召开|发布|推出)");
    static final Finder EVENT_PLACE_F = new Finder(EVENT_PLACE, "在");

    private final Knowledge knowledge;
    private final ExtractionSettings settings;
    private final TextCleaner cleaner = new TextCleaner();
    private final AmountParser amounts;
    private final OrgFinder orgFinder;

    public RuleBasedExtractor(Knowledge knowledge, ExtractionSettings settings) {
        this.knowledge = knowledge;
        this.settings = settings;
        this.amounts = new AmountParser(settings.cnyPerUnit());
        this.orgFinder = new OrgFinder(knowledge);
        TextCleaner.warmUp();
    }

    @Override
    public List<Event> extract(Article article, CompanyDirectory overrides) {
        CleanText clean = cleaner.clean(article.fullText());
        ArticleExtraction run = new ArticleExtraction(knowledge, settings, amounts, orgFinder, article, clean);
        List<Candidate> found = run.run();
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : found) {
            run.date(c);
            if (!c.background) {
                kept.add(c);
            }
        }
        List<List<Candidate>> groups = merge(kept);
        List<Event> events = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (List<Candidate> g : groups) {
            Event e = toEvent(article, run, g, overrides == null ? CompanyDirectory.empty() : overrides);
            if (e != null && ids.add(e.eventId())) {
                events.add(e);
            }
        }
        return events;
    }

    // ------------------------------------------------------------------ one happening, one event

    private static List<List<Candidate>> merge(List<Candidate> candidates) {
        List<List<Candidate>> groups = new ArrayList<>();
        // per group: the registry organisations and the named rounds it holds, to compare in constant time
        List<Set<String>> registries = new ArrayList<>();
        List<Set<Round>> rounds = new ArrayList<>();
        for (Candidate c : candidates) {
            int into = -1;
            for (int gi = 0; gi < groups.size(); gi++) {
                Candidate h = groups.get(gi).get(0);
                if (h.type != c.type || !sameOrg(h.name(), c.name())) {
                    continue;
                }
                String reg = registryName(c);
                if (reg != null && registries.get(gi).stream().anyMatch(r -> !r.equals(reg))) {
                    continue; // 腾讯 and 腾讯云 are never the same actor
                }
                if (c.type == EventType.IPO && h.stage != c.stage) {
                    continue;
                }
                if ((c.type == EventType.POLICY || c.type == EventType.REPORT) && c.product != null
                        && otherTitle(groups.get(gi), c.product)) {
                    continue; // two documents of one body are two events
                }
                if (c.type == EventType.FUNDING && named(c.round)
                        && rounds.get(gi).stream().anyMatch(r -> r != c.round)) {
                    continue;
                }
                into = gi;
                break;
            }
            if (into < 0) {
                groups.add(new ArrayList<>());
                registries.add(new java.util.HashSet<>());
                rounds.add(java.util.EnumSet.noneOf(Round.class));
                into = groups.size() - 1;
            }
            groups.get(into).add(c);
            String reg = registryName(c);
            if (reg != null) {
                registries.get(into).add(reg);
            }
            if (named(c.round)) {
                rounds.get(into).add(c.round);
            }
        }
        return groups;
    }

    private static boolean otherTitle(List<Candidate> group, String title) {
        for (Candidate h : group) {
            if (h.product != null && h.product.startsWith("《") && title.startsWith("《") && !h.product.equals(title)) {
                return true;
            }
        }
        return false;
    }

    private static String registryName(Candidate c) {
        Company a = c.subject.company();
        return a == null || c.subjectName != null ? null : a.name();
    }

    private static boolean named(Round r) {
        return r != null && r != Round.UNDISCLOSED;
    }

    private static final ThreadLocal<Map<String, String>> KEYS = ThreadLocal.withInitial(HashMap::new);

    /** The comparison key of a name (canonical, normalised), memoised per thread. */
    static String key(String name) {
        Map<String, String> keys = KEYS.get();
        if (keys.size() > 50_000) {
            keys.clear();
        }
        return keys.computeIfAbsent(name, n -> Knowledge.normalise(Names.canonical(n)));
    }

    static boolean sameOrg(String a, String b) {
        String x = key(a);
        String y = key(b);
        if (x.equals(y)) {
            return true;
        }
        String shorter = x.length() <= y.length() ? x : y;
        String longer = x.length() <= y.length() ? y : x;
        return shorter.length() >= 2 && longer.contains(shorter);
    }

    // ------------------------------------------------------------------ building the event

    private Event toEvent(Article article, ArticleExtraction run, List<Candidate> group, CompanyDirectory overrides) {
        Candidate primary = group.get(0);
        for (Candidate c : group) {
            if (c.dateStrength > primary.dateStrength) {
                primary = c;
            }
        }
        // subject: the most reliable mention, then the longest name
        Candidate named = group.get(0);
        for (Candidate c : group) {
            int a = rank(c);
            int b = rank(named);
            if (a > b || (a == b && c.name().length() > named.name().length())) {
                named = c;
            }
        }
        String subject = named.name();
        OrgMention mention = named.subject;
        Company company = mention.company();
        Company live = overrides.find(company != null ? company.name() : subject).orElse(null);
        if (live == null && company == null) {
            live = knowledge.company(subject).orElse(null);
        }
        Company registry = live != null ? live : company;
        if (registry != null && !mention.place()) {
            subject = registry.name();
        }

        Amount amount = null;
        for (Candidate c : group) {
            if (c.amount != null && (amount == null || amount.approximate() && !c.amount.approximate())) {
                amount = c.amount;
            }
        }
        Round round = null;
        for (Candidate c : group) {
            if (c.round != null && (round == null || round == Round.UNDISCLOSED)) {
                round = c.round;
            }
        }
        if (primary.type == EventType.FUNDING && round == null) {
            round = Round.UNDISCLOSED;
        }
        String product = primary.product;
        List<String> counterparties = primary.counterparties;
        for (Candidate c : group) {
            if (product == null && c.product != null) {
                product = c.product;
            }
            if (c.counterparties.size() > counterparties.size()) {
                counterparties = c.counterparties;
            }
        }
        String namedName = named.name();
        counterparties = counterparties.stream().filter(n -> !sameOrg(n, namedName)).distinct().toList();

        String sector = sector(run, group, registry);
        String[] place = place(run, group, mention, registry);

        String date = primary.date == null ? null : primary.date.toString();
        DateSource dateSource = switch (primary.dateStrength) {
            case Candidate.DATE_OWN, Candidate.DATE_ITEM -> DateSource.EVENT;
            case Candidate.DATE_ARTICLE -> DateSource.ARTICLE;
            default -> DateSource.UNKNOWN;
        };
        IpoStage stage = primary.type == EventType.IPO ? primary.stage : null;
        String idKey = article.id() + "|" + primary.type + "|" + key(subject) + "|"
                + (stage != null ? stage : "") + "|" + (primary.type == EventType.FUNDING && round != Round.UNDISCLOSED
                ? round : "") + "|" + ((primary.type == EventType.POLICY || primary.type == EventType.REPORT)
                && product != null && product.startsWith("《") ? product : "");
        String eventId = UUID.nameUUIDFromBytes(idKey.getBytes(StandardCharsets.UTF_8)).toString();
        return new Event(eventId, article.id(), primary.type, subject, counterparties, product, date, dateSource,
                sector, place[0], place[1], amount, primary.type == EventType.FUNDING ? round : null, stage,
                evidence(run, primary), null);
    }

    private static int rank(Candidate c) {
        if (c.subjectName != null) {
            return OrgMention.LEGAL;
        }
        return c.subject.source();
    }

    private static String evidence(ArticleExtraction run, Candidate c) {
        Segmenter.Sentence s = run.sentences().get(c.sentence);
        String t = run.text();
        int from = Math.max(s.datelineEnd, Math.min(c.clauseStart, c.subject.start() >= s.start
                ? c.subject.start() : c.clauseStart));
        if (c.trigger - from > 160) {
            from = c.trigger - 160;
        }
        int to = Math.min(s.end, Math.max(c.clauseEnd, c.triggerEnd));
        if (to - c.triggerEnd > 120) {
            to = c.triggerEnd + 120;
        }
        String e = t.substring(Math.max(s.start, from), Math.max(Math.max(s.start, from), to)).strip();
        while (!e.isEmpty() && "，,。；;：: ".indexOf(e.charAt(0)) >= 0) {
            e = e.substring(1);
        }
        return e;
    }

    // ------------------------------------------------------------------ sector

    private static final String AMBIGUOUS = "?";

    private String sector(ArticleExtraction run, List<Candidate> group, Company registry) {
        EventType type = group.get(0).type;
        // each level is computed only when the ones before it decide nothing
        java.util.function.Supplier<String> model = () -> {
            for (Candidate c : group) {
                if (c.modelSector != null) {
                    return c.modelSector;
                }
            }
            return null;
        };
        java.util.function.Supplier<String> about = () -> {
            for (int[] span : aboutSpans(group)) {
                // the phrases in text order: the first that decides wins (a headline, then the body)
                String s = score(run, List.of(span), true);
                if (s != null) {
                    return s;
                }
            }
            return null;
        };
        java.util.function.Supplier<String> sentence = () -> score(run, sentenceSpans(run, group), false);
        java.util.function.Supplier<String> clause = () -> score(run, clauseSpans(group), true);
        java.util.function.Supplier<String> item = () -> score(run, itemSpans(run, group), true);
        java.util.function.Supplier<String> reg = () -> registry == null ? null : registry.sector();
        java.util.function.Supplier<String> target = () -> targetSector(group);
        java.util.function.Supplier<String> policy = () -> policySector(run, group);
        List<java.util.function.Supplier<String>> order = switch (type) {
            case MODEL_RELEASE -> List.of(model, about, sentence, fixed("foundation-models"));
            case PRODUCT_LAUNCH -> List.of(model, about, sentence, reg, item, fixed("general"));
            case FUNDING -> List.of(about, clause, reg, sentence, item, fixed("general"));
            case INVESTMENT -> List.of(reg, sentence, fixed("general"));
            case ACQUISITION -> List.of(target, about, sentence, reg, fixed("general"));
            case IPO, SETBACK, PERSONNEL -> List.of(reg, sentence, item, fixed("general"));
            case POLICY -> List.of(policy, fixed("general"));
            case PARTNERSHIP, RESEARCH -> List.of(sentence, item, reg, fixed("general"));
            case REPORT -> List.of(about, sentence, fixed("general"));
        };
        for (java.util.function.Supplier<String> level : order) {
            String s = level.get();
            if (s == null) {
                continue;
            }
            if (s.equals(AMBIGUOUS)) {
                return order.get(order.size() - 1).get();
            }
            return s;
        }
        return "general";
    }

    private static java.util.function.Supplier<String> fixed(String sector) {
        return () -> sector;
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

    private static final Pattern SECURITY = Pattern.compile("安全|监管|治理|伦理|管理办法|暂行办法|合规|风险|管理规定");

    private String policySector(ArticleExtraction run, List<Candidate> group) {
        // a titled mention decides by its title; only an untitled policy is read from its sentence
        boolean titled = group.stream().anyMatch(c -> c.product != null);
        for (Candidate c : group) {
            if (titled && c.product == null) {
                continue;
            }
            String about = titled ? c.product
                    : run.text().substring(Math.max(0, c.aboutStart), run.sentences().get(c.sentence).end);
            if (SECURITY.matcher(about).find()) {
                return "security-governance";
            }
            int[] span = titled ? new int[] {c.aboutStart, c.aboutEnd}
                    : new int[] {c.aboutStart, run.sentences().get(c.sentence).end};
            String s = score(run, List.of(span), true);
            // a policy for the AI (or large-model) industry as a whole is general
            if (s != null && !s.equals(AMBIGUOUS) && !s.equals("foundation-models") && !s.equals("general")) {
                return s;
            }
        }
        return null;
    }

    private static List<int[]> aboutSpans(List<Candidate> group) {
        List<int[]> spans = new ArrayList<>();
        for (Candidate c : group) {
            if (c.aboutStart >= 0 && c.aboutEnd > c.aboutStart) {
                spans.add(new int[] {c.aboutStart, c.aboutEnd});
            }
        }
        return spans;
    }

    private static List<int[]> clauseSpans(List<Candidate> group) {
        List<int[]> spans = new ArrayList<>();
        for (Candidate c : group) {
            spans.add(new int[] {c.clauseStart, c.clauseEnd});
        }
        return spans;
    }

    private static List<int[]> sentenceSpans(ArticleExtraction run, List<Candidate> group) {
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

    private static List<int[]> itemSpans(ArticleExtraction run, List<Candidate> group) {
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
    private static String score(ArticleExtraction run, List<int[]> spans, boolean needStrong) {
        Map<String, Integer> weights = new HashMap<>();
        Map<String, Integer> strongest = new HashMap<>();
        Map<String, Integer> firstAt = new HashMap<>();
        Set<Long> counted = new java.util.HashSet<>();
        for (int[] span : spans) {
            List<Knowledge.Hit> sector = new ArrayList<>();
            for (int i13 = OrgFinder.firstAt(run.hits(), span[0]), to13 = span[1]; i13 < run.hits().size(); i13++) {
                Knowledge.Hit h = run.hits().get(i13);
                if (h.start() >= to13) {
                    break;
                }
                if (h.end() > to13) {
                    continue;
                }
                if (h.term().kind() == Knowledge.Kind.SECTOR) {
                    sector.add(h);
                }
            }
            List<int[]> names = run.orgSpans(span[0], span[1]);
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
        if (needStrong && strongest.get(best) < 2) {
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

    // ------------------------------------------------------------------ city and country

    /** "新壹科技在北京举办了...发布会": where the organisation held its event, in the items of the group. */
    private String eventPlace(ArticleExtraction run, List<Candidate> group, String name) {
        Set<Integer> items = new LinkedHashSet<>();
        Set<Integer> near = new java.util.TreeSet<>();
        List<Segmenter.Sentence> all = run.sentences();
        for (Candidate c : group) {
            int item = all.get(c.sentence).item;
            items.add(item);
            for (int k = c.sentence; k >= 0 && all.get(k).item == item; k--) {
                near.add(k);
            }
            for (int k = c.sentence + 1; k < all.size() && all.get(k).item == item; k++) {
                near.add(k);
            }
        }
        String t = run.text();
        for (int k : near) {
            Segmenter.Sentence s = all.get(k);
            if (!items.contains(s.item)) {
                continue;
            }
            Finder.Scan places = EVENT_PLACE_F.scan(t, s.start, s.end);
            Matcher m = places.matcher();
            while (places.find()) {
                String before = t.substring(Math.max(s.start, m.start() - name.length() - 4), m.start());
                if (!before.contains(name)) {
                    continue;
                }
                Optional<String> slug = knowledge.cityByName(m.group(1));
                if (slug.isPresent()) {
                    return slug.get();
                }
            }
        }
        return null;
    }

    private String[] place(ArticleExtraction run, List<Candidate> group, OrgMention mention, Company registry) {
        String city = null;
        String country = null;
        for (Candidate c : group) {
            if (c.subject.textCity() != null && sameOrg(c.name(), mention.name())) {
                city = c.subject.textCity();
                break;
            }
        }
        for (Candidate c : group) {
            if (c.subject.textCountry() != null && sameOrg(c.name(), mention.name())) {
                country = c.subject.textCountry();
                break;
            }
        }
        if (city == null && registry != null && registry.city() != null && !registry.city().equals("unknown")) {
            city = registry.city();
        }
        if (city == null && country == null) {
            // where the organisation held its launch: the weakest clue
            city = eventPlace(run, group, mention.name());
        }
        if (country == null && city != null && !city.equals("national")) {
            country = knowledge.countryOfCity(city);
        }
        if (country == null && registry != null) {
            country = registry.country();
        }
        if (country == null && city == null && mention.name().codePoints().allMatch(Character::isIdeographic)
                && mention.name().length() >= 2) {
            country = "CN"; // an unknown organisation with a Chinese name
        }
        return new String[] {city == null ? "unknown" : city, country};
    }
}
