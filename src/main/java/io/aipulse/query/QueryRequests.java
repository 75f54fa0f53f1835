package io.aipulse.query;

import io.aipulse.stream.CalendarWindow;
import io.aipulse.stream.Dimension;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses and validates {@code GET /api/v1/aggregates/{dimension}/{key}?window=P1D|P7D&from=&to=} (one group)
 * and {@code GET /api/v1/aggregates/{dimension}?window=P1D|P7D&from=&to=} (every group of a dimension).
 * {@code from}/{@code to} are ISO dates (local days in the service's zone) or ISO date-times with an
 * offset; both are optional. Anything else is refused with a message, never passed on.
 */
public final class QueryRequests {

    public static final String PREFIX = "/api/v1/aggregates/";
    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N}._|-]{1,200}");
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final ZoneId zone;

    public QueryRequests(ZoneId zone) {
        this.zone = zone;
    }

    /** Thrown for a request that cannot be answered as asked (HTTP 400 or 404). */
    public static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** True when the URI asks for every group of a dimension ({@code /api/v1/aggregates/sector}). */
    public static boolean isList(URI uri) {
        String path = uri.getPath();
        return path != null && path.startsWith(PREFIX) && path.indexOf('/', PREFIX.length()) < 0;
    }

    public AggregateQuery parse(URI uri) throws BadRequest {
        String[] parts = segments(uri);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new BadRequest(404, "use " + PREFIX + "{dimension}/{key} or " + PREFIX + "{dimension}");
        }
        Dimension dimension = dimension(parts[0]);
        String key = parts[1];
        if (!KEY.matcher(key).matches()) {
            throw new BadRequest(400, "key must be 1-200 letters, digits, '.', '_', '-' or '|'");
        }
        Range range = range(uri);
        return new AggregateQuery(dimension, key, range.window, range.from, range.to, range.forwarded);
    }

    public AggregateListQuery parseList(URI uri) throws BadRequest {
        String[] parts = segments(uri);
        if (parts.length != 1 || parts[0].isEmpty()) {
            throw new BadRequest(404, "use " + PREFIX + "{dimension} or " + PREFIX + "{dimension}/{key}");
        }
        Range range = range(uri);
        return new AggregateListQuery(dimension(parts[0]), range.window, range.from, range.to, range.forwarded);
    }

    private static String[] segments(URI uri) throws BadRequest {
        String path = uri.getPath();
        if (path == null || !path.startsWith(PREFIX)) {
            throw new BadRequest(404, "use " + PREFIX + "{dimension}/{key} or " + PREFIX + "{dimension}");
        }
        return path.substring(PREFIX.length()).split("/", -1);
    }

    private static Dimension dimension(String id) throws BadRequest {
        try {
            return Dimension.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, e.getMessage());
        }
    }

    /** The query parameters every aggregate request takes. */
    private record Range(CalendarWindow window, Instant from, Instant to, boolean forwarded) {
    }

    private Range range(URI uri) throws BadRequest {
        Map<String, String> params = params(uri.getRawQuery());
        CalendarWindow window;
        try {
            window = CalendarWindow.fromIsoPeriod(params.getOrDefault("window", "P1D"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, e.getMessage());
        }
        Instant from = time("from", params.get("from"), EARLIEST);
        Instant to = time("to", params.get("to"), LATEST);
        if (from.isAfter(to)) {
            throw new BadRequest(400, "from must not be after to");
        }
        return new Range(window, from, to, "true".equals(params.get("forwarded")));
    }

    private Instant time(String name, String value, Instant fallback) throws BadRequest {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Instant time = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
            return clamped(time);
        } catch (DateTimeParseException e) {
            throw new BadRequest(400, name + " must be an ISO date (2023-07-24) or date-time with offset");
        }
    }

    /**
     * Within what the store can be asked: it refuses times before 1970 and epoch milliseconds past a long
     * (year +999999999), which answered 500. No aggregate lies outside, so the answer is the same.
     */
    private static Instant clamped(Instant time) {
        return time.isBefore(EARLIEST) ? EARLIEST : time.isAfter(LATEST) ? LATEST : time;
    }

    private static Map<String, String> params(String rawQuery) throws BadRequest {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        if (rawQuery.length() > 1000) {
            throw new BadRequest(400, "query string too long");
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            switch (name) {
                case "window", "from", "to", "forwarded" -> params.put(name, value);
                default -> throw new BadRequest(400, "unknown parameter '" + name + "'");
            }
        }
        return params;
    }
}
