package io.aipulse.stream;

import java.util.List;

/**
 * What one record of the identity stage changes in the windows of one aggregation partition. Empty, it
 * is a tick: the identity stage's clock moved, and the aggregation's clock follows it.
 */
record WindowBatch(int partition, List<WindowChange> changes) implements Batch {
}
