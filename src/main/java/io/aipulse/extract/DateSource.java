package io.aipulse.extract;

/** Where an event's date came from. */
public enum DateSource {
    /** the text dates the event itself */
    EVENT,
    /** fallback: the article's publication date */
    ARTICLE,
    /** neither exists */
    UNKNOWN
}
