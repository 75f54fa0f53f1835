package io.aipulse.extract;

/** The twelve event types of the contract (spec/EVENTS.md). */
public enum EventType {
    FUNDING,
    ACQUISITION,
    IPO,
    MODEL_RELEASE,
    PRODUCT_LAUNCH,
    POLICY,
    PARTNERSHIP,
    INVESTMENT,
    PERSONNEL,
    RESEARCH,
    REPORT,
    SETBACK
}
