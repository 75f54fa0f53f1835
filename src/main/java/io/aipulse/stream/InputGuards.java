package io.aipulse.stream;

import io.aipulse.config.Settings;

/**
 * What the topology checks on an input record before anything is written for it, so that no output is one
 * the broker refuses: key and header sizes, record times against the topics' accepted range, the fit of a
 * dead letter, and the inputs an output of which the broker already refused.
 */
public record InputGuards(InputRecordLimits recordLimits, BrokerLimits brokerLimits, PoisonedInputs poisoned) {

    /** The configured limits with Kafka's default timestamp range (the service reads the topics' own). */
    public static InputGuards from(Settings settings) {
        return new InputGuards(recordLimits(settings), BrokerLimits.kafkaDefaults(settings.getInt("topic.max.message.bytes")),
                new PoisonedInputs());
    }

    public static InputRecordLimits recordLimits(Settings settings) {
        return new InputRecordLimits(settings.getInt("input.max.key.bytes"), settings.getInt("input.max.header.bytes"));
    }

    DeadLetterCopy deadLetterCopy() {
        return new DeadLetterCopy(brokerLimits.deadLetterMaxBytes());
    }
}
