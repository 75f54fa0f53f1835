package io.aipulse.stream;

import io.aipulse.config.Settings;
import io.aipulse.contract.RecordSchema;
import io.aipulse.extract.Company;
import io.aipulse.extract.Event;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of the service with its serdes, names from configuration ({@code topic.*} keys).
 * Keys are plain UTF-8 strings and values UTF-8 JSON, except the input and dead-letter topics whose
 * values are kept as the bytes that arrived. The output records carry their schema version
 * ({@link RecordSchema}).
 */
public final class Topics {

    public final Topic<String, byte[]> articles;
    public final Topic<String, Event> events;
    public final Topic<String, byte[]> deadLetters;
    public final Topic<String, LateRecord> late;
    public final Topic<String, Company> companies;
    /** the values of all six aggregate topics */
    public final Serde<AggregateRecord> aggregateSerde;
    private final Map<Dimension, Map<CalendarWindow, Topic<String, AggregateRecord>>> aggregates;

    private Topics(Settings settings) {
        articles = new Topic<>(settings.get("topic.articles"), Serdes.String(), Serdes.ByteArray());
        events = new Topic<>(settings.get("topic.events"), Serdes.String(), JsonSerde.versioned(Event.class, RecordSchema.EVENT));
        deadLetters = new Topic<>(settings.get("topic.dlq"), Serdes.String(), Serdes.ByteArray());
        late = new Topic<>(settings.get("topic.late"), Serdes.String(), JsonSerde.versioned(LateRecord.class, RecordSchema.LATE));
        companies = new Topic<>(settings.get("topic.companies"), Serdes.String(), JsonSerde.of(Company.class));
        aggregateSerde = JsonSerde.versioned(AggregateRecord.class, RecordSchema.AGGREGATE);
        aggregates = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            Map<CalendarWindow, Topic<String, AggregateRecord>> byWindow = new EnumMap<>(CalendarWindow.class);
            for (CalendarWindow window : CalendarWindow.values()) {
                String name = settings.get("topic.agg." + dimension.id() + "." + window.suffix());
                byWindow.put(window, new Topic<>(name, Serdes.String(), aggregateSerde));
            }
            aggregates.put(dimension, byWindow);
        }
    }

    public static Topics from(Settings settings) {
        return new Topics(settings);
    }

    public Topic<String, AggregateRecord> aggregate(Dimension dimension, CalendarWindow window) {
        return aggregates.get(dimension).get(window);
    }

    public List<Topic<String, AggregateRecord>> allAggregates() {
        List<Topic<String, AggregateRecord>> all = new ArrayList<>();
        aggregates.values().forEach(byWindow -> all.addAll(byWindow.values()));
        return all;
    }

    /** The schema of each topic of the published contract: the input topic, then {@link #outputSchemas}. */
    public Map<String, RecordSchema> schemas() {
        Map<String, RecordSchema> schemas = new LinkedHashMap<>();
        schemas.put(articles.name(), RecordSchema.ARTICLE);
        schemas.putAll(outputSchemas());
        return schemas;
    }

    /** The schema of each output topic whose records carry one: events, the six aggregate topics, late. */
    public Map<String, RecordSchema> outputSchemas() {
        Map<String, RecordSchema> schemas = new LinkedHashMap<>();
        schemas.put(events.name(), RecordSchema.EVENT);
        allAggregates().forEach(topic -> schemas.put(topic.name(), RecordSchema.AGGREGATE));
        schemas.put(late.name(), RecordSchema.LATE);
        return schemas;
    }

    /** Every topic the service reads or writes (internal topics are Kafka Streams' own business). */
    public List<Topic<String, ?>> all() {
        List<Topic<String, ?>> all = new ArrayList<>(List.of(articles, events, deadLetters, late, companies));
        all.addAll(allAggregates());
        return all;
    }
}
