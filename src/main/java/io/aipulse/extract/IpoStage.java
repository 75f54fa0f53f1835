package io.aipulse.extract;

/** Listing steps of an IPO event. */
public enum IpoStage {
    FILED, APPROVED, REJECTED, LISTED, WITHDRAWN
}
