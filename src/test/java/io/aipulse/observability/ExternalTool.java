package io.aipulse.observability;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A program a test needs from the machine (Debian's prometheus, docker-compose). CI installs them
 * (.ci/run); a developer without one skips its tests explicitly with {@code -D<name>.skip=true}. A missing
 * program without that property fails the test with the command that installs it: never a silent skip.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /**
     * The path of {@code program} ({@code -D<program>.bin=PATH} wins over the PATH lookup); skips the test
     * when {@code -D<skipName>.skip=true}; fails it when the program is missing.
     */
    public static Path require(String program, String skipName, String debianPackage) {
        assumeFalse(Boolean.getBoolean(skipName + ".skip"),
                "-D" + skipName + ".skip=true: tests that need " + program + " are skipped");
        String configured = System.getProperty(program + ".bin");
        Optional<Path> found = configured != null && !configured.isBlank()
                ? Optional.of(Path.of(configured)).filter(Files::isExecutable)
                : onPath(program);
        if (found.isEmpty()) {
            fail(program + " is not installed. Install it with `apt-get install -y --no-install-recommends "
                    + debianPackage + "` (.ci/run does this), point -D" + program + ".bin=PATH at it, or skip "
                    + "these tests with -D" + skipName + ".skip=true");
        }
        return found.get();
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
