package io.aipulse.cli;

import io.aipulse.broker.BrokerClasses;
import io.aipulse.broker.BrokerOptions;
import io.aipulse.broker.EmbeddedKafkaBroker;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --bootstrap} for the commands that can also bring their own Kafka: without it they start the
 * in-process broker (ephemeral) and stop it when they end.
 */
final class ClusterOption {

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Use this Kafka cluster (default: none, start the in-process broker).")
    String bootstrap;

    /**
     * The given cluster, or a fresh in-process broker; close it when the command ends. The service jar has no
     * broker: there a cluster must be given.
     */
    Cluster connect() {
        if (bootstrap != null) {
            return new Cluster(bootstrap);
        }
        if (!BrokerClasses.present()) {
            throw new IllegalStateException("this jar has no in-process broker (aipulse-service.jar): pass --bootstrap "
                    + "HOST:PORT, or use aipulse.jar");
        }
        return new Cluster(EmbeddedKafkaBroker.start(BrokerOptions.ephemeral()));
    }

    /** The cluster a command talks to; closing stops the in-process broker when the command started one. */
    static final class Cluster implements AutoCloseable {

        private final EmbeddedKafkaBroker broker;
        private final String bootstrapServers;

        private Cluster(EmbeddedKafkaBroker broker) {
            this.broker = broker;
            this.bootstrapServers = broker.bootstrapServers();
        }

        private Cluster(String bootstrapServers) {
            this.broker = null;
            this.bootstrapServers = bootstrapServers;
        }

        /**
         * The settings a command on this cluster starts from: its bootstrap servers and, on the in-process
         * broker (one node), replication factor 1, said explicitly rather than left to the broker's default.
         */
        Map<String, String> settings() {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("bootstrap.servers", bootstrapServers);
            if (broker != null) {
                settings.put("topic.replication.factor", "1");
            }
            return settings;
        }

        @Override
        public void close() {
            if (broker != null) {
                broker.close();
            }
        }
    }
}
