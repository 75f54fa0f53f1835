package io.aipulse.stream;

import io.aipulse.extract.EventType;

/**
 * What one distinct event adds to a window it has a mention in: one event of its type, one for its
 * subject (as its first mention spells it) and, for a funding round, its amount.
 *
 * @param cnyMin the round's lower bound in CNY (0 when unknown)
 * @param cnyMax its upper bound, null when unknown or open-ended
 */
record Contribution(EventType type, String subject, long cnyMin, Long cnyMax) {

    boolean isFunding() {
        return type == EventType.FUNDING;
    }
}
