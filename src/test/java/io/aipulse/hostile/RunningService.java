package io.aipulse.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.broker.BrokerOptions;
import io.aipulse.broker.EmbeddedKafkaBroker;
import io.aipulse.observability.ChildProcess;
import io.aipulse.observability.MetricsText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The service as in production, shared by the hostile-input and security ITs of one test run (one
 * start instead of two on a two-core machine): an in-process broker, and {@code target/aipulse.jar run}
 * as a child process bound to loopback ({@code http.bind=127.0.0.1}) with secret-bearing Kafka client
 * settings that are harmless against the PLAINTEXT broker: a PLAIN JAAS config with a password, and the
 * TLS key, keystore and truststore passwords. Logs stay in {@code target/hostile-it/}.
 *
 * <p>Tests receive it as a parameter through {@link Extension}, which stops it as soon as the last of
 * {@link Extension#USERS} has run (so it does not idle through other ITs), or at the end of the run.
 */
public final class RunningService implements AutoCloseable {

    /** The password in every secret-bearing setting. */
    public static final String SECRET = "s3cret-Passw0rd";
    /** The JAAS user, also not to be shown. */
    public static final String SECRET_USER = "aipulse-jaas-user";
    public static final Path ROOT = Path.of("").toAbsolutePath();
    public static final Path JAR = ROOT.resolve("target/aipulse.jar");
    public static final Path WORK = ROOT.resolve("target/hostile-it");
    static final Duration STARTUP = Duration.ofMinutes(2);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final EmbeddedKafkaBroker broker;
    private final ChildProcess service;
    private final int port;

    private RunningService(EmbeddedKafkaBroker broker, ChildProcess service, int port) {
        this.broker = broker;
        this.service = service;
        this.port = port;
    }

    /** The settings with secrets the service is started with ({@code --set KEY=VALUE}). */
    public static List<String> secretSettings() {
        return List.of(
                "kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + SECRET_USER + "\" password=\"" + SECRET + "\";",
                "kafka.ssl.key.password=" + SECRET,
                "kafka.ssl.keystore.password=" + SECRET,
                "kafka.ssl.truststore.password=" + SECRET);
    }

    static RunningService start() throws Exception {
        assertThat(JAR).as("the service jar (failsafe runs after package)").exists();
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral());
        List<String> command = new ArrayList<>(ChildProcess.java("-Xmx512m", "-jar", JAR.toString(), "run",
                "--bootstrap", broker.bootstrapServers(), "--http-port", "0",
                "--state-dir", WORK.resolve("state").toString(), "--set", "http.bind=127.0.0.1"));
        for (String setting : secretSettings()) {
            command.add("--set");
            command.add(setting);
        }
        ChildProcess service = ChildProcess.start("service", ROOT, WORK, command);
        try {
            int port = Integer.parseInt(service.awaitOutput(Pattern.compile("(?m)^http=(\\d+)"), STARTUP));
            RunningService running = new RunningService(broker, service, port);
            running.await("the service is ready (/health 200)", STARTUP, () -> running.get("/health").statusCode() == 200);
            return running;
        } catch (Exception | AssertionError e) {
            service.close();
            broker.close();
            throw e;
        }
    }

    public String bootstrap() {
        return broker.bootstrapServers();
    }

    public int port() {
        return port;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    public ChildProcess process() {
        return service;
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery);
    }

    public HttpResponse<String> send(String method, String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString(
                method.equals("GET") || method.equals("HEAD") ? "" : "{\"x\":1}");
        return HTTP.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .method(method, body).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public MetricsText metrics() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return MetricsText.parse(response.body());
    }

    /** A condition polled until it holds. */
    public interface Condition {
        boolean met() throws Exception;
    }

    /** Polls until the condition holds; fails with the service's log tail after {@code timeout}. */
    public void await(String what, Duration timeout, Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Exception lastError = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.met()) {
                    return;
                }
                lastError = null;
            } catch (IOException e) {
                lastError = e; // not listening yet
            }
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited while waiting for: " + what + "\n" + service.describe());
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("waited " + timeout + " for: " + what
                + (lastError == null ? "" : " (last error: " + lastError + ")") + "\nservice " + service.describe(),
                lastError);
    }

    @Override
    public void close() {
        try {
            service.close();
        } finally {
            broker.close();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Resolves a {@link RunningService} parameter (of a {@code @BeforeAll} method, say): started once per
     * test run, closed by JUnit when the run ends.
     */
    public static final class Extension implements ParameterResolver, AfterAllCallback {

        /** The test classes that share the service: when all have run, it is stopped. */
        static final Set<String> USERS = Set.of("io.aipulse.hostile.HostileInputIT", "io.aipulse.security.SecurityIT");
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningService.class);
        private static final Set<String> FINISHED = ConcurrentHashMap.newKeySet();

        @Override
        public void afterAll(ExtensionContext context) {
            context.getTestClass().ifPresent(type -> FINISHED.add(type.getName()));
            if (FINISHED.containsAll(USERS)) {
                RunningService running = context.getRoot().getStore(NAMESPACE).remove(RunningService.class,
                        RunningService.class);
                if (running != null) {
                    running.close();
                }
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningService.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunningService.class, key -> {
                try {
                    return start();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("cannot start the service: " + e.getMessage(), e);
                }
            }, RunningService.class);
        }
    }
}
