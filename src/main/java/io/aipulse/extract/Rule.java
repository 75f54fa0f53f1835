package io.aipulse.extract;

import java.util.List;

/**
 * The rule of one event type: the trigger words that send a sentence to it, the patterns it reads there, and
 * the policies of its type (who can act, what tells two happenings apart, where its sector is read). Adding
 * an event type is one rule file, its {@link EventType} value and its entry in {@link Rules#ALL}.
 * Implementations are stateless and thread-safe.
 */
interface Rule {

    EventType type();

    /** Words whose presence in a sentence (after its dateline) sends the sentence to this rule. */
    List<String> triggers();

    /** Adds the candidates of this rule's type that the sentence holds. */
    void apply(SentenceContext sentence);

    /** Which organisations may be the actor. */
    default ActorFilter actors() {
        return ActorFilter.ANY;
    }

    /** What tells two happenings of one subject apart. */
    default Distinction distinction() {
        return Distinction.NONE;
    }

    /** Where the sector is read, strongest clue first; {@link #fallbackSector()} when none decides. */
    List<SectorClue> sectorClues();

    default String fallbackSector() {
        return "general";
    }
}
