package io.aipulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.observability.MetricsText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/** One {@code aipulse run} started by {@link ServiceJar}: its process, its HTTP port, and the waits on both. */
public final class ServiceProcess implements AutoCloseable {

    /** What {@code run} prints once its HTTP server listens. */
    private static final Pattern HTTP_PORT_LINE = Pattern.compile("(?m)^http=(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ChildProcess process;
    private final long startedNanos = System.nanoTime();
    /** 0 until known when the service picks its own port. */
    private volatile int httpPort;

    ServiceProcess(ChildProcess process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    public String name() {
        return process.name();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process, for its logs. */
    public ChildProcess process() {
        return process;
    }

    /**
     * Waits until {@code /health} answers 200 (the stream is RUNNING) and returns the time since the start;
     * fails at once if the service exits.
     */
    public Duration awaitRunning(Duration timeout) {
        await(name() + " RUNNING on /health", timeout, () -> knownHttpPort() && healthStatus() == 200);
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** {@link Await#until} that fails at once if the service exits, and shows its logs when it fails. */
    public Duration await(String what, Duration timeout, Await.Condition condition) {
        return Await.until(what, timeout, () -> {
            process.assertAlive();
            return condition.met();
        }, process::describe);
    }

    public int httpPort() {
        if (!knownHttpPort()) {
            throw new IllegalStateException(name() + " has not printed its HTTP port yet: awaitRunning first");
        }
        return httpPort;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + httpPort() + pathAndQuery);
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return get(pathAndQuery, Duration.ofSeconds(30));
    }

    public HttpResponse<String> get(String pathAndQuery, Duration timeout) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(timeout).GET());
    }

    /** {@code method} with {@code body} (empty: none), answered within 30 s. */
    public HttpResponse<String> send(String method, String pathAndQuery, String body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The status of {@code /health}, or -1 while the service does not answer. */
    public int healthStatus() {
        try {
            return get("/health", Duration.ofSeconds(2)).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** {@code /metrics}, parsed; it must answer 200. */
    public MetricsText metrics() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return MetricsText.parse(response.body());
    }

    /**
     * SIGKILL, checked ({@link ChildProcess#kill9()}), and the service's log shows it did not get to shut
     * down cleanly (Kafka Streams logs PENDING_SHUTDOWN on a clean close).
     */
    public void kill9() {
        process.kill9();
        assertThat(process.stderr()).as("%s must not have shut down cleanly", name()).doesNotContain("PENDING_SHUTDOWN");
    }

    /** Ends the service at once: for clean-up when everything it wrote has been read. */
    public void destroyForcibly() {
        process.destroyForcibly();
    }

    /** Stops the service the way an operator would (SIGTERM: its shutdown hook closes the stream). */
    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return name() + "[pid " + pid() + ", http " + (httpPort == 0 ? "?" : httpPort) + "]";
    }

    private boolean knownHttpPort() {
        if (httpPort == 0) {
            String printed = process.firstInStdout(HTTP_PORT_LINE);
            if (printed != null) {
                httpPort = Integer.parseInt(printed);
            }
        }
        return httpPort != 0;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
