package io.aipulse.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aipulse.article.RejectedInputException;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.junit.jupiter.api.Test;

class BrokerLimitsTest {

    private static final long NOW = 1_714_968_000_000L;
    private static final long HOUR = Duration.ofHours(1).toMillis();

    @Test
    void timesAnArticleAheadOfWhatTheBrokerTakesAtNow() throws Exception {
        BrokerLimits limits = BrokerLimits.kafkaDefaults(1 << 20);

        assertThat(limits.recordTime(NOW + 8 * HOUR, NOW)).isEqualTo(NOW);
        assertThat(limits.recordTime(NOW + HOUR - 1, NOW)).as("inside the margin").isEqualTo(NOW);
        assertThat(limits.recordTime(NOW + HOUR / 2, NOW)).isEqualTo(NOW + HOUR / 2);
    }

    @Test
    void keepsAnyPastTimeWhenTheBrokerHasNoLowerLimit() throws Exception {
        BrokerLimits limits = BrokerLimits.kafkaDefaults(1 << 20);

        assertThat(limits.recordTime(631_152_000_000L, NOW)).isEqualTo(631_152_000_000L);
    }

    @Test
    void refusesATimeOlderThanTheTopicsKeep() {
        // given topics that take record times up to 7 days old
        BrokerLimits limits = new BrokerLimits(1 << 20, Duration.ofDays(7), Duration.ofHours(1));

        // when / then an article of 8 days ago is refused, not moved to today
        assertThatThrownBy(() -> limits.recordTime(NOW - Duration.ofDays(8).toMillis(), NOW))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.reason()).isEqualTo("too-old-for-topics"));
    }

    @Test
    void timesADeadLetterTheBrokerWouldRefuseAtNow() {
        BrokerLimits limits = new BrokerLimits(1 << 20, Duration.ofDays(7), Duration.ofHours(1));

        assertThat(limits.deadLetterTime(NOW + 8 * HOUR, NOW)).isEqualTo(NOW);
        assertThat(limits.deadLetterTime(NOW - Duration.ofDays(30).toMillis(), NOW)).isEqualTo(NOW);
        assertThat(limits.deadLetterTime(-1, NOW)).isEqualTo(NOW);
        assertThat(limits.deadLetterTime(NOW - HOUR, NOW)).isEqualTo(NOW - HOUR);
    }

    @Test
    void readsTheTightestRangeOfTheTopicsThatKeepRecordTimes() {
        // given three topics: the broker's defaults, a tighter one, and one stamped on append
        Config defaults = topic("CreateTime", "3600000", "9223372036854775807", "1048588");
        Config tighter = topic("CreateTime", "600000", "604800000", "1048588");
        Config appendTime = topic("LogAppendTime", "1000", "1000", "1048588");
        Config deadLetters = topic("CreateTime", "3600000", "9223372036854775807", "16777216");

        // when
        BrokerLimits limits = BrokerLimitsReader.limits(List.of(defaults, tighter, appendTime, deadLetters),
                deadLetters, 8 * 1024 * 1024);

        // then
        assertThat(limits.timestampsAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(limits.timestampsBefore()).isEqualTo(Duration.ofDays(7));
        assertThat(limits.deadLetterMaxBytes()).as("the producer's limit is lower").isEqualTo(8 * 1024 * 1024);
    }

    @Test
    void readsNoLowerLimitFromTheBrokersDefault() {
        Config defaults = topic("CreateTime", "3600000", "9223372036854775807", "1048588");

        BrokerLimits limits = BrokerLimitsReader.limits(List.of(defaults), defaults, 16 * 1024 * 1024);

        assertThat(limits).isEqualTo(new BrokerLimits(1_048_588, null, Duration.ofHours(1)));
    }

    private static Config topic(String type, String after, String before, String maxBytes) {
        return new Config(List.of(new ConfigEntry("message.timestamp.type", type),
                new ConfigEntry("message.timestamp.after.max.ms", after),
                new ConfigEntry("message.timestamp.before.max.ms", before),
                new ConfigEntry("max.message.bytes", maxBytes)));
    }
}
