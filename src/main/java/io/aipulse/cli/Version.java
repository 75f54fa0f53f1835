package io.aipulse.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code -V} prints on every command: the version the build wrote into
 * {@code io/aipulse/version.properties} from the pom, so it cannot drift from the jar's.
 */
final class Version implements CommandLine.IVersionProvider {

    static String number() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/io/aipulse/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("io/aipulse/version.properties is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"aipulse " + number()};
    }
}
