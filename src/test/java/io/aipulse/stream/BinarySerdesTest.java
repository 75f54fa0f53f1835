package io.aipulse.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aipulse.extract.EventType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class BinarySerdesTest {

    private static final Mention FUNDING = new Mention("e1", "t-0123456789abcdef", EventType.FUNDING, "力文所",
            "2023-07-25", 10_000_000L, null, true);
    private static final Mention UNDATED = new Mention("e2", "u-1", EventType.POLICY, null, null, null, null, false);

    @Test
    void readsBackTheMentionsOfAWindowWithEveryFieldAndNull() {
        WindowMentions value = new WindowMentions(Dimension.SECTOR_CITY, "healthcare-biotech|hangzhou",
                CalendarWindow.WEEK, 1_690_128_000_000L, 1_690_732_800_000L, List.of(FUNDING, UNDATED));

        assertThat(roundTrip(BinarySerdes.WINDOW_MENTIONS, value)).isEqualTo(value);
    }

    @Test
    void readsBackATickAsATick() {
        assertThat(roundTrip(BinarySerdes.WINDOW_MENTIONS, WindowMentions.TICK).isTick()).isTrue();
    }

    @Test
    void readsBackAGroupOfMentionsInItsOrder() {
        EventGroup group = new EventGroup();
        group.mentions.addAll(List.of(UNDATED, FUNDING));

        assertThat(roundTrip(BinarySerdes.EVENT_GROUP, group).mentions).containsExactly(UNDATED, FUNDING);
    }

    @Test
    void readsBackTheTotalsOfAWindow() {
        WindowSummary summary = new WindowSummary();
        summary.events = 5;
        summary.articles = 2;
        summary.byType = new TreeMap<>(Map.of("FUNDING", 3L, "MODEL_RELEASE", 2L));
        summary.fundingMin = 120_000_000L;
        summary.fundingMaxKnown = 350_000_000L;
        summary.fundingMaxUnknown = 1;

        WindowSummary read = roundTrip(BinarySerdes.WINDOW_SUMMARY, summary);

        assertThat(read).usingRecursiveComparison().isEqualTo(summary);
    }

    @Test
    void refusesAValueOfAnotherFormatVersion() {
        byte[] bytes = BinarySerdes.WINDOW_SUMMARY.serializer().serialize("t", new WindowSummary());
        bytes[0] = 99;

        assertThatThrownBy(() -> BinarySerdes.WINDOW_SUMMARY.deserializer().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("version 99");
    }

    @Test
    void refusesAValueCutShort() {
        byte[] bytes = BinarySerdes.EVENT_GROUP.serializer().serialize("t", groupOf(FUNDING));
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);

        assertThatThrownBy(() -> BinarySerdes.EVENT_GROUP.deserializer().deserialize("t", cut))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void readsBackAGroupLargerThanTheFirstBuffer() {
        EventGroup group = new EventGroup();
        for (int i = 0; i < 100; i++) {
            group.mentions.add(new Mention("e" + i, "a" + i, EventType.FUNDING, "星澜机器人", "2024-03-04", (long) i,
                    null, true));
        }

        assertThat(roundTrip(BinarySerdes.EVENT_GROUP, group).mentions).isEqualTo(group.mentions);
    }

    private static EventGroup groupOf(Mention... mentions) {
        EventGroup group = new EventGroup();
        group.mentions.addAll(List.of(mentions));
        return group;
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
