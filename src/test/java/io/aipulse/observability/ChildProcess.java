package io.aipulse.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program a test starts, with stdout and stderr in files (kept for diagnosis) and a stop that ends
 * it and its descendants: politely first (SIGTERM, so the service's shutdown hook runs), then by force.
 */
public final class ChildProcess implements AutoCloseable {

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

    /** Starts {@code command} in {@code workDir}; its output goes to {@code logDir/name.out|.err}. */
    public static ChildProcess start(String name, Path workDir, Path logDir, List<String> command) {
        try {
            Files.createDirectories(logDir);
            Path out = logDir.resolve(name + ".out");
            Path err = logDir.resolve(name + ".err");
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            return new ChildProcess(name, process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** Java on the test's own JDK: {@code java ARGS...}. */
    public static List<String> java(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code command} to its end and returns its exit code; fails when it outlives {@code timeout}. */
    public static Result run(String name, Path workDir, Path logDir, List<String> command, Duration timeout) {
        try (ChildProcess child = start(name, workDir, logDir, command)) {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not finish within " + timeout + "; " + child.describe());
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

    public boolean isAlive() {
        return process.isAlive();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /**
     * Waits until stdout has a line matching {@code pattern} and returns its first group; fails early
     * when the program exits.
     */
    public String awaitOutput(Pattern pattern, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Matcher m = pattern.matcher(stdout());
            if (m.find()) {
                return m.group(1);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before printing "
                        + pattern + "; " + describe());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not print " + pattern + " within " + timeout + "; " + describe());
    }

    /** The tail of both logs, for failure messages. */
    public String describe() {
        return "logs: " + stdout + ", " + stderr + "\n--- stdout (tail) ---\n" + tail(stdout())
                + "\n--- stderr (tail) ---\n" + tail(stderr());
    }

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
    }

    private static String tail(String text) {
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - 40);
        return String.join("\n", List.of(lines).subList(from, lines.length));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            // the program may be writing an incomplete UTF-8 sequence; read what decodes
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        }
    }

    private static java.io.File nullDevice() {
        return Optional.of(new java.io.File("/dev/null")).filter(java.io.File::exists)
                .orElse(new java.io.File("NUL"));
    }
}
