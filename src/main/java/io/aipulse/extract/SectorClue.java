package io.aipulse.extract;

/**
 * Where the sector of an event can be read, one clue a level: each {@link Rule} lists its clues strongest
 * first, and {@link SectorResolver} takes the first that decides.
 */
enum SectorClue {
    /** the sector of a catalogue model the event names */
    MODEL,
    /** the phrases the event is about (the model, the product, the descriptor of the company), in text order */
    ABOUT,
    /**
     * what a report is about: its title and its finding after the publisher ({@link #ABOUT}'s phrases), weak
     * keywords too; the publisher's own descriptor and the rest of the sentence are not the report's topic
     */
    FINDING,
    /** the clauses of the event's mentions, strong keywords only */
    CLAUSE,
    /** the sentences of the event's mentions */
    SENTENCE,
    /** the sentences around the mentions in their item, strong keywords only */
    ITEM,
    /** the subject's entry in the company registry */
    REGISTRY,
    /**
     * what the article says the subject is wherever it names it, strong keywords only: the descriptor before
     * a mention ("AI辅助编程公司——X"), the one it is given after ("X作为自动驾驶芯片企业", "X是一家...公司",
     * "X成立于2023年，是...企业") or what it is said to work on ("X专注于自动泊车...", "X致力于..."); else a
     * decisive keyword of its own name ("斯坦德机器人", "某某医疗")
     */
    PROFILE,
    /** {@link #PROFILE} of the company bought */
    TARGET_PROFILE,
    /** the registry sector of the company bought */
    TARGET,
    /** a policy's title, or the sentence of an untitled policy; security words first */
    POLICY_TITLE,
    /**
     * the article's lead (the sentences of its first paragraph), strong keywords only: what the whole article is
     * about ("四家中国公司因试图取得AI晶片被列入实体清单"), the last resort when nothing about the event names a field
     */
    LEAD
}
