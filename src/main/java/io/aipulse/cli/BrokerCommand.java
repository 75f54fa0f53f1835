package io.aipulse.cli;

import io.aipulse.broker.BrokerOptions;
import io.aipulse.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run a single-node KRaft Kafka broker in this JVM (the real Apache Kafka server) until killed. "
                + "Prints bootstrap=HOST:PORT when it accepts connections.",
                "Configuration keys broker.* are broker properties (--set broker.log.retention.hours=1 sets "
                        + "log.retention.hours); they override the built-in single-node settings."})
final class BrokerCommand implements Callable<Integer> {

    /** The configuration keys that are broker properties, without this prefix. */
    static final String BROKER_PREFIX = "broker.";

    @Mixin
    CommonOptions common;

    @Option(names = "--port", defaultValue = "9092", description = "Client port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on and advertise (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Log directory; kept across restarts (default: a temporary directory deleted on exit).")
    Path dataDir;

    /** What the broker is started with: the named options, and the {@code broker.*} keys of the configuration. */
    BrokerOptions options() {
        return BrokerOptions.defaults().withHost(host).withPort(port).withDataDir(dataDir)
                .withExtraProps(common.settings(Map.of()).withPrefix(BROKER_PREFIX));
    }

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(options());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        System.out.println("bootstrap=" + broker.bootstrapServers());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
