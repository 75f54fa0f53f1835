package io.aipulse.extract;

import java.util.List;

/**
 * One sentence as a rule reads it: its bounds, organisations, actors, clauses and amounts, and the way to add a
 * candidate. Everything is computed by the {@link ArticleContext} once per article and sentence; this is a
 * view onto it. Not thread-safe.
 */
final class SentenceContext {

    private final ArticleContext article;
    private final int index;
    private final Segmenter.Sentence bounds;
    /** the release statements of the sentence, read when a release rule first asks */
    private List<Releases.Release> releases;
    /** the characters of the sentence, collected when a rule first scans it ({@link #scan}) */
    private long[] characters;

    SentenceContext(ArticleContext article, int index) {
        this.article = article;
        this.index = index;
        this.bounds = article.sentences().get(index);
    }

    ArticleContext article() {
        return article;
    }

    String text() {
        return article.text();
    }

    int index() {
        return index;
    }

    Segmenter.Sentence bounds() {
        return bounds;
    }

    /** Where the sentence starts, dateline included. */
    int start() {
        return bounds.start;
    }

    /** Where the rules read from: after the dateline. */
    int from() {
        return bounds.datelineEnd;
    }

    int end() {
        return bounds.end;
    }

    List<OrgMention> orgs() {
        return article.orgs(index);
    }

    List<OrgMention> actors(ActorFilter filter) {
        return article.actors(index, filter);
    }

    int clauseStart(int pos) {
        return article.clauseStart(index, pos);
    }

    int clauseEnd(int pos) {
        return article.clauseEnd(index, pos);
    }

    /** The clause before {@code trigger} tells background history (此前, 曾, ...). */
    boolean background(int clauseStart, int trigger) {
        return article.backgroundClause(clauseStart, trigger);
    }

    /** {@link #background} of a verb that acts on each item of a list ("先后领投了A和B的融资"). */
    boolean backgroundOfEach(int clauseStart, int trigger) {
        return Cues.backgroundOfEach(text(), clauseStart, trigger) || article.sinceFrame(clauseStart, trigger);
    }

    /** The clause before {@code trigger} speaks of the future or of what has not happened. */
    boolean future(int clauseStart, int trigger) {
        return Cues.future(text(), clauseStart, trigger);
    }

    /** {@link Cues#unrealised}: neither happened nor planned. */
    boolean unrealised(int clauseStart, int trigger) {
        return Cues.unrealised(text(), clauseStart, trigger);
    }

    /** The actor of a trigger: the first actor of its clause, else of the sentence, else a coreference. */
    OrgMention subjectBefore(int trigger, int clauseStart, ActorFilter filter) {
        return article.subjectBefore(index, trigger, clauseStart, filter, false);
    }

    /** {@link #subjectBefore}, for a verb whose object stands before it ("...大模型正式发布"). */
    OrgMention subjectBefore(int trigger, int clauseStart, ActorFilter filter, boolean objectBefore) {
        return article.subjectBefore(index, trigger, clauseStart, filter, objectBefore);
    }

    /** The first actor of the previous sentences of the same item. */
    OrgMention coreference(ActorFilter filter) {
        return article.coreference(index, filter);
    }

    /**
     * The first actor of the closest of the {@code reach} sentences before, across paragraphs: the announcer of a
     * paragraph whose next paragraph goes on with the announcement ("X公告称,...。\n公告显示,该项目...").
     */
    OrgMention antecedent(ActorFilter filter, int reach) {
        for (int k = index - 1; k >= 0 && k >= index - reach; k--) {
            List<OrgMention> a = article.actors(k, filter);
            if (!a.isEmpty()) {
                return a.get(0);
            }
        }
        return null;
    }

    List<AmountParser.Match> amounts(int from, int to) {
        return article.amounts().findAll(text(), from, to);
    }

    /** The first amount of {@code [from, to)}, or null. */
    AmountParser.Match firstAmount(int from, int to) {
        List<AmountParser.Match> all = amounts(from, to);
        return all.isEmpty() ? null : all.get(0);
    }

    /** A candidate for {@code subject} at the trigger {@code [trigger, triggerEnd)}; null when none is added. */
    Candidate add(EventType type, OrgMention subject, int trigger, int triggerEnd) {
        return article.add(type, subject, index, trigger, triggerEnd);
    }

    /** The release statements of the sentence ({@link Releases#read}), read once for both release rules. */
    List<Releases.Release> releases() {
        if (releases == null) {
            releases = Releases.read(this);
        }
        return releases;
    }

    /**
     * {@code finder}'s matches in {@code [from, to)} of the text. A rule reads its sentence with several finders, and
     * most find none of their first words there: the sentence's characters are collected once, and a finder none of
     * whose first words can start with one of them skips the region without reading it.
     */
    Finder.Scan scan(Finder finder, int from, int to) {
        if (from >= start() && to <= end() && !finder.mayStartWithOneOf(characters())) {
            return finder.scan(text(), to, to);
        }
        return finder.scan(text(), from, to);
    }

    /** The characters of the sentence, dateline included, as a {@link CharFilter}. */
    private long[] characters() {
        if (characters == null) {
            long[] filter = CharFilter.create();
            String text = text();
            for (int i = bounds.start; i < bounds.end; i++) {
                CharFilter.add(filter, text.charAt(i));
            }
            characters = filter;
        }
        return characters;
    }

    /** The registry entry of a name, or null. */
    Company lookup(String name) {
        return article.orgFinder().lookup(name);
    }
}
