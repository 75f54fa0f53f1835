package io.aipulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program a test starts (the service jar, Prometheus, docker-compose), with stdout and stderr in files
 * that are kept for diagnosis, and the ways to end it: a stop that lets it shut down (SIGTERM, then force),
 * a SIGKILL that a test checks, and a reaper so that no child outlives the test JVM.
 */
public final class ChildProcess implements AutoCloseable {

    private static final int TAIL_LINES = 40;
    private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        // last line of defence: a test that fails before its clean-up must not leave programs running
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ChildProcess::destroyForcibly),
                "test-children-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildProcess(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code command} in {@code workDir}, its output in {@code logDir/<name>.out} and {@code .err},
     * the command line in {@code .cmd}.
     */
    public static ChildProcess start(String name, Path workDir, Path logDir, List<String> command) {
        try {
            Files.createDirectories(logDir);
            Path out = logDir.resolve(name + ".out");
            Path err = logDir.resolve(name + ".err");
            Files.writeString(logDir.resolve(name + ".cmd"), String.join(" ", command) + "\n");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            // the child sees only the configuration the test gives it, not the developer's AIPULSE_* variables
            builder.environment().keySet().removeIf(key -> key.startsWith("AIPULSE_"));
            ChildProcess child = new ChildProcess(name, builder.start(), out, err);
            LIVE.add(child);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** Runs {@code command} to its end; fails when it outlives {@code timeout}. */
    public static Result run(String name, Path workDir, Path logDir, List<String> command, Duration timeout) {
        try (ChildProcess child = start(name, workDir, logDir, command)) {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " did not finish within " + timeout + "; " + child.describe());
            }
            return new Result(child.process.exitValue(), child.stdout(), child.stderr());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a finished program left. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /** The first group of the first match of {@code pattern} in stdout so far, or null. */
    public String firstInStdout(Pattern pattern) {
        Matcher m = pattern.matcher(stdout());
        return m.find() ? m.group(1) : null;
    }

    /** Fails at once, with the logs, when the program has exited: for conditions that need it running. */
    public void assertAlive() {
        if (!process.isAlive()) {
            throw new AssertionError(name + " exited with " + process.exitValue() + "; " + describe());
        }
    }

    /** Where the logs are and the tail of each, for failure messages. */
    public String describe() {
        return "logs: " + stdout + ", " + stderr + "\n--- stdout (tail) ---\n" + tail(stdout())
                + "\n--- stderr (tail) ---\n" + tail(stderr());
    }

    /**
     * SIGKILL ({@link Process#destroyForcibly()} on Linux), then checks the process is gone and died of
     * signal 9 (exit status 128 + 9).
     */
    public void kill9() {
        ProcessHandle handle = process.toHandle();
        assertThat(handle.isAlive()).as("%s alive before the kill", name).isTrue();
        process.destroyForcibly();
        try {
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("%s gone after SIGKILL", name).isTrue();
            handle.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(name + " did not exit after SIGKILL", e);
        }
        LIVE.remove(this);
        assertThat(handle.isAlive()).isFalse();
        assertThat(ProcessHandle.of(handle.pid()).map(ProcessHandle::isAlive).orElse(false))
                .as("pid %d still alive", handle.pid()).isFalse();
        assertThat(process.exitValue()).as("%s exit status: 137 = killed by SIGKILL", name).isEqualTo(137);
    }

    /** Ends the program at once, without its shutdown: for clean-up when nothing more is read from it. */
    public void destroyForcibly() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(this);
    }

    /**
     * Stops the program and its descendants: politely first (SIGTERM, so the service's shutdown hook runs),
     * by force after 30 s.
     */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        LIVE.remove(this);
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + "]";
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            // the program may be writing an incomplete UTF-8 sequence: read what decodes
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        }
    }

    private static File nullDevice() {
        File devNull = new File("/dev/null");
        return devNull.exists() ? devNull : new File("NUL");
    }
}
