package io.aipulse.stream;

import io.aipulse.contract.RecordSchema;
import io.aipulse.contract.VersionedJson;
import io.aipulse.json.Json;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** UTF-8 JSON values, readable by any consumer (including Kafka's console consumer). */
public final class JsonSerde {

    private JsonSerde() {
    }

    /**
     * A record of the published contract: written with its schema version first ({@code "schemaVersion": 1}),
     * read whether or not it has one.
     */
    public static <T> Serde<T> versioned(Class<T> type, RecordSchema schema) {
        VersionedJson<T> json = VersionedJson.of(type, schema);
        Serializer<T> serializer = (topic, value) -> value == null ? null : json.writeBytes(value);
        return Serdes.serdeFrom(serializer, of(type).deserializer());
    }

    public static <T> Serde<T> of(Class<T> type) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : Json.writeBytes(value);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : Json.read(bytes, type);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
