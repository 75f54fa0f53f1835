package io.aipulse.stream;

import io.aipulse.extract.Event;
import java.time.Instant;
import java.time.ZoneId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sends each event to the six windows it belongs to (sector, city, sector x city; day and week), keyed
 * by the encoded {@link WindowKey}. Window time is the record timestamp: the article's publication time.
 */
final class MentionRouter implements Processor<String, Event, String, Mention> {

    private final ZoneId zone;
    private ProcessorContext<String, Mention> context;

    MentionRouter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void init(ProcessorContext<String, Mention> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Event> record) {
        Event event = record.value();
        Mention mention = Mention.of(event);
        Instant time = Instant.ofEpochMilli(record.timestamp());
        for (Dimension dimension : Dimension.values()) {
            for (CalendarWindow window : CalendarWindow.values()) {
                WindowKey key = WindowKey.of(window, dimension, dimension.keyOf(event), time, zone);
                context.forward(record.withKey(key.encode()).withValue(mention));
            }
        }
    }
}
