package io.aipulse.stream;

import io.aipulse.extract.Event;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sends each event to the six windows it belongs to (sector, city, sector x city; day and week). The
 * record key becomes the group key ({@code sector|healthcare-biotech}), so every window of one group
 * lives in one partition and an interactive query for a group asks exactly one instance.
 */
final class MentionRouter implements Processor<String, Event, String, WindowedMention> {

    private final ZoneId zone;
    private final WindowTime windowTime;
    private ProcessorContext<String, WindowedMention> context;

    MentionRouter(ZoneId zone, WindowTime windowTime) {
        this.zone = zone;
        this.windowTime = windowTime;
    }

    @Override
    public void init(ProcessorContext<String, WindowedMention> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Event> record) {
        Event event = record.value();
        Mention mention = Mention.of(event);
        Instant time = windowTime.of(event, record.timestamp(), zone);
        for (Dimension dimension : Dimension.values()) {
            String key = dimension.keyOf(event);
            String groupKey = GroupKey.of(dimension, key);
            for (CalendarWindow window : CalendarWindow.values()) {
                ZonedDateTime start = window.start(time, zone);
                WindowedMention routed = new WindowedMention(dimension, key, window, start.toInstant().toEpochMilli(),
                        window.end(start).toInstant().toEpochMilli(), mention);
                context.forward(record.withKey(groupKey).withValue(routed));
            }
        }
    }
}
