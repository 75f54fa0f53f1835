package io.aipulse.stream;

/**
 * A record between two stages that carries everything one upstream record brings to one downstream
 * partition: the partition is worked out when the record is made, so one record per partition and
 * article crosses the broker instead of one per event and window.
 */
interface Batch {

    /** The partition of the next stage this batch is for. */
    int partition();
}
