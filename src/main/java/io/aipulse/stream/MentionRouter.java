package io.aipulse.stream;

import io.aipulse.extract.Event;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sends the events of one article to the six windows each belongs to (sector, city, sector x city; day
 * and week), one record per window with all of the article's mentions for it: the aggregation then
 * reads and writes a window's state once per article, not once per event. The record key becomes the
 * group key ({@code sector|healthcare-biotech}), so every window of one group lives in one partition and
 * an interactive query for a group asks exactly one instance.
 */
final class MentionRouter implements Processor<String, List<Event>, String, WindowMentions> {

    private final ZoneId zone;
    private final WindowTime windowTime;
    private ProcessorContext<String, WindowMentions> context;

    MentionRouter(ZoneId zone, WindowTime windowTime) {
        this.zone = zone;
        this.windowTime = windowTime;
    }

    @Override
    public void init(ProcessorContext<String, WindowMentions> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, List<Event>> record) {
        // insertion order: windows in the order of the article's events, mentions in event order
        Map<WindowKey, List<Mention>> byWindow = new LinkedHashMap<>();
        for (Event event : record.value()) {
            Mention mention = Mention.of(event);
            Instant time = windowTime.of(event, record.timestamp(), zone);
            for (Dimension dimension : Dimension.values()) {
                String key = dimension.keyOf(event);
                for (CalendarWindow window : CalendarWindow.values()) {
                    byWindow.computeIfAbsent(WindowKey.of(window, dimension, key, time, zone), k -> new ArrayList<>())
                            .add(mention);
                }
            }
        }
        byWindow.forEach((key, mentions) -> context.forward(record.withKey(GroupKey.of(key.dimension(), key.key()))
                .withValue(new WindowMentions(key.dimension(), key.key(), key.window(), key.startMillis(),
                        key.endMillis(), mentions))));
    }
}
