package io.aipulse.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options for {@link EmbeddedKafkaBroker}.
 *
 * @param host       address the PLAINTEXT listener binds to and advertises (default {@value #DEFAULT_HOST})
 * @param port       PLAINTEXT port; {@code 0} picks a free port
 * @param dataDir    log/metadata directory; {@code null} means a fresh temporary directory that is
 *                   deleted when the broker is closed. An existing, formatted directory is reused as is,
 *                   so topics and committed data survive a restart.
 * @param extraProps broker properties that override the built-in single-node settings
 */
public record BrokerOptions(String host, int port, Path dataDir, Map<String, String> extraProps) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The port a CLI-started broker listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 9092;

    public BrokerOptions {
        host = (host == null || host.isBlank()) ? DEFAULT_HOST : host.trim();
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535, was " + port);
        }
        extraProps = extraProps == null ? Map.of() : Map.copyOf(extraProps);
    }

    /** 127.0.0.1:9092, temporary data dir, no overrides (what the CLI uses by default). */
    public static BrokerOptions defaults() {
        return new BrokerOptions(DEFAULT_HOST, DEFAULT_PORT, null, Map.of());
    }

    /** 127.0.0.1 on a free port, temporary data dir, no overrides (what tests want). */
    public static BrokerOptions ephemeral() {
        return new BrokerOptions(DEFAULT_HOST, 0, null, Map.of());
    }

    public BrokerOptions withHost(String newHost) {
        return new BrokerOptions(newHost, port, dataDir, extraProps);
    }

    public BrokerOptions withPort(int newPort) {
        return new BrokerOptions(host, newPort, dataDir, extraProps);
    }

    public BrokerOptions withDataDir(Path newDataDir) {
        return new BrokerOptions(host, port, newDataDir, extraProps);
    }

    public BrokerOptions withExtraProps(Map<String, String> newExtraProps) {
        return new BrokerOptions(host, port, dataDir, newExtraProps);
    }

    /** Adds (or replaces) one override. */
    public BrokerOptions withProp(String key, String value) {
        Map<String, String> merged = new LinkedHashMap<>(extraProps);
        merged.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new BrokerOptions(host, port, dataDir, merged);
    }
}
