package io.aipulse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.extract.EventType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class SlotTest {

    @Test
    void readsDatesExactlyAsLocalDateParseDoes() {
        for (String date : new String[] {"2023-07-26", "2024-02-29", "2023-02-29", "2023-02-30", "2023-13-01",
                "2023-00-10", "2023-07-00", "0000-01-01", "2023-7-26", "2023-07-2x", "20230726", "+12023-07-26",
                "2023/07/26", "", "2023-07-26T10:00", "２０２３-07-26"}) {
            assertThat(Slot.dayOf(date)).as(date).isEqualTo(reference(date));
        }
        assertThat(Slot.dayOf(null)).isEqualTo(Slot.UNDATED);
    }

    @Test
    void keepsTheSmallestEventIdsSubjectAndAmountWhateverTheOrder() {
        // given three mentions of one date, the second in event-id order with an amount
        Mention a = new Mention("e1", "a1", EventType.FUNDING, "星澜 机器人", "2024-03-04", null, null, false);
        Mention b = new Mention("e2", "a2", EventType.FUNDING, "星澜机器人", "2024-03-04", 5L, 6L, true);
        Mention c = new Mention("e3", "a3", EventType.FUNDING, "星澜机器人", "2024-03-04", 7L, 8L, true);

        // when they arrive in two orders
        Slot forward = Slot.of(1, a, 10).with(b, 10).with(c, 20);
        Slot backward = Slot.of(1, c, 20).with(b, 10).with(a, 10);

        // then the slot is the same: first spelling of e1, amount of e2, the later closing time
        assertThat(forward).isEqualTo(backward)
                .isEqualTo(new Slot(1, "e1", "星澜 机器人", "e2", 5L, 6L, 20));
    }

    private static long reference(String date) {
        try {
            return LocalDate.parse(date).toEpochDay();
        } catch (DateTimeParseException e) {
            return Slot.UNDATED;
        }
    }
}
