package io.aipulse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code java -jar target/aipulse.jar run ...} child process, its stdout and stderr captured to
 * files (for diagnosis after a failure).
 */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int httpPort;
    private final Path stdout;
    private final Path stderr;
    private final long startedNanos = System.nanoTime();

    private ServiceProcess(String name, Process process, int httpPort, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static ServiceProcess start(String name, List<String> command, Path workDir, Path logDir, int httpPort) {
        try {
            Files.createDirectories(logDir);
            Path out = logDir.resolve(name + ".out");
            Path err = logDir.resolve(name + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            // the child sees only the configuration the test gives it
            builder.environment().keySet().removeIf(key -> key.startsWith("AIPULSE_"));
            Files.writeString(logDir.resolve(name + ".cmd"), String.join(" ", command) + "\n");
            return new ServiceProcess(name, builder.start(), httpPort, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    int httpPort() {
        return httpPort;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Polls {@code /health} until it answers 200 (stream RUNNING); fails at once if the child dies. */
    Duration awaitRunning(Duration timeout) {
        Await.until(name + " RUNNING on /health", timeout, () -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "\n" + logTail(40));
            }
            return healthStatus() == 200;
        });
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    int healthStatus() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * SIGKILL ({@link Process#destroyForcibly()} on Linux), then checks the process is gone, died of
     * signal 9 (exit status 128 + 9) and did not run its shutdown hook.
     */
    void kill9() {
        ProcessHandle handle = process.toHandle();
        assertThat(handle.isAlive()).as("%s alive before the kill", name).isTrue();
        process.destroyForcibly();
        try {
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("%s gone after SIGKILL", name).isTrue();
            handle.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(name + " did not exit after SIGKILL", e);
        }
        assertThat(handle.isAlive()).isFalse();
        assertThat(ProcessHandle.of(handle.pid()).map(ProcessHandle::isAlive).orElse(false))
                .as("pid %d still alive", handle.pid()).isFalse();
        assertThat(process.exitValue()).as("%s exit status: 137 = killed by SIGKILL", name).isEqualTo(137);
        assertThat(readQuietly(stderr)).as("%s must not have shut down cleanly", name)
                .doesNotContain("PENDING_SHUTDOWN");
    }

    void destroyForcibly() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String logTail(int lines) {
        List<String> all = readQuietly(stderr).lines().toList();
        return "--- " + stderr + " (last " + lines + " lines) ---\n"
                + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + ", http " + httpPort + "]";
    }
}
