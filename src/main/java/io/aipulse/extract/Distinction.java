package io.aipulse.extract;

/**
 * What tells two happenings of one subject apart, by event type: two funding rounds of different names, two
 * stages of one listing, two documents of one body are different events. Mentions with different values are
 * never merged, and the value is part of the event id.
 */
enum Distinction {
    NONE,
    /** the named round of a funding (not UNDISCLOSED) */
    ROUND,
    /** the stage of a listing */
    STAGE,
    /** the 《title》 of a policy or report */
    TITLE;

    /** The value of a mention or an event, or null when it has none. */
    Object of(IpoStage stage, Round round, String product) {
        return switch (this) {
            case NONE -> null;
            case ROUND -> round != null && round != Round.UNDISCLOSED ? round : null;
            case STAGE -> stage;
            case TITLE -> product != null && product.startsWith("《") ? product : null;
        };
    }

    /** The part of the event id this distinction writes: stage, round and title slots, separated by '|'. */
    String idSlots(Object value) {
        String v = value == null ? "" : value.toString();
        return switch (this) {
            case NONE -> "||";
            case STAGE -> v + "||";
            case ROUND -> "|" + v + "|";
            case TITLE -> "||" + v;
        };
    }
}
