package io.aipulse.extract;

import java.util.List;

/**
 * The rule of one event type: the trigger words that send a sentence to it, the patterns it reads there, and
 * the policies of its type (who can act, what tells two happenings apart, where its sector is read). Adding
 * an event type is one rule file, its {@link EventType} value and its entry in {@link Rules#ALL}.
 * Implementations are stateless and thread-safe.
 */
abstract class Rule {

    /**
     * The policies of a type: which organisations may act, what tells two happenings of one subject apart, and
     * where its sector is read, strongest clue first, with the sector taken when none decides.
     */
    record Policies(ActorFilter actors, Distinction distinction, List<SectorClue> sectorClues, String fallbackSector) {

        /** Any actor, no distinction, the sector read from {@code clues}, else {@code general}. */
        static Policies sectorFrom(SectorClue... clues) {
            return new Policies(ActorFilter.ANY, Distinction.NONE, List.of(clues), "general");
        }

        Policies actors(ActorFilter filter) {
            return new Policies(filter, distinction, sectorClues, fallbackSector);
        }

        Policies distinguishedBy(Distinction d) {
            return new Policies(actors, d, sectorClues, fallbackSector);
        }

        Policies otherwiseSector(String sector) {
            return new Policies(actors, distinction, sectorClues, sector);
        }
    }

    private final EventType type;
    private final List<String> triggers;
    private final Policies policies;

    /** @param triggers words whose presence in a sentence (after its dateline) sends the sentence to this rule */
    Rule(EventType type, List<String> triggers, Policies policies) {
        this.type = type;
        this.triggers = List.copyOf(triggers);
        this.policies = policies;
    }

    final EventType type() {
        return type;
    }

    final List<String> triggers() {
        return triggers;
    }

    /** Adds the candidates of this rule's type that the sentence holds. */
    abstract void apply(SentenceContext sentence);

    /** Which organisations may be the actor. */
    final ActorFilter actors() {
        return policies.actors();
    }

    /** What tells two happenings of one subject apart. */
    final Distinction distinction() {
        return policies.distinction();
    }

    /** Where the sector is read, strongest clue first; {@link #fallbackSector()} when none decides. */
    final List<SectorClue> sectorClues() {
        return policies.sectorClues();
    }

    final String fallbackSector() {
        return policies.fallbackSector();
    }
}
