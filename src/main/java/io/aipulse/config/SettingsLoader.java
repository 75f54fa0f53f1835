package io.aipulse.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Builds {@link Settings} in layers, each overriding the one before:
 * <ol>
 *   <li>the defaults bundled in the jar ({@code /config/application.properties});</li>
 *   <li>{@code application.properties} in the configuration directory, when it exists;</li>
 *   <li>environment variables: {@code AIPULSE_} + the key upper-cased with every non-alphanumeric
 *       character as {@code _} ({@code topic.agg.sector-city.1d} is {@code AIPULSE_TOPIC_AGG_SECTOR_CITY_1D});
 *       {@code AIPULSE_KAFKA_*} variables become {@code kafka.*} client settings
 *       ({@code AIPULSE_KAFKA_SASL_MECHANISM} is {@code kafka.sasl.mechanism});</li>
 *   <li>command-line options.</li>
 * </ol>
 * The environment is passed in as a map so tests use their own.
 */
public final class SettingsLoader {

    public static final String ENV_PREFIX = "AIPULSE_";
    private static final String KAFKA_ENV_PREFIX = ENV_PREFIX + "KAFKA_";

    private SettingsLoader() {
    }

    public static Settings load(Path configDir, Map<String, String> environment, Map<String, String> options) {
        Map<String, String> values = new TreeMap<>(bundledDefaults());
        Path file = configDir == null ? null : configDir.resolve("application.properties");
        if (file != null && Files.isRegularFile(file)) {
            values.putAll(read(file));
        }
        values.putAll(fromEnvironment(values, environment));
        values.putAll(options);
        return new Settings(values);
    }

    /** The environment layer: known keys by their variable name, plus Kafka client pass-through. */
    static Map<String, String> fromEnvironment(Map<String, String> known, Map<String, String> environment) {
        Map<String, String> out = new TreeMap<>();
        for (String key : known.keySet()) {
            String value = environment.get(envName(key));
            if (value != null) {
                out.put(key, value);
            }
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(KAFKA_ENV_PREFIX)) {
                String clientKey = name.substring(KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                out.put(Settings.KAFKA_PREFIX + clientKey, value);
            }
        });
        return out;
    }

    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static Map<String, String> bundledDefaults() {
        try (InputStream in = SettingsLoader.class.getResourceAsStream("/config/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("the jar has no /config/application.properties");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Map<String, String> read(Reader reader) throws IOException {
        Properties props = new Properties();
        props.load(reader);
        Map<String, String> out = new TreeMap<>();
        props.stringPropertyNames().forEach(name -> out.put(name, props.getProperty(name).strip()));
        return out;
    }
}
