package io.aipulse.stream;

/** What the window aggregator emits: an updated (or final) aggregate, or a late record. */
record WindowResult(AggregateRecord aggregate, LateRecord late) {

    static WindowResult of(AggregateRecord aggregate) {
        return new WindowResult(aggregate, null);
    }

    static WindowResult late(LateRecord late) {
        return new WindowResult(null, late);
    }

    boolean isLate() {
        return late != null;
    }
}
