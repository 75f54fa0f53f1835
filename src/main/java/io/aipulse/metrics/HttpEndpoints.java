package io.aipulse.metrics;

import io.aipulse.json.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The service's HTTP face: {@code /metrics} (Prometheus text format) and the health checks, each
 * answering JSON with the Kafka Streams state:
 * <ul>
 *   <li>{@code /health} and {@code /health/ready}: readiness, 200 while the stream is RUNNING and making
 *       progress, 503 otherwise (starting, rebalancing, shutting down, failed, stalled) with the reason;</li>
 *   <li>{@code /health/live}: liveness, 200 unless the stream has stopped or failed (NOT_RUNNING,
 *       PENDING_ERROR, ERROR), when only a restart helps.</li>
 * </ul>
 * Other routes (the query API) can be added by path prefix before start.
 *
 * <p>The server is Jetty's (see DECISIONS.md): it reads request heads without holding a thread, so slow
 * clients cost a socket each and no handler thread; {@link HttpLimits} bounds the time a head may take,
 * idle connections, connections per client and in all, and the listen backlog.
 */
public final class HttpEndpoints implements AutoCloseable {

    public static final String CONNECTIONS_CLOSED = "aipulse.http.connections.closed";

    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String JSON = "application/json";

    private final Server server;
    private final ServerConnector connector;
    private final ConnectionGuard guard;
    /** Filled before start, read by the server's threads after (start publishes them). */
    private final Map<String, Route> exactPaths = new LinkedHashMap<>();
    private final Map<String, Route> pathPrefixes = new LinkedHashMap<>();

    /** Binds {@code bindAddress:port} (0: any free port) at once, so a port in use fails here. */
    public HttpEndpoints(String bindAddress, int port, PrometheusMeterRegistry registry, Supplier<Health> health,
                         HttpLimits limits) throws IOException {
        // the acceptor and the selector take a thread each from the pool, the rest run handlers
        QueuedThreadPool threads = new QueuedThreadPool(limits.threads() + 2, 2);
        threads.setName("aipulse-http");
        threads.setDaemon(true);
        this.server = new Server(threads, new ScheduledExecutorScheduler("aipulse-http-scheduler", true), null);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // the query API validates paths itself (an encoded '/' or '..' is a 404 there, like any unknown path)
        http.setUriCompliance(UriCompliance.LEGACY);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(bindAddress);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(limits.acceptQueue());
        Map<String, Counter> closed = new LinkedHashMap<>();
        for (String reason : List.of(ConnectionGuard.CLIENT_LIMIT, ConnectionGuard.SLOW_REQUEST)) {
            closed.put(reason, Counter.builder(CONNECTIONS_CLOSED)
                    .description("HTTP connections the server closed to protect the others: client-limit (one "
                            + "address holding too many), slow-request (a request head arriving too slowly)")
                    .tag("reason", reason).register(registry));
        }
        this.guard = new ConnectionGuard(limits.maxConnectionsPerClient(), limits.requestTimeout(),
                reason -> closed.get(reason).increment());
        connector.addBean(guard);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        server.setErrorHandler(new JsonErrors());
        server.setHandler(new Dispatcher());

        exactPaths.put("/metrics", (method, uri) -> {
            Answer refused = refused(method);
            return refused != null ? refused : new Answer(200, "text/plain; version=0.0.4; charset=utf-8",
                    registry.scrape(), Map.of());
        });
        Route healthRoute = (method, uri) -> {
            Answer refused = refused(method);
            if (refused != null) {
                return refused;
            }
            Health current = health.get();
            boolean up = uri.getPath().equals("/health/live") ? current.live() : current.ready();
            return new Answer(up ? 200 : 503, JSON, current.json(up), Map.of());
        };
        for (String path : Set.of("/health", "/health/ready", "/health/live")) {
            exactPaths.put(path, healthRoute);
        }
        try {
            connector.open();
        } catch (IOException | RuntimeException e) {
            guard.close();
            throw e;
        }
    }

    /** Answers 405 for methods other than GET and HEAD, else null. */
    private static Answer refused(String method) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return new Answer(405, TEXT, "method not allowed\n", Map.of("Allow", "GET, HEAD"));
        }
        return null;
    }

    /** Serves exactly {@code path} (the analyst page at {@code /}) by {@code route}; call before start. */
    public void addPath(String path, Route route) {
        exactPaths.put(path, route);
    }

    /** Serves every path that starts with {@code prefix} (and is not one of the fixed paths) by {@code route}. */
    public void addHandler(String prefix, Route route) {
        pathPrefixes.put(prefix, route);
    }

    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not start on port " + connector.getLocalPort(), e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    private Answer answer(String method, String pathAndQuery) {
        URI uri;
        try {
            uri = URI.create(pathAndQuery);
        } catch (IllegalArgumentException e) {
            return Answer.json(400, Json.write(Map.of("error", "malformed request URI")));
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        Route exact = exactPaths.get(path);
        if (exact != null) {
            return exact.answer(method, uri);
        }
        for (Map.Entry<String, Route> prefixed : pathPrefixes.entrySet()) {
            if (path.startsWith(prefixed.getKey())) {
                return prefixed.getValue().answer(method, uri);
            }
        }
        return new Answer(404, TEXT, "not found\n", Map.of());
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not stop", e);
        } finally {
            guard.close();
        }
    }

    /** Routes requests to {@link #answer}; runs on the pool, once a request's head has arrived. */
    private final class Dispatcher extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Answer answer;
            try {
                answer = answer(request.getMethod(), request.getHttpURI().getPathQuery());
            } catch (RuntimeException e) {
                answer = Answer.json(500, Json.write(Map.of("error", "internal error")));
            }
            if (hasBody(request)) {
                // no route reads a body, and waiting for one would hold a thread for as long as its sender
                // likes; Jetty closes such a connection after the answer, and says so here so that the
                // client does not send its next request on it (measured: "header parser received no bytes")
                response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            }
            boolean gzip = ResponseCompression.acceptsGzip(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
            send(answer, response, callback, gzip);
            return true;
        }

        private static boolean hasBody(Request request) {
            return request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)
                    || request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > 0;
        }
    }

    /** Sends the answer, gzip-compressed when the client accepts it and the body is worth it. */
    private static void send(Answer answer, Response response, Callback callback, boolean gzip) {
        response.setStatus(answer.status());
        answer.headers().forEach(response.getHeaders()::put);
        response.getHeaders().put("Content-Type", answer.contentType());
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        if (body.length >= ResponseCompression.MIN_BYTES) {
            // caches must not hand a compressed copy to a client that did not ask for one, or the reverse
            response.getHeaders().put(HttpHeader.VARY, HttpHeader.ACCEPT_ENCODING.asString());
            if (gzip) {
                body = ResponseCompression.gzip(body);
                response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
            }
        }
        // for HEAD, Jetty sends the headers (with this length) and drops the body
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * The server's own refusals (a malformed request, a head too large) as the query API's errors are: a
     * JSON object with one field, naming the status only, never echoing what was sent.
     */
    private static final class JsonErrors extends ErrorHandler {

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) {
            String reason = HttpStatus.getMessage(code);
            send(Answer.json(code, Json.write(Map.of("error", reason == null ? "error" : reason.toLowerCase(Locale.ROOT)))),
                    response, callback, false);
        }
    }

    /** One route: the answer to a request, from its method and URI (as sent, not decoded). */
    @FunctionalInterface
    public interface Route {
        Answer answer(String method, URI uri);
    }

    /** A complete answer: status, content type, body (UTF-8) and any further headers. */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {

        public static Answer json(int status, String body) {
            return new Answer(status, JSON, body, Map.of());
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Answer(status, contentType, body, Map.copyOf(more));
        }
    }

    /**
     * The state the health checks report: ready to serve, alive (a restart would not help), and why not
     * ready when the state alone does not say (a stalled stream is RUNNING).
     */
    public record Health(String state, boolean ready, boolean live, String reason) {

        private static final Set<String> DEAD_STATES = Set.of(KafkaStreams.State.NOT_RUNNING.name(),
                KafkaStreams.State.PENDING_ERROR.name(), KafkaStreams.State.ERROR.name());

        /**
         * Liveness from the name of a {@link KafkaStreams.State}: alive unless NOT_RUNNING, PENDING_ERROR or
         * ERROR.
         */
        public Health(String state, boolean ready) {
            this(state, ready, !DEAD_STATES.contains(state), "");
        }

        /** Readiness (RUNNING) and liveness of a Kafka Streams instance in this state. */
        public static Health of(KafkaStreams.State state) {
            return new Health(state.name(), state == KafkaStreams.State.RUNNING);
        }

        /** Readiness and liveness of an instance in this state, not ready while its progress is stalled. */
        public static Health of(KafkaStreams.State state, StallDetector.Verdict progress) {
            Health health = of(state);
            return progress.stalled() ? health.notReady("stalled: " + progress.reason()) : health;
        }

        /** The same health, not ready for {@code why}. */
        public Health notReady(String why) {
            return new Health(state, false, live, why);
        }

        String json(boolean up) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("status", up ? "UP" : "DOWN");
            body.put("state", state);
            if (!reason.isEmpty()) {
                body.put("reason", reason);
            }
            return Json.write(body);
        }
    }
}
