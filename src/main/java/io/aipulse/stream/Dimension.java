package io.aipulse.stream;

import io.aipulse.extract.Event;

/** What an aggregate is grouped by. */
public enum Dimension {
    SECTOR("sector"),
    CITY("city"),
    SECTOR_CITY("sector-city");

    private final String id;

    Dimension(String id) {
        this.id = id;
    }

    /** As in topic names and aggregate records: {@code sector}, {@code city}, {@code sector-city}. */
    public String id() {
        return id;
    }

    /** The group key of an event: {@code healthcare-biotech}, {@code hangzhou}, {@code healthcare-biotech|hangzhou}. */
    public String keyOf(Event event) {
        String sector = orUnknown(event.sector());
        String city = orUnknown(event.city());
        return switch (this) {
            case SECTOR -> sector;
            case CITY -> city;
            case SECTOR_CITY -> sector + "|" + city;
        };
    }

    public static Dimension fromId(String id) {
        for (Dimension dimension : values()) {
            if (dimension.id.equalsIgnoreCase(id)) {
                return dimension;
            }
        }
        throw new IllegalArgumentException("unknown dimension '" + id + "': use sector, city or sector-city");
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }
}
