package io.aipulse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowSetTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Map<CalendarWindow, Duration> GRACE =
            Map.of(CalendarWindow.DAY, Duration.ofHours(6), CalendarWindow.WEEK, Duration.ofDays(1));

    @Test
    void keepsOnlyTheWindowsStillOpenSoADateReportedForMonthsStaysSmall() {
        // given a date's windows: the day and week of Wednesday 26 July and of Monday 31 July
        Instant wednesday = Instant.parse("2023-07-26T02:00:00Z");
        Instant monday = Instant.parse("2023-07-31T02:00:00Z");
        WindowKey day1 = WindowKey.of(CalendarWindow.DAY, Dimension.SECTOR, "finance", wednesday, SHANGHAI);
        WindowKey week1 = WindowKey.of(CalendarWindow.WEEK, Dimension.SECTOR, "finance", wednesday, SHANGHAI);
        WindowKey day2 = WindowKey.of(CalendarWindow.DAY, Dimension.SECTOR, "finance", monday, SHANGHAI);
        WindowKey week2 = WindowKey.of(CalendarWindow.WEEK, Dimension.SECTOR, "finance", monday, SHANGHAI);
        WindowSet windows = new WindowSet(List.of(day1, week1, day2, week2));

        // when the clock is Tuesday 1 August 00:30 (Shanghai): Wednesday closed at 27 July 06:00, the
        // first week at 1 August 00:00 (end 31 July 00:00 + a day), Monday closes at 06:00
        WindowSet open = windows.openAt(Instant.parse("2023-07-31T16:30:00Z").toEpochMilli(), GRACE);

        // then only Monday's day and week are kept
        assertThat(open.windows()).containsExactly(day2, week2);
        assertThat(open.missing(List.of(day1, day2))).containsExactly(day1);
    }
}
