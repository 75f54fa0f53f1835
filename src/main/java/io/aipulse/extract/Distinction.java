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
    TITLE,
    /** the person of a change of executives ("谷雪梅 (联合创始人)": 谷雪梅), written where a title goes */
    PERSON;

    /** The value of a mention or an event, or null when it has none. */
    Object of(IpoStage stage, Round round, String product) {
        return switch (this) {
            case NONE -> null;
            case ROUND -> round != null && round != Round.UNDISCLOSED ? round : null;
            case STAGE -> stage;
            case TITLE -> product != null && product.startsWith("《") ? product : null;
            case PERSON -> product == null || product.indexOf(" (") <= 0 ? null : person(product.substring(0, product.indexOf(" (")));
        };
    }

    /**
     * The person's name alone: "49岁的巴拉克・图罗夫斯基(Barak Turovsky)" and "巴拉克・图罗夫斯基" are one person; what
     * describes the person (before 的) and the name in another script (in parentheses) are left out.
     */
    private static final java.util.regex.Pattern OTHER_SCRIPT = java.util.regex.Pattern.compile("[(（][^()（）]{0,40}[)）]");

    private static String person(String named) {
        String p = OTHER_SCRIPT.matcher(named).replaceAll("").strip();
        int de = p.lastIndexOf('的');
        return de >= 0 && de + 1 < p.length() ? p.substring(de + 1) : p;
    }

    /** The part of the event id this distinction writes: stage, round and title slots, separated by '|'. */
    String idSlots(Object value) {
        String v = value == null ? "" : value.toString();
        return switch (this) {
            case NONE -> "||";
            case STAGE -> v + "||";
            case ROUND -> "|" + v + "|";
            case TITLE, PERSON -> "||" + v;
        };
    }
}
