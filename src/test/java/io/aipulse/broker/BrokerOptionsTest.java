package io.aipulse.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class BrokerOptionsTest {

    @Test
    void defaultsListenOnLoopbackPort9092WithATemporaryDataDir() {
        BrokerOptions options = BrokerOptions.defaults();

        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(9092);
        assertThat(options.dataDir()).isNull();
        assertThat(options.extraProps()).isEmpty();
    }

    @Test
    void ephemeralOptionsAskForAFreePort() {
        assertThat(BrokerOptions.ephemeral().port()).isZero();
    }

    @Test
    void missingHostAndPropsFallBackToDefaults() {
        BrokerOptions options = new BrokerOptions(null, 0, null, null);

        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.extraProps()).isEmpty();
    }

    @Test
    void outOfRangePortsAreRejected() {
        assertThatThrownBy(() -> new BrokerOptions("127.0.0.1", -1, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BrokerOptions("127.0.0.1", 65_536, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extraPropsAreCopiedSoLaterChangesToTheCallersMapDoNotLeakIn() {
        Map<String, String> props = new HashMap<>(Map.of("num.partitions", "3"));
        BrokerOptions options = BrokerOptions.ephemeral().withExtraProps(props);

        props.put("num.partitions", "7");

        assertThat(options.extraProps()).containsExactly(Map.entry("num.partitions", "3"));
    }

    @Test
    void withersChangeOnlyTheirOwnField() {
        BrokerOptions options = BrokerOptions.defaults()
                .withHost("localhost")
                .withPort(19092)
                .withDataDir(Path.of("target/broker-data"))
                .withProp("log.retention.hours", "1");

        assertThat(options).isEqualTo(new BrokerOptions("localhost", 19092, Path.of("target/broker-data"),
                Map.of("log.retention.hours", "1")));
    }

    @Test
    void brokerPropertiesAreSingleNodeKraftSettingsThatExtraPropsOverride() {
        BrokerOptions options = BrokerOptions.ephemeral().withProp("num.partitions", "4");

        Properties p = EmbeddedKafkaBroker.brokerProperties(options, 19092, 19093, Path.of("target/broker-data"));

        assertThat(p)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("log.cleaner.dedupe.buffer.size", "2097152")
                .containsEntry("log.dirs", Path.of("target/broker-data").toAbsolutePath().toString())
                .containsEntry("num.partitions", "4");
    }
}
