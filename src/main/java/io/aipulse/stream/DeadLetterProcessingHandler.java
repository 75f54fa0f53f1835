package io.aipulse.stream;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exception inside the topology (a bug on some text) sends the record that caused it, as it was read,
 * to the dead-letter topic with Kafka's error headers (the stack trace among them) and our reason
 * ({@code processing-error}) and processor, counts it, and processing continues with the next record. In
 * the global thread (the company table), which cannot write dead letters, the record is logged, counted
 * and skipped.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    static final String REASON = "processing-error";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private DeadLetterRoute route;

    @Override
    public void configure(Map<String, ?> configs) {
        route = DeadLetterRoute.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        route.metrics().deadLetter(REASON);
        if (DeadLetterRoute.isGlobal(context)) {
            LOG.warn("processing failed in {} at {}-{}@{} (global thread: skipped, no dead letter)",
                    context.processorNodeId(), context.topic(), context.partition(), context.offset(), exception);
            return Response.resume();
        }
        LOG.warn("processing failed in {} at {}-{}@{}; record sent to {}", context.processorNodeId(), context.topic(),
                context.partition(), context.offset(), route.topic(), exception);
        Headers headers = DeadLetters.headers(context.headers(), REASON, DeadLetterRoute.source(context), exception,
                true);
        DeadLetters.add(headers, DeadLetters.PROCESSOR_HEADER, context.processorNodeId());
        DeadLetterCopy.Parts parts = route.copy().fit(context.sourceRawKey(), context.sourceRawValue(), headers);
        return Response.resume(List.of(new ProducerRecord<>(route.topic(), null, context.timestamp(), parts.key(),
                parts.value(), parts.headers())));
    }
}
