package io.aipulse.cli;

import io.aipulse.config.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the Kafka Streams application (exactly-once); serve the analyst page at /, the query API "
                + "/api/v1/aggregates, /metrics and /health on the HTTP port.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: bootstrap.servers of the configuration, localhost:9092).")
    String bootstrap;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port of the page at /, the query API, "
            + "/metrics and /health (default: http.port of the configuration, 8080; 0 = any free port).")
    Integer httpPort;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Kafka Streams state directory (default: Kafka "
            + "Streams' own, under java.io.tmpdir, unless state.dir of the configuration names one).")
    String stateDir;

    @Override
    public Integer call() throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        if (bootstrap != null) {
            options.put("bootstrap.servers", bootstrap);
        }
        if (httpPort != null) {
            options.put("http.port", httpPort.toString());
        }
        if (stateDir != null) {
            options.put("state.dir", stateDir);
        }
        Settings settings = common.settings(options);
        try (ServiceRuntime runtime = ServiceRuntime.start(settings)) {
            System.out.println("http=" + runtime.httpPort());
            System.out.flush();
            runtime.awaitShutdown();
        }
        return 0;
    }
}
