package io.aipulse.extract;

import io.aipulse.article.Article;
import io.aipulse.article.clean.CleanText;
import io.aipulse.article.clean.TextCleaner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The extraction engine: cleaning ({@link TextCleaner}), one dictionary pass over the gazetteers
 * ({@link Knowledge}), the rules of the twelve event types around their trigger words ({@link Rules}), then
 * dates, one event per happening ({@link EventMerger}), sector ({@link SectorResolver}) and place
 * ({@link PlaceResolver}) per spec/EVENTS.md. Thread-safe once built.
 */
public final class RuleBasedExtractor implements EventExtractor {

    private final Knowledge knowledge;
    private final ExtractionSettings settings;
    private final TextCleaner cleaner = new TextCleaner();
    private final AmountParser amounts;
    private final OrgFinder orgFinder;
    private final SectorResolver sectors;
    private final PlaceResolver places;

    public RuleBasedExtractor(Knowledge knowledge, ExtractionSettings settings) {
        this.knowledge = knowledge;
        this.settings = settings;
        this.amounts = new AmountParser(settings.cnyPerUnit());
        this.orgFinder = new OrgFinder(knowledge);
        this.sectors = new SectorResolver(knowledge);
        this.places = new PlaceResolver(knowledge);
        TextCleaner.warmUp();
    }

    @Override
    public List<Event> extract(Article article, CompanyDirectory overrides) {
        List<Event> kept = new ArrayList<>();
        for (Scored s : scored(article, overrides)) {
            if (keeps(s)) {
                kept.add(s.event());
            }
        }
        return kept;
    }

    /** Whether {@link #extract} keeps this event: the confidence model finds it likely enough. */
    public boolean keeps(Scored scored) {
        return knowledge.eventConfidence().keeps(scored.probability());
    }

    /** An extracted event with the features its confidence is read from, and that confidence. */
    public record Scored(Event event, Map<String, Double> features, double probability) {
    }

    /**
     * Every event the rules and the back-off find, before {@link EventConfidence} drops the unlikely ones: what
     * {@code aipulse train --confidence} learns from.
     */
    public List<Scored> scored(Article article, CompanyDirectory overrides) {
        EventConfidence model = knowledge.eventConfidence();
        return scored(article, overrides, model.weighs(ConfidenceFeatures.GUESSED_BESIDE_RULES),
                model.weighs(ConfidenceFeatures.GUESSED_ANOTHER) ? Fallback.GUESSES : 1);
    }

    /**
     * {@link #scored(Article, CompanyDirectory)} with every guess of the back-off, or with its one guess in an
     * article where the rules found nothing: training needs the guesses to learn their weights; a model without
     * those weights would keep them all, so it gets the one guess that stands alone.
     */
    public List<Scored> scored(Article article, CompanyDirectory overrides, boolean everyGuess) {
        return scored(article, overrides, everyGuess, everyGuess ? Fallback.GUESSES : 1);
    }

    private List<Scored> scored(Article article, CompanyDirectory overrides, boolean guessBesideRules, int guesses) {
        CleanText clean = cleaner.clean(article.fullText());
        ArticleContext run = new ArticleContext(knowledge, settings, amounts, orgFinder, article, clean);
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : run.run()) {
            run.date(c);
            if (!c.background) {
                kept.add(c);
            }
        }
        // the back-off: guessed from the whole vocabulary of the train split's sentences. Beside the rules' events, and
        // from further sentences, a guess is far less often right than alone (docs/EXTRACTION.md, rows 13a, 38b and
        // 41a): the confidence model weighs such guesses by features of their own, and drops most of them
        boolean besideRules = !kept.isEmpty();
        for (Candidate guessed : !besideRules || guessBesideRules
                ? Fallback.guesses(run, knowledge.sentenceTypes(), guesses) : List.<Candidate>of()) {
            guessed.guessed = true;
            guessed.besideRules = besideRules;
            run.date(guessed);
            if (!guessed.background && !readByARule(kept, guessed)) {
                kept.add(guessed);
            }
        }
        List<Event> events = new ArrayList<>();
        List<List<Candidate>> eventGroups = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        List<List<Candidate>> groups = EventMerger.merge(kept);
        priceTheOnlyTakeover(run, groups);
        for (List<Candidate> g : groups) {
            Event e = toEvent(article, run, g, overrides == null ? CompanyDirectory.empty() : overrides);
            if (e != null && ids.add(e.eventId())) {
                events.add(e);
                eventGroups.add(g);
            }
        }
        EventConfidence confidence = knowledge.eventConfidence();
        List<Scored> scored = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Map<String, Double> features = ConfidenceFeatures.of(events, i, eventGroups, run);
            scored.add(new Scored(events.get(i), features, confidence.probability(features)));
        }
        return scored;
    }

    /**
     * The article's one acquisition, told without a price, takes the deal value the article states elsewhere
     * ({@link DealValue}); with two acquisitions the value could be either's.
     */
    private static void priceTheOnlyTakeover(ArticleContext run, List<List<Candidate>> groups) {
        List<Candidate> takeover = null;
        for (List<Candidate> g : groups) {
            if (g.get(0).type == EventType.ACQUISITION) {
                if (takeover != null) {
                    return;
                }
                takeover = g;
            }
        }
        if (takeover == null || takeover.stream().anyMatch(c -> c.amount != null)) {
            return;
        }
        takeover.get(0).amount = DealValue.in(run);
    }

    private Event toEvent(Article article, ArticleContext run, List<Candidate> group, CompanyDirectory overrides) {
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
        EventType type = primary.type;
        if (type == EventType.FUNDING && round == null) {
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
        counterparties = counterparties.stream().filter(n -> !EventMerger.sameOrg(n, namedName)).distinct().toList();

        String sector = sectors.sector(run, group, registry);
        String[] place = places.place(run, group, mention, registry);

        String date = primary.date == null ? null : primary.date.toString();
        DateSource dateSource = switch (primary.dateStrength) {
            case Candidate.DATE_OWN, Candidate.DATE_ITEM -> DateSource.EVENT;
            case Candidate.DATE_ARTICLE -> DateSource.ARTICLE;
            default -> DateSource.UNKNOWN;
        };
        IpoStage stage = type == EventType.IPO ? primary.stage : null;
        Distinction distinction = Rules.of(type).distinction();
        String idKey = article.id() + "|" + type + "|" + EventMerger.key(subject) + "|"
                + distinction.idSlots(distinction.of(stage, round, product));
        String eventId = UUID.nameUUIDFromBytes(idKey.getBytes(StandardCharsets.UTF_8)).toString();
        return new Event(eventId, article.id(), type, subject, counterparties, product, date, dateSource,
                sector, place[0], place[1], amount, type == EventType.FUNDING ? round : null, stage,
                evidence(run, primary), null);
    }

    private static int rank(Candidate c) {
        if (c.subjectName != null) {
            return OrgMention.LEGAL;
        }
        return c.subject.source();
    }

    private static String evidence(ArticleContext run, Candidate c) {
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

    /**
     * A rule read the guess's sentence for the guess's type and named another subject ("华发集团战略投资了智谱AI": the
     * funded company, where the guess takes the sentence's first actor, the investor): the rule's reading stands.
     */
    private static boolean readByARule(List<Candidate> kept, Candidate guess) {
        for (Candidate c : kept) {
            if (!c.guessed && c.type == guess.type && c.sentence == guess.sentence && !c.name().equals(guess.name())) {
                return true;
            }
        }
        return false;
    }

}
