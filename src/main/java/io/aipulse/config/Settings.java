package io.aipulse.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The effective configuration: {@code config/application.properties} (or the copy in the jar), then
 * {@code AIPULSE_*} environment variables, then command-line options; see {@link SettingsLoader}.
 * Keys under {@code kafka.} pass through to every Kafka client (SASL/TLS to a real cluster).
 */
public final class Settings {

    public static final String KAFKA_PREFIX = "kafka.";

    private final Map<String, String> values;

    public Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing configuration key '" + key + "'");
        }
        return value;
    }

    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public int getInt(String key) {
        String value = get(key);
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration key '" + key + "' must be an integer, got '" + value + "'");
        }
    }

    public long getLong(String key) {
        String value = get(key);
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration key '" + key + "' must be an integer, got '" + value + "'");
        }
    }

    public Duration getDuration(String key) {
        String value = get(key);
        try {
            return Duration.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "configuration key '" + key + "' must be an ISO-8601 duration (PT6H, P2D), got '" + value + "'");
        }
    }

    public ZoneId zone() {
        return ZoneId.of(get("zone"));
    }

    public String bootstrapServers() {
        return get("bootstrap.servers");
    }

    /** The pass-through Kafka client settings, prefix removed. */
    public Properties kafkaClientProperties() {
        Properties props = new Properties();
        values.forEach((key, value) -> {
            if (key.startsWith(KAFKA_PREFIX)) {
                props.put(key.substring(KAFKA_PREFIX.length()), value);
            }
        });
        props.put("bootstrap.servers", bootstrapServers());
        return props;
    }

    /** All keys starting with {@code prefix}, prefix removed. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                out.put(key.substring(prefix.length()), value);
            }
        });
        return out;
    }

    public Settings with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new Settings(copy);
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** True for keys whose values must never be shown (passwords, JAAS configs, keys). */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return k.contains("password") || k.contains("jaas") || k.contains("secret") || k.endsWith(".key")
                || k.contains("credentials") || k.contains("token");
    }
}
