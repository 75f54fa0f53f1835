package io.aipulse.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The service's HTTP face: {@code /metrics} (Prometheus text format) and the health checks, each
 * answering JSON with the Kafka Streams state:
 * <ul>
 *   <li>{@code /health} and {@code /health/ready}: readiness, 200 while the stream is RUNNING, 503
 *       otherwise (starting, rebalancing, shutting down, failed);</li>
 *   <li>{@code /health/live}: liveness, 200 unless the stream has stopped or failed (NOT_RUNNING,
 *       PENDING_ERROR, ERROR), when only a restart helps.</li>
 * </ul>
 * Other handlers can be added before start.
 */
public final class HttpEndpoints implements AutoCloseable {

    /**
     * A query forwarded to the owning instance holds a thread here while the owner answers; with a pool
     * of two, two instances forwarding to each other at once would wait on each other until the timeout.
     */
    static final int HTTP_THREADS = 16;

    private final HttpServer server;
    private final ExecutorService executor;

    public HttpEndpoints(String bindAddress, int port, PrometheusMeterRegistry registry, Supplier<Health> health)
            throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
        this.executor = Executors.newFixedThreadPool(HTTP_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "aipulse-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", exchange -> {
            if (refused(exchange, Set.of("/metrics"))) {
                return;
            }
            respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
        });
        server.createContext("/health", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (refused(exchange, Set.of("/health", "/health/ready", "/health/live"))) {
                return;
            }
            Health current = health.get();
            boolean up = path.equals("/health/live") ? current.live() : current.ready();
            respond(exchange, up ? 200 : 503, "application/json",
                    "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"state\":\"" + current.state() + "\"}");
        });
    }

    /** Answers 404 outside {@code paths} and 405 for methods other than GET and HEAD; true when it did. */
    private static boolean refused(HttpExchange exchange, Set<String> paths) throws IOException {
        if (!paths.contains(exchange.getRequestURI().getPath())) {
            respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            return true;
        }
        String method = exchange.getRequestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
            return true;
        }
        return false;
    }

    public void addHandler(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The state the health checks report: ready to serve, and alive (a restart would not help). */
    public record Health(String state, boolean ready, boolean live) {

        private static final Set<String> DEAD_STATES = Set.of(KafkaStreams.State.NOT_RUNNING.name(),
                KafkaStreams.State.PENDING_ERROR.name(), KafkaStreams.State.ERROR.name());

        /**
         * Liveness from the name of a {@link KafkaStreams.State}: alive unless NOT_RUNNING, PENDING_ERROR or
         * ERROR.
         */
        public Health(String state, boolean ready) {
            this(state, ready, !DEAD_STATES.contains(state));
        }

        /** Readiness (RUNNING) and liveness of a Kafka Streams instance in this state. */
        public static Health of(KafkaStreams.State state) {
            return new Health(state.name(), state == KafkaStreams.State.RUNNING);
        }
    }
}
