package io.aipulse.stream;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exception inside the topology (a bug on some text) sends the record that caused it, as it was read,
 * to the dead-letter topic with the same reason headers as refused input ({@code processing-error}, the
 * exception), counts it, and processing continues with the next record.
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
        LOG.warn("processing failed in {} at {}-{}@{}; record sent to {}", context.processorNodeId(), context.topic(),
                context.partition(), context.offset(), route.topic(), exception);
        route.metrics().deadLetter(REASON);
        RecordHeaders headers = new RecordHeaders(context.headers().toArray());
        DeadLetters.annotate(headers, REASON, exception.getClass().getName() + ": " + exception.getMessage());
        headers.add("aipulse.error.processor", context.processorNodeId().getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetters.SOURCE_HEADER, PoisonedInputs.position(context.topic(), context.partition(),
                context.offset()).getBytes(StandardCharsets.UTF_8));
        DeadLetterCopy.Parts parts = route.copy().fit(context.sourceRawKey(), context.sourceRawValue(), headers);
        return Response.resume(List.of(new ProducerRecord<>(route.topic(), null, context.timestamp(), parts.key(),
                parts.value(), parts.headers())));
    }
}
