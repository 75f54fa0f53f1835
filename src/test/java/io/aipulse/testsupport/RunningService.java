package io.aipulse.testsupport;

import io.aipulse.broker.BrokerOptions;
import io.aipulse.broker.EmbeddedKafkaBroker;
import io.aipulse.observability.MetricsText;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The service as in production, shared by the hostile-input and security ITs of one test run (one start
 * instead of two on a two-core machine): an in-process broker, and {@code target/aipulse.jar run} as a
 * child process bound to loopback ({@code http.bind=127.0.0.1}) with secret-bearing Kafka client settings
 * that are harmless against the PLAINTEXT broker: a PLAIN JAAS config with a password, and the TLS key,
 * keystore and truststore passwords. Logs stay in {@code target/hostile-it/}.
 *
 * <p>Tests receive it as a parameter through {@link Extension}, which stops it as soon as the last of
 * {@link Extension#USERS} has run (so it does not idle through other ITs), or at the end of the run.
 */
public final class RunningService implements AutoCloseable {

    /** The password in every secret-bearing setting. */
    public static final String SECRET = "s3cret-Passw0rd";
    /** The JAAS user, also not to be shown. */
    public static final String SECRET_USER = "aipulse-jaas-user";
    static final Duration STARTUP = Duration.ofMinutes(2);

    private final EmbeddedKafkaBroker broker;
    private final ServiceProcess service;
    private final Path work;

    private RunningService(EmbeddedKafkaBroker broker, ServiceProcess service, Path work) {
        this.broker = broker;
        this.service = service;
        this.work = work;
    }

    /** The settings with secrets the service is started with. */
    public static Map<String, String> secretSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"" + SECRET_USER + "\" password=\"" + SECRET + "\";");
        settings.put("kafka.ssl.key.password", SECRET);
        settings.put("kafka.ssl.keystore.password", SECRET);
        settings.put("kafka.ssl.truststore.password", SECRET);
        return settings;
    }

    static RunningService start() {
        Path work = Project.freshDirUnderTarget("hostile-it");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral());
        ServiceProcess service = ServiceJar.run(broker.bootstrapServers()).stateDir(work.resolve("state"))
                .set("http.bind", "127.0.0.1").set(secretSettings()).start("service", work);
        try {
            service.awaitRunning(STARTUP);
            return new RunningService(broker, service, work);
        } catch (RuntimeException | AssertionError e) {
            service.close();
            broker.close();
            throw e;
        }
    }

    public String bootstrap() {
        return broker.bootstrapServers();
    }

    /** {@code target/hostile-it/}: the service's logs and state, and room for the tests' files. */
    public Path workDir() {
        return work;
    }

    public ServiceProcess service() {
        return service;
    }

    public int port() {
        return service.httpPort();
    }

    public MetricsText metrics() throws IOException, InterruptedException {
        return service.metrics();
    }

    /** {@link ServiceProcess#await}: fails at once if the service exits. */
    public Duration await(String what, Duration timeout, Await.Condition condition) {
        return service.await(what, timeout, condition);
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return service.get(pathAndQuery);
    }

    /** {@code method} on the path, with a small JSON body for the methods that carry one. */
    public HttpResponse<String> send(String method, String pathAndQuery) throws IOException, InterruptedException {
        return service.send(method, pathAndQuery, method.equals("GET") || method.equals("HEAD") ? "" : "{\"x\":1}");
    }

    @Override
    public void close() {
        try {
            service.close();
        } finally {
            broker.close();
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
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunningService.class,
                    key -> start(), RunningService.class);
        }
    }
}
