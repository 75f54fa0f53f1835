package io.aipulse.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CalendarWindowTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void startsDayWindowsAtShanghaiMidnight() {
        // given 00:01 Beijing time, which is 16:01 UTC of the previous day
        Instant justAfterMidnight = instant("2023-07-27T00:01+08:00");
        Instant justBeforeMidnight = instant("2023-07-26T23:59+08:00");

        // when / then
        assertThat(CalendarWindow.DAY.start(justAfterMidnight, SHANGHAI).toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse("2023-07-27T00:00+08:00"));
        assertThat(CalendarWindow.DAY.start(justBeforeMidnight, SHANGHAI).toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse("2023-07-26T00:00+08:00"));
    }

    @Test
    void startsAWindowExactlyAtItsStartInstant() {
        Instant midnight = instant("2023-07-31T00:00+08:00");

        assertThat(CalendarWindow.DAY.start(midnight, SHANGHAI).toInstant()).isEqualTo(midnight);
        assertThat(CalendarWindow.WEEK.start(midnight, SHANGHAI).toInstant()).isEqualTo(midnight);
        assertThat(CalendarWindow.WEEK.start(midnight.minusMillis(1), SHANGHAI).toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse("2023-07-24T00:00+08:00"));
    }

    @Test
    void startsWeekWindowsOnMonday() {
        // Sunday 2023-07-30 23:30 and Monday 2023-07-31 00:30, Beijing time
        ZonedDateTime sundayWeek = CalendarWindow.WEEK.start(instant("2023-07-30T23:30+08:00"), SHANGHAI);
        ZonedDateTime mondayWeek = CalendarWindow.WEEK.start(instant("2023-07-31T00:30+08:00"), SHANGHAI);

        assertThat(sundayWeek.toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2023-07-24T00:00+08:00"));
        assertThat(mondayWeek.toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2023-07-31T00:00+08:00"));
        assertThat(CalendarWindow.WEEK.end(sundayWeek).toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse("2023-07-31T00:00+08:00"));
    }

    @Test
    void hasCalendarLengthsAcrossDaylightSavingChanges() {
        ZonedDateTime springWeek = CalendarWindow.WEEK.start(instant("2024-03-31T12:00+02:00"), BERLIN);
        ZonedDateTime springDay = CalendarWindow.DAY.start(instant("2024-03-31T12:00+02:00"), BERLIN);
        ZonedDateTime autumnWeek = CalendarWindow.WEEK.start(instant("2024-10-27T12:00+01:00"), BERLIN);

        assertThat(springWeek.toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2024-03-25T00:00+01:00"));
        assertThat(CalendarWindow.WEEK.end(springWeek).toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse("2024-04-01T00:00+02:00"));
        assertThat(CalendarWindow.WEEK.length(springWeek)).isEqualTo(Duration.ofHours(167));
        assertThat(CalendarWindow.DAY.length(springDay)).isEqualTo(Duration.ofHours(23));
        assertThat(CalendarWindow.WEEK.length(autumnWeek)).isEqualTo(Duration.ofHours(169));
        assertThat(CalendarWindow.DAY.length(CalendarWindow.DAY.start(instant("2023-07-26T12:00+08:00"), SHANGHAI)))
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void readsIsoPeriodsAndTopicSuffixes() {
        assertThat(CalendarWindow.fromIsoPeriod("P1D")).isEqualTo(CalendarWindow.DAY);
        assertThat(CalendarWindow.fromIsoPeriod("p7d")).isEqualTo(CalendarWindow.WEEK);
        assertThat(CalendarWindow.fromIsoPeriod("1d")).isEqualTo(CalendarWindow.DAY);
        assertThat(CalendarWindow.fromIsoPeriod("1W")).isEqualTo(CalendarWindow.WEEK);
        assertThat(CalendarWindow.DAY.isoPeriod()).isEqualTo("P1D");
        assertThat(CalendarWindow.WEEK.suffix()).isEqualTo("1w");
        assertThatThrownBy(() -> CalendarWindow.fromIsoPeriod("P1M")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P1M");
    }

    private static Instant instant(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
