package io.aipulse.broker;

/**
 * Whether Kafka's server classes are on the class path: in {@code aipulse.jar}, not in
 * {@code aipulse-service.jar} (the service for a real cluster, without the in-process broker). Refers to no
 * server class itself, so that asking never loads one.
 */
public final class BrokerClasses {

    private static final String SERVER_CLASS = "kafka.server.KafkaRaftServer";

    private BrokerClasses() {
    }

    public static boolean present() {
        try {
            Class.forName(SERVER_CLASS, false, BrokerClasses.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
