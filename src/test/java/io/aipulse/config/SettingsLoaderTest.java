package io.aipulse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path configDir;

    @Test
    void startsFromTheBundledDefaults() {
        Settings settings = SettingsLoader.load(null, Map.of(), Map.of());

        assertThat(settings.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(settings.get("topic.articles")).isEqualTo("aipulse.articles");
        assertThat(settings.get("topic.agg.sector-city.1d")).isEqualTo("aipulse.agg.sector-city.1d");
        assertThat(settings.getDuration("window.grace.day")).isEqualTo(Duration.ofHours(6));
        assertThat(settings.getDuration("window.grace.week")).isEqualTo(Duration.ofDays(1));
        assertThat(settings.getInt("dedup.max.articles")).isEqualTo(10_000_000);
        assertThat(settings.getInt("input.max.bytes")).isEqualTo(1_048_576);
        assertThat(settings.bootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void ignoresAConfigDirectoryWithoutPropertiesFile() {
        assertThat(SettingsLoader.load(configDir, Map.of(), Map.of()).asMap())
                .isEqualTo(SettingsLoader.load(null, Map.of(), Map.of()).asMap());
    }

    @Test
    void letsTheConfigDirectoryFileOverrideTheDefaults() throws IOException {
        // given a file that changes the zone and one topic, in UTF-8
        write("zone=Europe/Berlin\ntopic.events=私有.events\n");

        // when
        Settings settings = SettingsLoader.load(configDir, Map.of(), Map.of());

        // then its keys win and the other defaults remain
        assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(settings.get("topic.events")).isEqualTo("私有.events");
        assertThat(settings.get("topic.articles")).isEqualTo("aipulse.articles");
    }

    @Test
    void letsTheEnvironmentOverrideTheFile() throws IOException {
        // given
        write("topic.agg.sector-city.1d=from-file\nzone=Europe/Berlin\n");
        Map<String, String> env = Map.of(
                "AIPULSE_TOPIC_AGG_SECTOR_CITY_1D", "from-env",
                "AIPULSE_WINDOW_GRACE_DAY", "PT2H",
                "PATH", "/usr/bin",
                "AIPULSE_NO_SUCH_KEY", "ignored");

        // when
        Settings settings = SettingsLoader.load(configDir, env, Map.of());

        // then
        assertThat(settings.get("topic.agg.sector-city.1d")).isEqualTo("from-env");
        assertThat(settings.getDuration("window.grace.day")).isEqualTo(Duration.ofHours(2));
        assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(settings.asMap()).doesNotContainKeys("PATH", "path", "no.such.key", "no_such_key");
    }

    @Test
    void turnsKafkaEnvironmentVariablesIntoClientSettings() {
        // given
        Map<String, String> env = Map.of(
                "AIPULSE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "AIPULSE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "AIPULSE_BOOTSTRAP_SERVERS", "broker-1:9093");

        // when
        Settings settings = SettingsLoader.load(null, env, Map.of());

        // then
        assertThat(settings.get("kafka.sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(settings.kafkaClientProperties())
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", "broker-1:9093")
                .containsEntry("commit.interval.ms", "100")
                .doesNotContainKey("kafka.sasl.mechanism");
    }

    @Test
    void letsOptionsOverrideTheEnvironment() throws IOException {
        // given every layer sets the zone
        write("zone=Europe/Berlin\n");
        Map<String, String> env = Map.of("AIPULSE_ZONE", "America/New_York", "AIPULSE_KAFKA_SASL_MECHANISM", "PLAIN");

        // when
        Settings settings = SettingsLoader.load(configDir, env,
                Map.of("zone", "Asia/Tokyo", "kafka.sasl.mechanism", "SCRAM-SHA-256"));

        // then the options win
        assertThat(settings.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(settings.get("kafka.sasl.mechanism")).isEqualTo("SCRAM-SHA-256");
    }

    @Test
    void namesEnvironmentVariablesAfterKeys() {
        assertThat(SettingsLoader.envName("zone")).isEqualTo("AIPULSE_ZONE");
        assertThat(SettingsLoader.envName("topic.agg.sector-city.1d")).isEqualTo("AIPULSE_TOPIC_AGG_SECTOR_CITY_1D");
        assertThat(SettingsLoader.envName("fx.USD")).isEqualTo("AIPULSE_FX_USD");
    }

    @Test
    void explainsMissingAndMalformedValues() {
        Settings settings = SettingsLoader.load(null, Map.of(),
                Map.of("window.grace.day", "6 hours", "topic.partitions", "three"));

        assertThatThrownBy(() -> settings.get("no.such.key")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no.such.key");
        assertThatThrownBy(() -> settings.getDuration("window.grace.day")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window.grace.day").hasMessageContaining("6 hours");
        assertThatThrownBy(() -> settings.getInt("topic.partitions")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic.partitions");
        assertThat(settings.get("no.such.key", "fallback")).isEqualTo("fallback");
    }

    @Test
    void recognisesSecretKeys() {
        assertThat(Settings.isSecret("kafka.sasl.jaas.config")).isTrue();
        assertThat(Settings.isSecret("kafka.ssl.truststore.password")).isTrue();
        assertThat(Settings.isSecret("kafka.ssl.key")).isTrue();
        assertThat(Settings.isSecret("topic.events")).isFalse();
        assertThat(Settings.isSecret("zone")).isFalse();
    }

    private void write(String properties) throws IOException {
        Files.writeString(configDir.resolve("application.properties"), properties, StandardCharsets.UTF_8);
    }
}
