package io.aipulse.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker + controller) running inside this JVM.
 *
 * <p>Built from Kafka's production classes: the storage is formatted with {@link Formatter} (only when the
 * data directory is not formatted yet, so a restart on the same directory keeps topics and committed
 * data), then {@link KafkaRaftServer} is started. {@link #start(BrokerOptions)} returns once the broker
 * answers an Admin {@code describeCluster} call. Single-node settings make transactions and
 * {@code exactly_once_v2} work (replication factor / min ISR 1 for the internal topics).
 *
 * <p>While at least one broker is open, Kafka's {@code Exit} exit/halt procedures are replaced so that a
 * broker fault throws {@link BrokerExitException} instead of terminating the JVM; they are restored when
 * the last broker closes.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String CONTROLLER_HOST = "127.0.0.1";
    static final String META_PROPERTIES = "meta.properties";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    private static final Object EXIT_GUARD_LOCK = new Object();
    private static int exitGuardUsers;

    private final String host;
    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final KafkaRaftServer server;
    private final Duration startupDuration;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(String host, int port, int controllerPort, Path dataDir, boolean ownsDataDir,
                                KafkaRaftServer server, Duration startupDuration) {
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.server = server;
        this.startupDuration = startupDuration;
    }

    /**
     * Formats the data directory if needed, starts the broker and waits (up to 60 s) until it answers
     * {@code describeCluster}.
     *
     * @throws KafkaException if the broker cannot be started or does not become ready in time
     */
    public static EmbeddedKafkaBroker start(BrokerOptions options) {
        if (options == null) {
            throw new NullPointerException("options");
        }
        long t0 = System.nanoTime();
        if (options.port() != 0) {
            requirePortFree(options.host(), options.port());
        }
        boolean ownsDataDir = options.dataDir() == null;
        Path dataDir = prepareDataDir(options.dataDir());
        installExitGuard();
        try {
            formatIfNeeded(dataDir);
            KafkaException lastFailure = null;
            for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                int port = options.port() != 0 ? options.port() : freePort(options.host());
                int controllerPort = freePort(CONTROLLER_HOST, port);
                Properties props = brokerProperties(options, port, controllerPort, dataDir);
                KafkaRaftServer server = null;
                try {
                    server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
                    server.startup();
                    String bootstrap = options.host() + ":" + port;
                    awaitReady(bootstrap, t0);
                    Duration took = Duration.ofNanos(System.nanoTime() - t0);
                    LOG.info("Kafka broker ready on {} (controller 127.0.0.1:{}, data {}) in {} ms",
                            bootstrap, controllerPort,
                            dataDir, took.toMillis());
                    return new EmbeddedKafkaBroker(options.host(), port, controllerPort, dataDir, ownsDataDir,
                            server, took);
                } catch (RuntimeException e) {
                    stopQuietly(server);
                    lastFailure = e instanceof KafkaException ke ? ke
                            : new KafkaException("Embedded Kafka broker failed to start", e);
                    if (!isBindFailure(e) || attempt == START_ATTEMPTS) {
                        throw lastFailure;
                    }
                    LOG.warn("Port clash while starting the embedded broker (attempt {}/{}), retrying: {}",
                            attempt, START_ATTEMPTS, e.toString());
                }
            }
            throw lastFailure;
        } catch (RuntimeException e) {
            releaseExitGuard();
            if (ownsDataDir) {
                deleteRecursively(dataDir);
            }
            throw e;
        }
    }

    /** {@code HOST:PORT} of the PLAINTEXT listener, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return host + ":" + port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Wall time from {@link #start} being called until the broker answered {@code describeCluster}. */
    public Duration startupDuration() {
        return startupDuration;
    }

    /**
     * Creates the topics, ignoring those that already exist, and waits until every partition of every
     * given topic has a leader.
     *
     * @throws KafkaException on any other failure
     */
    public void createTopics(Collection<NewTopic> topics) {
        if (topics == null || topics.isEmpty()) {
            return;
        }
        ensureOpen();
        Set<String> names = topics.stream().map(NewTopic::name).collect(Collectors.toCollection(
                java.util.LinkedHashSet::new));
        try (Admin admin = Admin.create(adminProperties(bootstrapServers()))) {
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> e
                    : admin.createTopics(topics).values().entrySet()) {
                try {
                    e.getValue().get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new KafkaException("Could not create topic " + e.getKey(), ex.getCause());
                    }
                }
            }
            awaitLeaders(admin, names);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while creating topics " + names, e);
        } catch (TimeoutException e) {
            throw new KafkaException("Timed out creating topics " + names, e);
        }
    }

    /** Shuts the broker down and waits for it; deletes the data directory if it was a temporary one. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Error while shutting down the embedded Kafka broker on {}", bootstrapServers(), e);
        } finally {
            releaseExitGuard();
            if (ownsDataDir) {
                deleteRecursively(dataDir);
            }
        }
        LOG.info("Kafka broker on {} stopped in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers() + ", dataDir=" + dataDir + (closed.get() ? ", closed" : "")
                + "]";
    }

    /** Thrown (in whichever Kafka thread asked for it) instead of exiting or halting the JVM. */
    public static final class BrokerExitException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        BrokerExitException(String what, int status, String message) {
            super("Kafka requested JVM " + what + "(" + status + ")" + (message == null ? "" : ": " + message));
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    // ----------------------------------------------------------------------------------------------------

    static Properties brokerProperties(BrokerOptions options, int port, int controllerPort, Path dataDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("controller.quorum.voters", NODE_ID + "@" + CONTROLLER_HOST + ":" + controllerPort);
        p.put("listeners", BROKER_LISTENER + "://" + options.host() + ":" + port
                + "," + CONTROLLER_LISTENER + "://" + CONTROLLER_HOST + ":" + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + options.host() + ":" + port);
        p.put("listener.security.protocol.map",
                BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("log.dirs", dataDir.toAbsolutePath().toString());

        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // the default (128 MiB) is allocated up front by the log cleaner
        p.put("log.cleaner.dedupe.buffer.size", "2097152");

        p.putAll(options.extraProps());
        return p;
    }

    static boolean isFormatted(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve(META_PROPERTIES));
    }

    private static void formatIfNeeded(Path dataDir) {
        if (isFormatted(dataDir)) {
            LOG.debug("{} is already formatted, keeping its data", dataDir);
            return;
        }
        String dir = dataDir.toAbsolutePath().toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(ps)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dir))
                    .setMetadataLogDirectory(dir)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new KafkaException("Could not format Kafka storage in " + dataDir, e);
        }
        LOG.debug("Formatted {}: {}", dataDir, out.toString(StandardCharsets.UTF_8).trim());
    }

    private static void awaitReady(String bootstrap, long startNanos) {
        long deadline = startNanos + READY_TIMEOUT.toNanos();
        RuntimeException last = null;
        try (Admin admin = Admin.create(adminProperties(bootstrap))) {
            while (System.nanoTime() < deadline) {
                try {
                    long leftMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                    Collection<Node> nodes = admin.describeCluster().nodes()
                            .get(Math.min(leftMs, 5_000), TimeUnit.MILLISECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = new KafkaException(e.getCause() != null ? e.getCause() : e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KafkaException("Interrupted while waiting for the broker on " + bootstrap, e);
                }
                sleep(50);
            }
        }
        throw new KafkaException("Broker on " + bootstrap + " did not answer describeCluster within "
                + READY_TIMEOUT.toSeconds() + " s", last);
    }

    private static void awaitLeaders(Admin admin, Set<String> names)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                        .get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                boolean allLed = descriptions.values().stream()
                        .flatMap(d -> d.partitions().stream())
                        .map(TopicPartitionInfo::leader)
                        .allMatch(leader -> leader != null && !leader.isEmpty());
                if (allLed && descriptions.keySet().containsAll(names)) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new KafkaException("Could not describe topics " + names, e.getCause());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Partitions of " + names + " still have no leader after "
                        + TOPIC_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    private static Properties adminProperties(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "embedded-broker-admin");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "50");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "50");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return p;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    // ---- Exit guard ------------------------------------------------------------------------------------

    private static void installExitGuard() {
        synchronized (EXIT_GUARD_LOCK) {
            if (exitGuardUsers++ == 0) {
                Exit.setExitProcedure((status, message) -> {
                    LOG.error("Kafka called Exit.exit({}): {} - throwing instead", status, message);
                    throw new BrokerExitException("exit", status, message);
                });
                Exit.setHaltProcedure((status, message) -> {
                    LOG.error("Kafka called Exit.halt({}): {} - throwing instead", status, message);
                    throw new BrokerExitException("halt", status, message);
                });
            }
        }
    }

    private static void releaseExitGuard() {
        synchronized (EXIT_GUARD_LOCK) {
            if (exitGuardUsers > 0 && --exitGuardUsers == 0) {
                Exit.resetExitProcedure();
                Exit.resetHaltProcedure();
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static Path prepareDataDir(Path requested) {
        try {
            if (requested == null) {
                return Files.createTempDirectory("aipulse-kafka-");
            }
            return Files.createDirectories(requested.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka data directory " + requested, e);
        }
    }

    private static int freePort(String host, int... avoid) {
        for (int i = 0; i < 10; i++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
                int port = socket.getLocalPort();
                boolean clash = false;
                for (int a : avoid) {
                    clash |= a == port;
                }
                if (!clash) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot find a free port on " + host, e);
            }
        }
        throw new KafkaException("Cannot find a free port on " + host);
    }

    private static void requirePortFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new KafkaException("Cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static boolean isBindFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BindException) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.debug("Ignoring error while stopping a broker that failed to start", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        List<IOException> failures = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    failures.add(exc);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) {
                    delete(d);
                    return FileVisitResult.CONTINUE;
                }

                private void delete(Path p) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        failures.add(e);
                    }
                }
            });
        } catch (IOException e) {
            failures.add(e);
        }
        if (!failures.isEmpty()) {
            LOG.warn("Could not fully delete {}: {}", dir, failures.get(0).toString());
        }
    }
}
