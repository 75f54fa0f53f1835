package io.aipulse.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.annotation.JsonAppend;
import io.aipulse.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes one kind of record as the contract has it: its fields, preceded by {@code "schemaVersion": N}. The
 * version is added when writing (a Jackson mix-in) rather than kept in the record classes, so the classes stay
 * the plain values the code works with, and reading ignores it (records and articles without it still read).
 */
public final class VersionedJson<T> {

    /** Prepends the writer's attribute {@value RecordSchema#VERSION_FIELD} as a property of that name. */
    @JsonAppend(prepend = true, attrs = @JsonAppend.Attr(value = RecordSchema.VERSION_FIELD))
    private interface WithVersion {
    }

    private final ObjectWriter writer;
    private final ObjectMapper reader;

    private VersionedJson(ObjectMapper mapper, Class<T> type, RecordSchema schema) {
        this.reader = mapper;
        this.writer = mapper.copy().addMixIn(type, WithVersion.class)
                .writerFor(type)
                .withAttribute(RecordSchema.VERSION_FIELD, schema.version());
    }

    /** With the project's JSON dialect ({@link Json}). */
    public static <T> VersionedJson<T> of(Class<T> type, RecordSchema schema) {
        return new VersionedJson<>(Json.newMapper(), type, schema);
    }

    /** With a mapper of the caller's (copied: the caller's own mapper is left as it is). */
    public static <T> VersionedJson<T> of(ObjectMapper mapper, Class<T> type, RecordSchema schema) {
        return new VersionedJson<>(mapper, type, schema);
    }

    public byte[] writeBytes(T value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record as a JSON tree, to be part of a larger answer (the query API's list of aggregates). */
    public JsonNode tree(T value) {
        try {
            return reader.readTree(writeBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String write(T value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
