package io.aipulse.cli;

import io.aipulse.config.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the Kafka Streams application (exactly-once); serve /metrics and /health on the HTTP port.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port for /metrics and /health.")
    Integer httpPort;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Kafka Streams state directory.")
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
