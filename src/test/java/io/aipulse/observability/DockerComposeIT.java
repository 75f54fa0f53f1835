package io.aipulse.observability;

import static io.aipulse.observability.ObservabilityFiles.COMPOSE;
import static io.aipulse.observability.ObservabilityFiles.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aipulse.config.SettingsLoader;
import io.aipulse.stream.StreamService;
import io.aipulse.testsupport.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, checked without a Docker engine: the services and their wiring (ports,
 * healthchecks, the mounted configuration files exist and agree with each other), then Debian's
 * docker-compose 1.29 validates the file offline ({@code docker-compose -f docker-compose.yml config -q}).
 * Only that last test needs the program; {@code -Ddocker-compose.skip=true} skips it.
 */
class DockerComposeIT {

    private static final List<String> SERVICES = List.of("kafka", "aipulse", "seed-producer", "prometheus", "grafana");
    /** The long-running services and the port each publishes on the host. */
    private static final Map<String, String> SERVERS = Map.of("kafka", "9092", "aipulse", "8080",
            "prometheus", "9090", "grafana", "3000");

    private final JsonNode compose = ObservabilityFiles.readYaml(COMPOSE);

    @Test
    void hasTheWholeStack() {
        List<String> names = new ArrayList<>();
        compose.path("services").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsAll(SERVICES);
        assertThat(service("kafka").path("image").asText()).startsWith("apache/kafka:");
        assertThat(service("prometheus").path("image").asText()).startsWith("prom/prometheus:");
        assertThat(service("grafana").path("image").asText()).startsWith("grafana/grafana:");
        assertThat(service("aipulse").path("build").asText()).as("the service is built from the Dockerfile").isEqualTo(".");
        assertThat(ROOT.resolve("Dockerfile")).exists();
    }

    @Test
    void buildsTheServiceImageOnceForTheServiceAndTheProducer() {
        String image = service("aipulse").path("image").asText();
        assertThat(image).as("the built image is named").isNotBlank();
        assertThat(service("seed-producer").path("image").asText()).isEqualTo(image);
        assertThat(service("seed-producer").has("build")).as("the producer runs the service's image").isFalse();
        assertThat(service("seed-producer").path("pull_policy").asText()).as("never pulled: built here").isEqualTo("never");
    }

    @Test
    void givesTheServiceMoreTimeToStopThanItTakesToClose() {
        Duration grace = composeDuration(service("aipulse").path("stop_grace_period").asText());
        assertThat(grace).as("stop_grace_period").isGreaterThanOrEqualTo(StreamService.CLOSE_TIMEOUT.plusSeconds(10));
    }

    @Test
    void limitsTheServicesMemoryAboveItsHeapAndRocksDb() {
        JsonNode aipulse = service("aipulse");
        long limit = composeBytes(aipulse.path("mem_limit").asText());
        double heapShare = Double.parseDouble(dockerfileFlag("-XX:MaxRAMPercentage=")) / 100;
        String rocksDb = aipulse.path("environment").path("AIPULSE_ROCKSDB_MEMORY_BYTES").asText(
                SettingsLoader.load(ROOT.resolve("config"), Map.of(), Map.of()).get("rocksdb.memory.bytes"));
        long offHeapRoom = limit - Math.round(limit * heapShare) - Long.parseLong(rocksDb);
        System.out.printf("aipulse: limit %d MiB, heap %d MiB, RocksDB %d MiB, %d MiB left for the JVM's own memory%n",
                limit >> 20, Math.round(limit * heapShare) >> 20, Long.parseLong(rocksDb) >> 20, offHeapRoom >> 20);
        assertThat(Math.round(limit * heapShare)).as("heap: the service runs in 512 MiB").isGreaterThanOrEqualTo(512L << 20);
        assertThat(offHeapRoom).as("room for metaspace, code, threads and buffers").isGreaterThanOrEqualTo(384L << 20);
        assertThat(composeBytes(service("seed-producer").path("mem_limit").asText())).isPositive();
    }

    @Test
    void everyServerPublishesItsPortAndHasAHealthcheck() {
        SERVERS.forEach((name, port) -> {
            JsonNode service = service(name);
            List<String> ports = new ArrayList<>();
            service.path("ports").forEach(p -> ports.add(p.asText()));
            assertThat(ports).as("ports of %s", name).contains(port + ":" + port);
            JsonNode test = service.path("healthcheck").path("test");
            assertThat(test.isArray() && test.size() >= 2).as("healthcheck of %s: %s", name, test).isTrue();
            assertThat(test.get(0).asText()).isIn("CMD", "CMD-SHELL");
        });
        assertThat(service("aipulse").path("healthcheck").path("test").toString()).contains("/health");
        assertThat(service("seed-producer").path("restart").asText()).as("one-shot producer").isEqualTo("no");
    }

    @Test
    void servicesStartInOrderOfHealth() {
        assertThat(service("aipulse").path("depends_on").path("kafka").path("condition").asText())
                .isEqualTo("service_healthy");
        assertThat(service("seed-producer").path("depends_on").path("aipulse").path("condition").asText())
                .as("seeds are produced once the service has created its topics").isEqualTo("service_healthy");
        assertThat(service("grafana").path("depends_on").has("prometheus")).isTrue();
    }

    @Test
    void kafkaIsASingleKraftNodeWithTheReplicationExactlyOnceNeeds() {
        JsonNode env = service("kafka").path("environment");
        assertThat(env.path("KAFKA_PROCESS_ROLES").asText()).contains("broker").contains("controller");
        for (String key : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
            assertThat(env.path(key).asText()).as(key).isEqualTo("1");
        }
        String bootstrap = argumentAfter(service("aipulse"), "--bootstrap");
        assertThat(env.path("KAFKA_ADVERTISED_LISTENERS").asText()).as("the service's bootstrap is advertised")
                .contains(bootstrap);
        assertThat(argumentAfter(service("seed-producer"), "--bootstrap")).isEqualTo(bootstrap);
        assertThat(argumentAfter(service("aipulse"), "--http-port")).isEqualTo(SERVERS.get("aipulse"));
    }

    @Test
    void everyBindMountedPathExistsInTheRepository() {
        Map<String, String> mounts = bindMounts();
        assertThat(mounts).isNotEmpty();
        mounts.forEach((host, container) ->
                assertThat(COMPOSE.getParent().resolve(host).normalize()).as("%s mounted at %s", host, container).exists());
    }

    @Test
    void mountedConfigurationAgreesWithTheStack() {
        Map<String, String> mounts = bindMounts();
        // Prometheus: its config file scrapes the service by its compose name, and its rule files are mounted
        String configInContainer = "/etc/prometheus/prometheus.yml";
        String prometheusConfig = hostPathMountedAt(mounts, configInContainer);
        JsonNode config = ObservabilityFiles.readYaml(COMPOSE.getParent().resolve(prometheusConfig));
        assertThat(config.path("scrape_configs").toString()).contains("aipulse:" + SERVERS.get("aipulse"));
        assertThat(config.path("rule_files")).isNotEmpty();
        for (JsonNode ruleFile : config.path("rule_files")) {
            // Prometheus reads a relative rule file next to its config file
            String inContainer = Path.of(configInContainer).resolveSibling(ruleFile.asText()).normalize().toString();
            String host = hostPathMountedAt(mounts, inContainer);
            assertThat(COMPOSE.getParent().resolve(host).normalize())
                    .isEqualTo(ObservabilityFiles.ALERTS.normalize());
        }
        // Grafana: the dashboard provider reads the mounted dashboards; the datasource is this Prometheus
        JsonNode providers = ObservabilityFiles.readYaml(ObservabilityFiles.DASHBOARD_PROVIDERS);
        String dashboardPath = providers.path("providers").get(0).path("options").path("path").asText();
        assertThat(COMPOSE.getParent().resolve(hostPathMountedAt(mounts, dashboardPath)).resolve("aipulse.json"))
                .exists();
        assertThat(hostPathMountedAt(mounts, "/etc/grafana/provisioning")).isEqualTo("./config/grafana/provisioning");
        JsonNode datasource = ObservabilityFiles.readYaml(ObservabilityFiles.DATASOURCES).path("datasources").get(0);
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:" + SERVERS.get("prometheus"));
        String home = service("grafana").path("environment").path("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH").asText();
        if (!home.isEmpty()) {
            assertThat(home).startsWith(dashboardPath + "/");
            assertThat(ObservabilityFiles.DASHBOARD.getParent().resolve(home.substring(dashboardPath.length() + 1)))
                    .exists();
        }
    }

    @Test
    void dockerComposeValidatesTheFileOffline() {
        Path dockerCompose = ExternalTool.require("docker-compose", "docker-compose", "docker-compose");
        ChildProcess.Result result = ChildProcess.run("docker-compose-config", ROOT, ROOT.resolve("target/compose-it"),
                List.of(dockerCompose.toString(), "-f", COMPOSE.toString(), "config", "-q"), Duration.ofMinutes(2));
        assertThat(result.exitCode()).as("docker-compose -f docker-compose.yml config -q: %s%s",
                result.stdout(), result.stderr()).isZero();
    }

    // --- helpers -------------------------------------------------------------------------------------

    private JsonNode service(String name) {
        JsonNode service = compose.path("services").path(name);
        assertThat(service.isObject()).as("service %s", name).isTrue();
        return service;
    }

    /** Host path -> container path of every bind mount (short syntax "./host:/container[:ro]" or long syntax). */
    private Map<String, String> bindMounts() {
        Map<String, String> mounts = new TreeMap<>();
        compose.path("services").forEach(service -> service.path("volumes").forEach(volume -> {
            if (volume.isTextual()) {
                String[] parts = volume.asText().split(":");
                if (parts[0].startsWith(".") || parts[0].startsWith("/")) {
                    mounts.put(parts[0], parts[1]);
                }
            } else if ("bind".equals(volume.path("type").asText())) {
                mounts.put(volume.path("source").asText(), volume.path("target").asText());
            }
        }));
        return mounts;
    }

    private static String hostPathMountedAt(Map<String, String> mounts, String containerPath) {
        return mounts.entrySet().stream()
                .filter(m -> m.getValue().equals(containerPath) || containerPath.startsWith(m.getValue() + "/"))
                .map(m -> m.getValue().equals(containerPath) ? m.getKey()
                        : m.getKey() + containerPath.substring(m.getValue().length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted at " + containerPath + " (mounts: " + mounts + ")"));
    }

    /** A compose duration: {@code 40s}, {@code 1m30s}. */
    private static Duration composeDuration(String value) {
        Matcher m = Pattern.compile("(?:(\\d+)m)?(?:(\\d+)s)?").matcher(value);
        assertThat(value).isNotBlank();
        assertThat(m.matches()).as("a compose duration: %s", value).isTrue();
        return Duration.ofMinutes(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                .plusSeconds(m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
    }

    /** A compose byte size: {@code 1280m}, {@code 1g}. */
    private static long composeBytes(String value) {
        Matcher m = Pattern.compile("(\\d+)([kmg]?)b?").matcher(value.toLowerCase(Locale.ROOT));
        assertThat(m.matches()).as("a byte size: %s", value).isTrue();
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return Long.parseLong(m.group(1)) << shift;
    }

    /** The value of a JVM flag in the Dockerfile's ENTRYPOINT. */
    private static String dockerfileFlag(String prefix) {
        try {
            Matcher m = Pattern.compile("\"" + Pattern.quote(prefix) + "([^\"]+)\"")
                    .matcher(Files.readString(ROOT.resolve("Dockerfile")));
            assertThat(m.find()).as("%s in the Dockerfile", prefix).isTrue();
            return m.group(1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String argumentAfter(JsonNode service, String option) {
        JsonNode command = service.path("command");
        for (int i = 0; i + 1 < command.size(); i++) {
            if (command.get(i).asText().equals(option)) {
                return command.get(i + 1).asText();
            }
        }
        throw new AssertionError("no " + option + " in " + command);
    }

    static {
        // fail early with a clear message when the file is missing
        if (!Files.exists(COMPOSE)) {
            throw new IllegalStateException("no " + COMPOSE);
        }
    }
}
