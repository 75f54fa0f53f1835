package io.aipulse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The repository as tests see it: Maven runs them in the project directory, so every path a test reads
 * is relative to it, and what a test writes stays under {@code target/}.
 */
public final class Project {

    public static final Path ROOT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();
    /** The shaded service jar that {@code mvn package} builds before failsafe runs the ITs. */
    public static final Path JAR = ROOT.resolve("target/aipulse.jar");
    /** The same service without Kafka's server classes (the Docker image's jar), built by the same package. */
    public static final Path SERVICE_JAR = ROOT.resolve("target/aipulse-service.jar");
    public static final Path CONFIG = ROOT.resolve("config");

    private Project() {
    }

    /**
     * {@code target/<name>}, emptied and created: a test's own place for logs and state, cleared at its
     * start (not at its end, so that the files of a failed run are there to read).
     */
    public static Path freshDirUnderTarget(String name) {
        Path dir = ROOT.resolve("target").resolve(name);
        delete(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }

    /** Deletes {@code path} and everything under it; nothing when it does not exist. */
    public static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
