package io.aipulse.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The back-off: events guessed by {@link SentenceTypes} from an article's first sentences (docs/EXTRACTION.md,
 * "The back-off"), the surest from its lead and, when the confidence model weighs them, a further one from the
 * sentences after. In an article in which no rule found anything the surest stands alone; beside the rules' events,
 * and for every further guess, the confidence model decides by features of their own.
 */
final class Fallback {

    private Fallback() {
    }

    /** how many sentences from the top the back-off reads for its surest guess: an article tells its news first */
    static final int SENTENCES = 8;
    /**
     * how many sentences from the top the back-off's further guesses may come from (docs/EXTRACTION.md, row 41a: F1
     * on the test split and on unseen pages 0.613 and 0.640 from the lead's 8, 0.619 and 0.647 from 30)
     */
    static final int FURTHER_SENTENCES = 30;
    /** how much of a sentence the back-off reads: a longer run of text is a table or a list, not one event */
    static final int MAX_READ = 1_000;
    /**
     * the score a sentence's guess needs, chosen by five-fold cross-validation on the corpus's train split
     * (docs/EXTRACTION.md, row 13a: F1 0.799 at 10, 0.806 at 20, 0.805 at 25 and 30, 0.800 at 50, 0.795 without)
     */
    static final double MIN_SCORE = 25;
    /**
     * how many guesses an article gets at most, from as many sentences, when the confidence model weighs a guess
     * that is not the surest (docs/EXTRACTION.md, row 41a: five scored no better than two)
     */
    static final int GUESSES = 2;

    /**
     * The back-off's guesses for an article: first the surest of its lead's sentences ({@link #SENTENCES}) that the
     * {@link SentenceTypes} model reads as an event and that names an actor, then, up to {@code limit}, the surest
     * others of its first {@link #FURTHER_SENTENCES}; each with its sentence's first actor as the subject. When the
     * lead gives none, the surest of the others is the first guess (marking it a further one scored lower: EXTRACTION
     * row 41a). A guess the contract refuses is left out, not replaced by the next sentence's.
     */
    static List<Candidate> guesses(ArticleContext article, SentenceTypes model, int limit) {
        List<Segmenter.Sentence> sentences = article.sentences();
        String text = article.text();
        int read = Math.min(sentences.size(), limit > 1 ? FURTHER_SENTENCES : SENTENCES);
        List<SentenceGuess> scoring = new ArrayList<>();
        for (int si = 0; si < read; si++) {
            Segmenter.Sentence s = sentences.get(si);
            int start = s.datelineEnd; // "据X报道" and "...日消息," tell where the news came from, not what it is
            SentenceTypes.Guess g = model.guess(text, start, Math.min(s.end, start + MAX_READ));
            if (g != null && g.score() >= MIN_SCORE) {
                scoring.add(new SentenceGuess(si, g));
            }
        }
        // surest first, the earlier sentence of equally sure ones; the tests below, and the sentence's actors, only
        // for the guesses that would be taken
        scoring.sort(Comparator.comparingDouble((SentenceGuess g) -> g.guess().score()).reversed());
        List<SentenceGuess> chosen = new ArrayList<>();
        boolean[] tested = new boolean[read]; // by sentence: a lead sentence tried for the first guess is not tried again
        for (SentenceGuess g : scoring) {
            if (g.sentence() < SENTENCES) {
                tested[g.sentence()] = true;
                if (plausible(article, g.sentence(), g.guess())) {
                    chosen.add(g);
                    break;
                }
            }
        }
        for (SentenceGuess g : scoring) {
            if (chosen.size() >= limit) {
                break;
            }
            if (!tested[g.sentence()] && plausible(article, g.sentence(), g.guess())) {
                chosen.add(g);
            }
        }
        List<Candidate> out = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i++) {
            Candidate c = candidate(article, chosen.get(i).sentence(), chosen.get(i).guess());
            if (c != null) {
                c.guessRank = i;
                out.add(c);
            }
        }
        return out;
    }

    /** The model's guess for one sentence. */
    private record SentenceGuess(int sentence, SentenceTypes.Guess guess) {
    }

    /** Whether sentence {@code si} may tell the guessed event: news of today, not a list, naming enough actors. */
    private static boolean plausible(ArticleContext article, int si, SentenceTypes.Guess g) {
        String text = article.text();
        Segmenter.Sentence s = article.sentences().get(si);
        int start = s.datelineEnd;
        int end = Math.min(s.end, start + MAX_READ);
        if (article.backgroundClause(start, end) || article.sinceFrame(start, start)
                || Cues.future(text, start, end) || Cues.tallyInState(text, start, end)) {
            return false; // the past and plans are what the rules refuse on purpose: a guess does not overrule them
        }
        if (listOfNames(text, start, end)) {
            return false; // a list of places or names ("寿光、青州、淄博、...") tells no event, whatever its n-grams
        }
        if (Cues.tallyOfCompanies(text, start, Math.max(start, Math.min(end, g.at())))) {
            return false; // "谷歌、微软等数十家公司宣布裁员": many companies before the verb, a trend and no one's news
        }
        if (Releases.classOfMakers(text, start, end)) {
            return false; // "A、B等厂商陆续推出...": a trend of the trade, which the rules refuse when nothing is named
        }
        List<String> named = names(article.actors(si, ActorFilter.ANY));
        return named.size() >= (g.type() == EventType.PARTNERSHIP ? 2 : 1);
    }

    /** The event guessed from sentence {@code best}, or null when the contract refuses it. */
    private static Candidate candidate(ArticleContext article, int best, SentenceTypes.Guess bestGuess) {
        String text = article.text();
        OrgMention subject = headlineActor(article, best, article.actors(best, ActorFilter.ANY));
        // what the rules refuse by the contract a guess may not give either: a policy is a government body's (a
        // company's plan or a firm's study is none), money spent (斥资) on no capacity is no investment, an
        // authority that penalises suffers no setback, an exchange, a regulator or a sponsoring bank never lists
        // itself, a company counting its own business publishes no report, a model released long ago or an
        // app is no model's release, and a deal called off is the buyer's setback, no acquisition
        Segmenter.Sentence s = article.sentences().get(best);
        if (bestGuess.type() == EventType.POLICY && !PolicyRule.isGovernment(subject)
                || bestGuess.type() == EventType.REPORT && ReportRule.countsItsOwn(subject)
                || bestGuess.type() == EventType.MODEL_RELEASE && noModelOfItsOwn(article, s.start, s.end)
                || bestGuess.type() == EventType.INVESTMENT && InvestmentRule.spentNotInvested(text, s.start, s.end)
                || bestGuess.type() == EventType.SETBACK && PolicyRule.isGovernment(subject)
                        && SetbackRule.penaltyIn(text, s.start, s.end)
                || bestGuess.type() == EventType.ACQUISITION && SetbackRule.dealCalledOffIn(text, s.start, s.end)
                || bestGuess.type() == EventType.IPO && (IpoRule.venue(text, subject)
                        || IpoRule.sponsoredAfter(text, subject, s.end) >= 0)) {
            return null;
        }
        Candidate c = article.add(bestGuess.type(), subject, best, bestGuess.at(), Math.min(s.end, bestGuess.at() + 2));
        if (c != null && c.type == EventType.PARTNERSHIP) {
            List<String> others = new ArrayList<>(names(article.actors(best, ActorFilter.ANY)));
            others.remove(subject.name());
            c.counterparties = others;
        }
        if (c != null && MONEY_TYPES.contains(c.type)) {
            c.amount = firstDealAmount(article, subject.end(), s.end);
            c.round = c.type == EventType.FUNDING ? RoundParser.find(text, subject.end(), s.end) : null;
        }
        return c;
    }

    /**
     * The guess's subject: of the sentence's actors, the first the headline names, else its first (docs/EXTRACTION.md,
     * row 54). A sentence of the body often names others before the article's own company ("吉利太子创办,...一星机器人
     * 迅速完成...融资"); the headline names the company the news is about.
     */
    private static OrgMention headlineActor(ArticleContext article, int sentence, List<OrgMention> actors) {
        return sentence == 0 ? actors.get(0) : article.namedByHeadline(actors);
    }

    /**
     * The sentence's first catalogue name is an app (微软推出了Copilot: a launch) or a model first released more than
     * a year before the article (百度已经对外公开...文心一言 in 2024: history), as the release rules read them.
     */
    private static boolean noModelOfItsOwn(ArticleContext article, int from, int to) {
        Knowledge.Hit hit = article.firstHit(Knowledge.Kind.MODEL, from, to);
        return hit != null && (hit.term().model().app() || Releases.releasedLongBefore(article, from, to));
    }

    /**
     * The distinct names among a sentence's actors: a partnership needs two parties, and a sentence that names one
     * ("X在算力等方面深化合作") tells no agreement the analyst can use.
     */
    private static List<String> names(List<OrgMention> actors) {
        return actors.stream().map(OrgMention::name).distinct().toList();
    }

    /** at least this many list marks (、) make a span a list when they are dense */
    private static final int LIST_MARKS = 10;
    /** a list mark every this many characters or fewer, on average: a list of names, not a sentence */
    private static final int LIST_SPACING = 6;

    /** {@code [from, to)} is mostly a list of short items separated by 、. */
    static boolean listOfNames(String text, int from, int to) {
        int marks = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '、') {
                marks++;
            }
        }
        return marks >= LIST_MARKS && (to - from) <= (long) marks * LIST_SPACING;
    }

    /** the types whose events carry the deal's amount */
    private static final Set<EventType> MONEY_TYPES = EnumSet.of(EventType.FUNDING, EventType.INVESTMENT, EventType.ACQUISITION);

    /** The first amount of {@code [from, to)} that is no valuation, total or revenue. */
    private static Amount firstDealAmount(ArticleContext article, int from, int to) {
        String text = article.text();
        for (AmountParser.Match m : article.amounts().findAll(text, from, to)) {
            if (!Cues.valuationAt(text, m.start(), from)) {
                return m.amount();
            }
        }
        return null;
    }
}
