package io.aipulse.stream;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record Kafka Streams cannot deserialise (input keys and values are read as strings and bytes, so this is
 * a record on an internal topic or the company topic that is not what the service writes there) goes to
 * the dead-letter topic as it was read, with Kafka's error headers and our reason
 * ({@code deserialization-error}), is counted, and processing continues. In the global thread (the company
 * table), which cannot write dead letters, it is logged, counted and skipped.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    static final String REASON = "deserialization-error";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private DeadLetterRoute route;

    @Override
    public void configure(Map<String, ?> configs) {
        route = DeadLetterRoute.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        route.metrics().deadLetter(REASON);
        if (DeadLetterRoute.isGlobal(context)) {
            LOG.warn("cannot deserialise the record at {}-{}@{} (global thread: skipped, no dead letter)",
                    record.topic(), record.partition(), record.offset(), exception);
            return Response.resume();
        }
        LOG.warn("cannot deserialise the record at {}-{}@{}; record sent to {}", record.topic(), record.partition(),
                record.offset(), route.topic(), exception);
        Headers headers = DeadLetters.headers(record.headers(), REASON, DeadLetterRoute.source(context), exception,
                true);
        DeadLetterCopy.Parts parts = route.copy().fit(record.key(), record.value(), headers);
        // stamped now: the record's own time may be outside what the dead-letter topic accepts
        return Response.resume(List.of(new ProducerRecord<>(route.topic(), null, System.currentTimeMillis(),
                parts.key(), parts.value(), parts.headers())));
    }
}
