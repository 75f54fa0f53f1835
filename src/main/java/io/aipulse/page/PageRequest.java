package io.aipulse.page;

import io.aipulse.stream.CalendarWindow;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What the page at {@code /} is asked for: {@code window=P1D|P7D} (a day or an ISO week, the week by
 * default) and {@code date=2023-07-26}, any day of the window (the latest window with events when absent).
 * Anything else is refused, never echoed.
 *
 * @param date the day asked for, empty for the latest window with events
 */
record PageRequest(CalendarWindow window, Optional<LocalDate> date) {

    /** A request the page cannot answer as asked (HTTP 400). */
    static final class BadPageRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadPageRequest(String message) {
            super(message);
        }
    }

    static PageRequest parse(URI uri) throws BadPageRequest {
        CalendarWindow window = CalendarWindow.WEEK;
        Optional<LocalDate> date = Optional.empty();
        String query = uri.getRawQuery();
        if (query != null && query.length() > 200) {
            throw new BadPageRequest("query string too long");
        }
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                switch (name) {
                    case "window" -> window = window(value);
                    case "date" -> date = value.isEmpty() ? Optional.empty() : Optional.of(date(value));
                    default -> throw new BadPageRequest("unknown parameter: use window=P1D|P7D and date=YYYY-MM-DD");
                }
            }
        }
        return new PageRequest(window, date);
    }

    private static CalendarWindow window(String value) throws BadPageRequest {
        try {
            return CalendarWindow.fromIsoPeriod(value);
        } catch (IllegalArgumentException e) {
            throw new BadPageRequest("window must be P1D (a day) or P7D (a week)");
        }
    }

    private static LocalDate date(String value) throws BadPageRequest {
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1970 || date.getYear() > 9998) {
                throw new BadPageRequest("date must be between 1970 and 9998");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new BadPageRequest("date must be an ISO date such as 2023-07-24");
        }
    }

    /** The page's own link to a window: {@code /?window=P7D&date=2023-07-24}. */
    static String link(CalendarWindow window, LocalDate start) {
        return "/?window=" + window.isoPeriod() + "&date=" + start;
    }
}
