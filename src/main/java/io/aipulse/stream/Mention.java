package io.aipulse.stream;

import io.aipulse.extract.Event;
import io.aipulse.extract.EventType;

/**
 * What an aggregate needs of one event, sent to the partition owning its window key.
 *
 * @param cnyMin funding amount lower bound in CNY (FUNDING events with a known amount), else null
 * @param cnyMax upper bound, null when open-ended or unknown
 */
public record Mention(
        String eventId,
        String articleId,
        EventType type,
        String subject,
        String date,
        Long cnyMin,
        Long cnyMax,
        boolean hasAmount) {

    public static Mention of(Event event) {
        boolean funding = event.type() == EventType.FUNDING && event.amount() != null
                && event.amount().cnyMin() != null;
        return new Mention(event.eventId(), event.articleId(), event.type(), event.subject(), event.date(),
                funding ? event.amount().cnyMin() : null,
                funding ? event.amount().cnyMax() : null,
                funding);
    }
}
