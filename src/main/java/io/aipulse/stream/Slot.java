package io.aipulse.stream;

import java.time.LocalDate;

/**
 * The mentions of one identity on one date, as much as the identity stage needs of them: however
 * many there are, this stays one small value. Which mention comes first is decided by event id, so
 * the first subject spelling and the first amount do not depend on arrival order.
 *
 * @param day            the date as an epoch day, {@link #UNDATED} for mentions without a date
 * @param firstEventId   the smallest event id of the date's mentions
 * @param subject        that mention's subject, as it spells it
 * @param amountEventId  the smallest event id among the date's mentions that state an amount, or null
 * @param cnyMin         that mention's lower bound in CNY
 * @param cnyMax         its upper bound, null when open-ended
 * @param closesAt       when the last window any of these mentions counts in closes (end + grace)
 */
record Slot(long day, String firstEventId, String subject, String amountEventId, long cnyMin, Long cnyMax,
            long closesAt) {

    static final long UNDATED = Long.MIN_VALUE;

    static Slot of(long day, Mention mention, long closesAt) {
        return new Slot(day, mention.eventId(), mention.subject(), null, 0, null, closesAt).with(mention, closesAt);
    }

    boolean hasAmount() {
        return amountEventId != null;
    }

    boolean isDated() {
        return day != UNDATED;
    }

    /** This date with one more mention of it; the same value when the mention changes nothing. */
    Slot with(Mention mention, long closes) {
        Slot next = this;
        if (mention.eventId().compareTo(firstEventId) < 0) {
            next = new Slot(day, mention.eventId(), mention.subject(), amountEventId, cnyMin, cnyMax, closesAt);
        }
        if (mention.hasAmount() && (amountEventId == null || mention.eventId().compareTo(amountEventId) < 0)) {
            next = new Slot(day, next.firstEventId, next.subject, mention.eventId(), mention.cnyMin(), mention.cnyMax(),
                    closesAt);
        }
        if (closes > closesAt) {
            next = new Slot(day, next.firstEventId, next.subject, next.amountEventId, next.cnyMin, next.cnyMax, closes);
        }
        return next;
    }

    /**
     * The epoch day of a mention's {@code yyyy-MM-dd} date, or {@link #UNDATED} when it has none or it
     * does not parse (such a mention is treated as undated, as before).
     */
    static long dayOf(String date) {
        if (date == null) {
            return UNDATED;
        }
        // the usual yyyy-MM-dd by hand (as strictly as LocalDate.parse, which is slow): once per mention
        if (date.length() == 10 && date.charAt(4) == '-' && date.charAt(7) == '-') {
            int year = digits(date, 0, 4);
            int month = digits(date, 5, 7);
            int day = digits(date, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day).toEpochDay();
                } catch (java.time.DateTimeException invalid) {
                    return UNDATED;
                }
            }
        }
        try {
            return LocalDate.parse(date).toEpochDay();
        } catch (java.time.format.DateTimeParseException unparsable) {
            return UNDATED;
        }
    }

    /** The number written by the ASCII digits in {@code [from, to)}, or -1. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
