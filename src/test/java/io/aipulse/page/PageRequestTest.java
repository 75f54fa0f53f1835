package io.aipulse.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aipulse.stream.CalendarWindow;
import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void asksForTheLatestWeekWhenNothingIsChosen() throws Exception {
        PageRequest request = PageRequest.parse(URI.create("/"));

        assertThat(request.window()).isEqualTo(CalendarWindow.WEEK);
        assertThat(request.date()).isEmpty();
    }

    @Test
    void readsTheWindowAndAnyDayOfIt() throws Exception {
        PageRequest request = PageRequest.parse(URI.create("/?window=P1D&date=2023-08-03"));

        assertThat(request.window()).isEqualTo(CalendarWindow.DAY);
        assertThat(request.date()).contains(LocalDate.parse("2023-08-03"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/?window=P2D", "/?date=2023-13-01", "/?date=1969-12-31", "/?date=%2B999999999-01-01",
            "/?%3Cscript%3E=1", "/?window=P7D&evil=1"})
    void refusesWhatItDoesNotKnowWithoutEchoingIt(String uri) {
        assertThatThrownBy(() -> PageRequest.parse(URI.create(uri))).isInstanceOf(PageRequest.BadPageRequest.class)
                .extracting(Throwable::getMessage).asString().doesNotContain("<").doesNotContain("evil");
    }
}
