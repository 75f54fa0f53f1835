package io.aipulse.article;

/** Where an article's publication time came from. */
public enum TimeSource {
    /** given by the input's metadata (a JSON field) */
    METADATA,
    /** found in the article text (a dateline, a "2023-08-01 18:42" stamp) */
    TEXT,
    /** the date in the article's URL ({@code /2023-10-23/}, {@code /20231023/}): the day, at local midnight */
    URL,
    /** neither: the time the producer read it */
    INGEST
}
