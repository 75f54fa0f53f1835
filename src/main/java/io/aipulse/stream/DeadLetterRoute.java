package io.aipulse.stream;

import java.util.Map;

/**
 * What the exception handlers need to write a dead letter, passed to them through the Streams
 * configuration (they are created by Kafka Streams): the topic, how to fit a copy into it, the inputs
 * marked as refused by the broker, and the metrics. One per running service.
 */
public record DeadLetterRoute(String topic, DeadLetterCopy copy, PoisonedInputs poisoned, StreamMetrics metrics) {

    /** Config key under which the service passes its route to the handlers. */
    public static final String CONFIG = "aipulse.dead-letter-route";

    static DeadLetterRoute from(Map<String, ?> configs) {
        if (configs.get(CONFIG) instanceof DeadLetterRoute route) {
            return route;
        }
        throw new IllegalArgumentException(CONFIG + " is required: the service passes its dead-letter route");
    }
}
