package io.aipulse.stream;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

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

    /**
     * True in the global thread (the company table), whose task id is -1_-1. It has no producer: Kafka Streams
     * 4.4 logs a processing handler's dead letters away there, and fails on a deserialisation handler's
     * (a ClassCastException that stops the global thread and the whole instance: what one record that is not
     * JSON on the company topic did with Kafka's LogAndContinueExceptionHandler and a dead-letter topic set,
     * DeadLetterHeadersIT). Our handlers write none there.
     */
    static boolean isGlobal(ErrorHandlerContext context) {
        return context.taskId() != null && context.taskId().subtopology() < 0;
    }

    static DeadLetters.Source source(ErrorHandlerContext context) {
        return new DeadLetters.Source(context.topic(), context.partition(), context.offset());
    }
}
