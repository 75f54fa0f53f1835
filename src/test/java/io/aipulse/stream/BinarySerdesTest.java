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

    private static final WindowKey WEEK = new WindowKey(CalendarWindow.WEEK, 1_690_732_800_000L, 1_690_128_000_000L,
            Dimension.SECTOR_CITY, "healthcare-biotech|hangzhou");
    private static final WindowKey DAY = new WindowKey(CalendarWindow.DAY, 1_690_387_200_000L, 1_690_300_800_000L,
            Dimension.CITY, "hangzhou");

    @Test
    void readsBackAnArticlesMentionsForTheIdentityStageWithEveryFieldAndNull() {
        IdentityBatch batch = new IdentityBatch(3, List.of(new RoutedMention(FUNDING, List.of(WEEK, DAY), 0b10),
                new RoutedMention(UNDATED, List.of(DAY), 0)));

        assertThat(roundTrip(BinarySerdes.IDENTITY_BATCH, batch)).isEqualTo(batch);
        assertThat(roundTrip(BinarySerdes.IDENTITY_BATCH, new IdentityBatch(0, List.of())).mentions()).isEmpty();
    }

    @Test
    void readsBackTheChangesOfWindowsWithTouchesAndContributions() {
        WindowBatch batch = new WindowBatch(1, List.of(new WindowChange(WEEK,
                List.of(new WindowChange.Touch("e1", "a1", true), new WindowChange.Touch("e2", "a1", false)),
                List.of(new WindowChange.Delta(new Contribution(EventType.FUNDING, "力文所", 10_000_000L, null), -1),
                        new WindowChange.Delta(new Contribution(EventType.POLICY, null, 0, 5L), 1)))));

        assertThat(roundTrip(BinarySerdes.WINDOW_BATCH, batch)).isEqualTo(batch);
    }

    @Test
    void readsBackAnIdentitysDatesAndTheWindowsOfADate() {
        IdentityState state = new IdentityState(EventType.FUNDING, List.of(
                new Slot(Slot.UNDATED, "e2", "力文所", null, 0, null, 5L),
                new Slot(19_563, "e1", "力文所", "e1", 10_000_000L, 99_999_999L, 1_690_732_800_000L)), 42L);

        IdentityState read = roundTrip(BinarySerdes.IDENTITY_STATE, state);

        assertThat(read.type).isEqualTo(EventType.FUNDING);
        assertThat(read.slots).isEqualTo(state.slots);
        assertThat(read.expiresAt).isEqualTo(42L);
        assertThat(roundTrip(BinarySerdes.WINDOW_SET, new WindowSet(List.of(WEEK, DAY))).windows())
                .containsExactly(WEEK, DAY);
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
        byte[] bytes = BinarySerdes.IDENTITY_BATCH.serializer().serialize("t",
                new IdentityBatch(0, List.of(new RoutedMention(FUNDING, List.of(WEEK), 1))));
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);

        assertThatThrownBy(() -> BinarySerdes.IDENTITY_BATCH.deserializer().deserialize("t", cut))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void readsBackABatchLargerThanTheFirstBuffer() {
        List<RoutedMention> mentions = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            mentions.add(new RoutedMention(new Mention("e" + i, "a" + i, EventType.FUNDING, "星澜机器人", "2024-03-04",
                    (long) i, null, true), List.of(WEEK, DAY), 3));
        }

        assertThat(roundTrip(BinarySerdes.IDENTITY_BATCH, new IdentityBatch(0, mentions)).mentions())
                .isEqualTo(mentions);
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
