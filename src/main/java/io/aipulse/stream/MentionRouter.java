package io.aipulse.stream;

import io.aipulse.extract.Event;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sends the events of one article to the identity stage, each with the six windows it counts in
 * (sector, city, sector x city; day and week): one record per identity partition and article, so the
 * broker carries one record per article on one partition however many events and windows it has. Every
 * partition gets its record, empty if need be: its clock follows every article. The router sees the whole
 * article, so it marks each window's first mention of it (the article is counted there once) and drops
 * an event id the article repeats (the same event id is one mention).
 */
final class MentionRouter implements Processor<String, List<Event>, String, IdentityBatch> {

    private final ZoneId zone;
    private final WindowTime windowTime;
    private final int partitions;
    private ProcessorContext<String, IdentityBatch> context;

    MentionRouter(ZoneId zone, WindowTime windowTime, int partitions) {
        this.zone = zone;
        this.windowTime = windowTime;
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, IdentityBatch> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, List<Event>> record) {
        List<List<RoutedMention>> byPartition = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            byPartition.add(new ArrayList<>());
        }
        Set<String> eventIds = new HashSet<>();
        Set<WindowKey> counted = new HashSet<>();
        for (Event event : record.value()) {
            if (!eventIds.add(event.eventId())) {
                continue;
            }
            Mention mention = Mention.of(event);
            Instant time = windowTime.of(event, record.timestamp(), zone);
            List<WindowKey> windows = new ArrayList<>(Dimension.values().length * CalendarWindow.values().length);
            int first = 0;
            for (Dimension dimension : Dimension.values()) {
                String key = dimension.keyOf(event);
                for (CalendarWindow window : CalendarWindow.values()) {
                    WindowKey windowKey = WindowKey.of(window, dimension, key, time, zone);
                    if (counted.add(windowKey)) {
                        first |= 1 << windows.size();
                    }
                    windows.add(windowKey);
                }
            }
            int partition = EventIdentity.partitionOf(EventIdentity.of(mention), partitions);
            byPartition.get(partition).add(new RoutedMention(mention, List.copyOf(windows), first));
        }
        for (int p = 0; p < partitions; p++) {
            context.forward(record.withKey(String.valueOf(p)).withValue(new IdentityBatch(p, byPartition.get(p))));
        }
    }
}
