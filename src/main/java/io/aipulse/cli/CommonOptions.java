package io.aipulse.cli;

import io.aipulse.config.Settings;
import io.aipulse.config.SettingsLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command shares: where configuration lives and generic overrides. */
final class CommonOptions {

    @Option(names = "--config-dir", paramLabel = "DIR", defaultValue = "${env:AIPULSE_CONFIG_DIR:-config}",
            description = "Directory of application.properties and the knowledge files (default: ${DEFAULT-VALUE}; "
                    + "the copies inside the jar are used for files it lacks).")
    Path configDir;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override any configuration key (repeatable), e.g. --set zone=Europe/Berlin "
                    + "or --set kafka.security.protocol=SASL_SSL.")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** Loads the layered configuration; {@code commandOptions} are the command's own named options. */
    Settings settings(Map<String, String> commandOptions) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("config.dir", configDir.toString());
        options.putAll(overrides);
        options.putAll(commandOptions);
        return SettingsLoader.load(configDir, System.getenv(), options);
    }
}
