package io.aipulse.stream;

import java.util.List;

/**
 * What one article brings to one partition of the identity stage: its events whose identity that
 * partition decides. Every article sends one to every partition, empty when it has no such event, so
 * every partition's clock follows the input.
 */
record IdentityBatch(int partition, List<RoutedMention> mentions) implements Batch {
}
