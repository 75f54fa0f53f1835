package io.aipulse.contract;

import java.util.Locale;

/**
 * The published record contract: one JSON Schema (draft 2020-12) per kind of record, in {@code schemas/} at the
 * top of the repository and inside the jar. Every record the service writes carries its schema's version in
 * the field {@value #VERSION_FIELD}, first in the record, so that a consumer knows which schema it follows.
 */
public enum RecordSchema {
    /** What the input topic and {@code produce} accept (and what {@code produce} writes). */
    ARTICLE(1),
    /** A record on the events topic. */
    EVENT(1),
    /** A record on the six aggregate topics. */
    AGGREGATE(1),
    /** A record on the late topic. */
    LATE(1);

    /** The field every emitted record carries its schema version in. */
    public static final String VERSION_FIELD = "schemaVersion";

    private final int version;

    RecordSchema(int version) {
        this.version = version;
    }

    /**
     * The version of the record's shape: any change to the fields of the record (added, removed, renamed, of
     * another type or meaning) gives a new version and a new schema, so a consumer validating with this one
     * never meets a record it does not describe.
     */
    public int version() {
        return version;
    }

    /** The name used on the command line and in the file name: {@code event}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The schema's file: {@code event.schema.json} (under {@code schemas/}, and in the jar). */
    public String fileName() {
        return id() + ".schema.json";
    }

    public static RecordSchema fromId(String id) {
        for (RecordSchema schema : values()) {
            if (schema.id().equals(id)) {
                return schema;
            }
        }
        throw new IllegalArgumentException("unknown schema '" + id + "': use article, event, aggregate or late");
    }
}
