package io.aipulse.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An event as a rule reads it from one sentence, before dates, places and duplicates are settled. */
final class Candidate {

    /** Where a date came from, weakest first. */
    static final int DATE_NONE = 0;
    static final int DATE_ARTICLE = 1;
    static final int DATE_ITEM = 2;
    static final int DATE_OWN = 3;

    EventType type;
    OrgMention subject;
    /** a subject name the rule derived itself (北京市人民政府 from a policy title), overrides the mention */
    String subjectName;
    int sentence;
    int trigger;
    int triggerEnd;
    int clauseStart;
    int clauseEnd;
    /** the phrase the event is about (the model, product, title, the descriptor of a company) */
    int aboutStart = -1;
    int aboutEnd = -1;
    String product;
    List<String> counterparties = new ArrayList<>();
    Amount amount;
    Round round;
    IpoStage stage;
    String modelSector;
    LocalDate date;
    int dateStrength;
    boolean background;
    /** guessed by the back-off ({@link Fallback}), not read by a rule */
    boolean guessed;
    /** guessed in an article in which the rules found events too */
    boolean besideRules;
    /** among the back-off's guesses for the article, how many were surer (0 for its best guess) */
    int guessRank;
    Set<Integer> sentences = new LinkedHashSet<>();

    Candidate(EventType type, OrgMention subject, int sentence, int trigger, int triggerEnd, int clauseStart,
              int clauseEnd) {
        this.type = type;
        this.subject = subject;
        this.sentence = sentence;
        this.trigger = trigger;
        this.triggerEnd = triggerEnd;
        this.clauseStart = clauseStart;
        this.clauseEnd = clauseEnd;
        this.sentences.add(sentence);
    }

    String name() {
        return subjectName != null ? subjectName : subject.name();
    }
}
