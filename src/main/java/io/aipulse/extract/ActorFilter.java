package io.aipulse.extract;

/** Which organisations of a sentence may act in an event: a rule's policy, applied by {@link ArticleContext#actors}. */
enum ActorFilter {
    /** every organisation that is not an object, an agent, an investor, a medium or a person's employer */
    ANY(false, true),
    /**
     * as {@link #ANY}, and only names the finder is sure of: the registry, a legal suffix, a descriptor, or a guessed
     * name with a company's ending (福鞍股份, 云帆智能), which a fragment of a sentence seldom has
     */
    NAMED(false, false),
    /** named organisations, media and the employers of people who speak: who publishes a report */
    PUBLISHERS(true, false);

    private final boolean speakers;
    private final boolean guessedNames;

    ActorFilter(boolean speakers, boolean guessedNames) {
        this.speakers = speakers;
        this.guessedNames = guessedNames;
    }

    /** media and organisations followed by a person's title may act */
    boolean speakers() {
        return speakers;
    }

    /** names the finder only guessed from their place in the sentence may act */
    boolean guessedNames() {
        return guessedNames;
    }
}
