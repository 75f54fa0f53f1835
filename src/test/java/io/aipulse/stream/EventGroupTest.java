package io.aipulse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class EventGroupTest {

    @Test
    void readsDatesExactlyAsLocalDateParseDoes() {
        for (String date : new String[] {"2023-07-26", "2024-02-29", "2023-02-29", "2023-02-30", "2023-13-01",
                "2023-00-10", "2023-07-00", "0000-01-01", "2023-7-26", "2023-07-2x", "20230726", "+12023-07-26",
                "2023/07/26", "", "2023-07-26T10:00", "２０２３-07-26"}) {
            assertThat(EventGroup.parse(date)).as(date).isEqualTo(reference(date));
        }
        assertThat(EventGroup.parse(null)).isNull();
    }

    private static LocalDate reference(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
