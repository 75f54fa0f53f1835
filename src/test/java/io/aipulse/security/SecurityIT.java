package io.aipulse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aipulse.testsupport.OpenApiContract;
import io.aipulse.testsupport.RunningService;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP face of the running service ({@link RunningService}: started with secret-bearing Kafka client
 * settings and {@code http.bind=127.0.0.1}): no response shows a secret; the server listens on loopback
 * only; every request parameter is validated (4xx with a JSON error, never 500, nothing injected).
 *
 * <p>Network: every connection goes to the loopback range (127.0.0.1, and 127.0.0.2 to show the server does
 * not listen beyond the address it was given).
 */
@ExtendWith(RunningService.Extension.class)
class SecurityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String A = "/api/v1/aggregates/";
    private static RunningService service;

    @BeforeAll
    static void start(RunningService running) {
        service = running;
    }

    // ---------------------------------------------------------------------------------------------------
    // secrets

    /** Every path and method the tests ask, valid or not. */
    static Stream<String> everyPath() {
        return Stream.of("/metrics", "/metrics?name=kafka", "/health", "/health/live", "/health/ready", "/health/x",
                A + "sector/general", A + "sector/general?window=P7D&from=2023-01-01&to=2030-01-01",
                A + "city/beijing", A + "sector-city/general%7Cbeijing", A + "bogus/x", A + "sector/general?window=P2D",
                A + "sector/general?from=2023-13-01", A + "sector/general?evil=1", A + "sector/..%2F..%2Fconfig",
                A, "/", "/nope", "/config/application.properties", "/api/v1/config", "/env", "/actuator/env");
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("everyPath")
    void noResponseShowsAConfigurationSecret(String path) throws Exception {
        for (String method : List.of("GET", "POST", "HEAD")) {
            HttpResponse<String> response = service.send(method, path);
            assertThat(response.statusCode()).as("%s %s", method, path).isLessThan(500);
            String everything = response.headers().map() + "\n" + response.body();
            assertThat(everything).as("%s %s", method, path)
                    .doesNotContain(RunningService.SECRET)
                    .doesNotContain(RunningService.SECRET_USER)
                    .doesNotContain("PlainLoginModule")
                    .doesNotContainIgnoringCase("jaas");
        }
    }

    @Test
    void theServiceStartedWithTheSecretsAndItsLogsDoNotShowThem() throws Exception {
        // the secret-bearing settings are harmless against the PLAINTEXT broker: the stream is RUNNING
        assertThat(service.get("/health").body()).contains("\"state\":\"RUNNING\"");
        assertThat(service.metrics().sum("aipulse_stream_state", s -> "RUNNING".equals(s.label("state")))).isEqualTo(1);
        // and the service's own output does not print them
        String logs = service.service().process().stdout() + service.service().process().stderr();
        assertThat(logs).doesNotContain(RunningService.SECRET).doesNotContain(RunningService.SECRET_USER);
    }

    // ---------------------------------------------------------------------------------------------------
    // bind address

    @Test
    void aSecondLoopbackAddressReachesAServerBoundToTheWildcard() throws Exception {
        // the control for the next test: 127.0.0.2 is this machine, so a refusal there means "not listening"
        try (ServerSocket wildcard = new ServerSocket(0, 50, null);
             Socket client = new Socket()) {
            client.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), wildcard.getLocalPort()), 2_000);
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void theHttpServerListensOnTheConfiguredLoopbackAddressOnly() throws Exception {
        int port = service.port();
        // reachable on the address it was given
        try (Socket client = new Socket()) {
            client.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 2_000);
        }
        // not on another address of this machine
        assertThatThrownBy(() -> {
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), port), 2_000);
            }
        }).as("connect to 127.0.0.2:%d", port).isInstanceOf(ConnectException.class);
        // and the kernel's table of listening sockets says the same
        List<String> listening = listeningAddresses(port);
        System.out.println("[security] sockets listening on port " + port + ": " + listening);
        if (!listening.isEmpty()) {
            assertThat(listening).allMatch(address -> address.equals("127.0.0.1") || address.equals("::ffff:127.0.0.1"),
                    "loopback only");
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // request validation

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("unknown dimension", A + "bogus/x", 400),
                Arguments.of("unknown dimension with markup", A + "%3Cscript%3Ealert(1)%3C%5Cscript%3E/x", 400),
                Arguments.of("bad window", A + "sector/general?window=P2D", 400),
                Arguments.of("window with a JSON injection", A + "sector/general?window=P1D%22%2C%22admin%22%3Atrue", 400),
                Arguments.of("bad from date", A + "sector/general?from=2023-13-01", 400),
                Arguments.of("bad to date", A + "sector/general?to=yesterday", 400),
                Arguments.of("from after to", A + "sector/general?from=2023-08-01&to=2023-07-01", 400),
                Arguments.of("date with markup", A + "sector/general?from=%3Cimg%20src%3Dx%3E", 400),
                Arguments.of("key of 201 characters", A + "sector/" + "a".repeat(201), 400),
                // over the server's request-head limit (8 KiB): refused before the query API sees it
                Arguments.of("key of 100,000 characters", A + "sector/" + "a".repeat(100_000), 414),
                Arguments.of("key with NUL", A + "sector/a%00b", 400),
                Arguments.of("key with CR LF header injection", A + "sector/x%0D%0AX-Injected:%20yes", 400),
                Arguments.of("key with a quote", A + "sector/x%22%2C%22admin%22%3Atrue", 400),
                Arguments.of("unknown query parameter", A + "sector/general?evil=1", 400),
                Arguments.of("unknown parameter with markup", A + "sector/general?%3Cb%3E=1", 400),
                Arguments.of("query string over 1000 characters", A + "sector/general?from=" + "1".repeat(5_000), 400),
                Arguments.of("path traversal ..%2F", A + "sector/..%2F..%2Fconfig%2Fapplication.properties", 404),
                Arguments.of("path traversal %2e%2e", A + "sector/%2e%2e%2f%2e%2e%2fetc%2fpasswd", 404),
                Arguments.of("path traversal ../ raw", A + "../../etc/passwd", 404),
                Arguments.of("too many segments", A + "sector/general/extra", 404),
                Arguments.of("no key", A + "sector/", 404),
                Arguments.of("no dimension", A, 404),
                Arguments.of("list of an unknown dimension", A + "bogus", 400),
                Arguments.of("list with a bad window", A + "sector?window=P2D", 400),
                Arguments.of("list with an unknown parameter", A + "sector?evil=1", 400),
                Arguments.of("list from after to", A + "sector?from=2023-08-01&to=2023-07-01", 400),
                Arguments.of("list with markup in the dimension", A + "%3Cscript%3E?window=P1D", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestIsRefusedWithAJsonErrorAndNothingInjected(String what, String path, int status) throws Exception {
        HttpResponse<String> response = service.get(path);

        assertThat(response.statusCode()).as("%s: %s", what, response.body()).isEqualTo(status);
        assertJsonError(what, response);
        if (CONTRACT.describes(path)) {
            assertThat(CONTRACT.problems("GET", path, response.statusCode(), response.body()))
                    .as("%s: as docs/openapi.yaml describes it", what).isEmpty();
        }
        assertThat(response.headers().map().keySet()).as("%s: no injected header", what)
                .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("x-injected"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"})
    void aMethodOtherThanGetOnTheQueryApiIs405WithAJsonError(String method) throws Exception {
        HttpResponse<String> response = service.send(method, A + "sector/general");

        assertThat(response.statusCode()).isEqualTo(405);
        assertJsonError(method, response);
    }

    @Test
    void validQueriesAnswer200WithJson() throws Exception {
        for (String path : List.of(A + "sector/general", A + "sector-city/general%7Cbeijing?window=P7D",
                A + "city/beijing?from=2023-07-01&to=2023-08-01", A + "SECTOR/general?window=p1d",
                A + "sector/general?from=2023-07-01T00:00:00%2B08:00", A + "sector?window=P7D",
                A + "sector-city?from=2023-07-01&to=2023-08-01", A + "City")) {
            HttpResponse<String> response = service.get(path);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(JSON.readTree(response.body()).path("aggregates").isArray()).as(path).isTrue();
            assertThat(CONTRACT.problems("GET", path, 200, response.body())).as(path).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/?window=P2D", "/?%3Cscript%3Ealert(1)%3C%2Fscript%3E=1", "/?date=%3Cimg%20src%3Dx%3E",
            "/?date=2023-02-30", "/?window=P7D&date=2023-07-31&x=%22%3E%3Cb%3E"})
    void thePageRefusesAParameterItDoesNotKnowWithoutEchoingIt(String path) throws Exception {
        HttpResponse<String> response = service.get(path);

        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body()).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>")
                .doesNotContain("alert");
    }

    @Test
    void thePageAllowsNoScriptAndAnswersOnlyGetAndHead() throws Exception {
        HttpResponse<String> page = service.get("/");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'none'")
                .doesNotContain("script-src");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).doesNotContain("<script");
        assertThat(service.send("HEAD", "/").statusCode()).isEqualTo(200);
        for (String method : List.of("POST", "PUT", "DELETE")) {
            assertThat(service.send(method, "/").statusCode()).as(method).isEqualTo(405);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/nope", "/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/health/%3Cb%3E", "/healthz",
            "/api/v2/aggregates/sector/general", "/api/v1/aggregatesx"})
    void anUnknownPathIs404AndDoesNotEchoIt(String path) throws Exception {
        HttpResponse<String> response = service.get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("healthz")
                .doesNotContain("v2").doesNotContain("aggregatesx");
    }

    @Test
    void metricsAndHealthAnswerOnlyGetAndHeadOnTheirOwnPaths() throws Exception {
        for (String path : List.of("/metrics", "/health", "/health/live", "/health/ready")) {
            for (String method : List.of("POST", "PUT", "DELETE", "TRACE")) {
                assertThat(service.send(method, path).statusCode()).as("%s %s", method, path).isEqualTo(405);
            }
        }
        assertThat(service.get("/metrics/anything").statusCode()).isEqualTo(404);
        assertThat(service.get("/metricsx").statusCode()).isEqualTo(404);
    }

    private static final OpenApiContract CONTRACT = OpenApiContract.load();

    private static void assertJsonError(String what, HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("application/json");
        if (response.body().isEmpty()) {
            return; // HEAD
        }
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.isObject()).as("%s: a JSON object: %s", what, response.body()).isTrue();
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("%s: only the error field, nothing injected: %s", what, response.body())
                .containsExactly("error");
        assertThat(body.get("error").isTextual()).isTrue();
        assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /**
     * The local addresses of the sockets listening on {@code port}, from Linux's /proc/net/tcp and tcp6
     * (empty elsewhere): "127.0.0.1", "::ffff:127.0.0.1", "0.0.0.0", "::", ...
     */
    static List<String> listeningAddresses(int port) throws IOException {
        List<String> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (!f[3].equals("0A") || Integer.parseInt(local[1], 16) != port) {
                    continue; // 0A: LISTEN
                }
                out.add(address(local[0]));
            }
        }
        return out;
    }

    private static String address(String hex) {
        // /proc/net prints each 32-bit word of the address in host (little-endian) order
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        Map<String, String> names = Map.of("00000000000000000000ffff7f000001", "::ffff:127.0.0.1",
                "00000000000000000000000000000000", "::", "00000000000000000000000000000001", "::1",
                "00000000000000000000ffff00000000", "::ffff:0.0.0.0");
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        StringBuilder key = new StringBuilder();
        for (byte b : bytes) {
            key.append(String.format("%02x", b));
        }
        return names.getOrDefault(key.toString(), key.toString());
    }
}
