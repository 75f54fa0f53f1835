package io.aipulse.page;

import io.aipulse.metrics.HttpEndpoints;
import io.aipulse.metrics.HttpEndpoints.Answer;
import io.aipulse.query.AggregateListQuery;
import io.aipulse.query.AggregateLists;
import io.aipulse.query.AggregateQueryService;
import io.aipulse.stream.AggregateRecord;
import io.aipulse.stream.CalendarWindow;
import io.aipulse.stream.Dimension;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * {@code GET /}: the page an analyst opens, for one day or ISO week: events by sector and by city, the
 * sector x city table, funding by sector in 万/亿元, event types and top subjects, with links to the
 * windows around it. Everything comes from the interactive-query stores of every instance, as the list
 * API gathers them ({@link AggregateLists}); the page is rendered here, without scripts.
 */
public final class AnalystPage implements HttpEndpoints.Route {

    private static final String HTML = "text/html; charset=utf-8";
    /** No scripts, no frames, nothing from elsewhere: the page is its own HTML and inline styles. */
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
                    + "form-action 'none'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-store");

    private final AggregateLists lists;
    private final ZoneId zone;
    private final Clock clock;
    private final PageHtml html;

    /** @param cityName the name to show for a city key ({@code hangzhou} -> 杭州) */
    public AnalystPage(AggregateLists lists, ZoneId zone, UnaryOperator<String> cityName, Clock clock) {
        this.lists = lists;
        this.zone = zone;
        this.clock = clock;
        this.html = new PageHtml(cityName, zone);
    }

    @Override
    public Answer answer(String method, URI uri) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return page(405, "Method not allowed", "The page answers GET and HEAD.").withHeader("Allow", "GET, HEAD");
        }
        try {
            return new Answer(200, HTML, render(PageRequest.parse(uri)), HEADERS);
        } catch (PageRequest.BadPageRequest e) {
            return page(400, "Bad request", e.getMessage());
        } catch (AggregateQueryService.NotReady e) {
            return page(503, "Not ready", "The service is starting or rebalancing; try again in a moment.")
                    .withHeader("Retry-After", "2");
        } catch (AggregateLists.InstanceFailed e) {
            return page(e.status(), "Incomplete", "Another instance did not answer (" + e.getMessage()
                    + "): the figures would be incomplete.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return page(503, "Interrupted", "The service is stopping.");
        } catch (RuntimeException e) {
            return page(500, "Internal error", "The page could not be made.");
        }
    }

    private String render(PageRequest request) throws AggregateQueryService.NotReady, AggregateLists.InstanceFailed,
            InterruptedException {
        CalendarWindow window = request.window();
        // which windows have events: every event has a sector, so the sector aggregates tell
        List<AggregateRecord> allSectors = gather(Dimension.SECTOR, window, Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"));
        TreeSet<LocalDate> withEvents = new TreeSet<>();
        allSectors.forEach(r -> withEvents.add(startOf(r)));
        LocalDate start = request.date().map(day -> window.start(day.atStartOfDay(zone).toInstant(), zone).toLocalDate())
                .orElseGet(() -> withEvents.isEmpty() ? window.start(clock.instant(), zone).toLocalDate()
                        : withEvents.last());
        Instant from = start.atStartOfDay(zone).toInstant();
        List<AggregateRecord> sectors = allSectors.stream().filter(r -> startOf(r).equals(start)).toList();
        WindowReport report = new WindowReport(window, start, sectors, gather(Dimension.CITY, window, from, from),
                gather(Dimension.SECTOR_CITY, window, from, from));
        return html.render(report, withEvents);
    }

    private List<AggregateRecord> gather(Dimension dimension, CalendarWindow window, Instant from, Instant to)
            throws AggregateQueryService.NotReady, AggregateLists.InstanceFailed, InterruptedException {
        return lists.gather(new AggregateListQuery(dimension, window, from, to, false)).aggregates();
    }

    private static LocalDate startOf(AggregateRecord record) {
        return OffsetDateTime.parse(record.windowStart()).toLocalDate();
    }

    private static Answer page(int status, String title, String message) {
        String body = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>AI Pulse · "
                + Html.escape(title) + "</title></head><body><h1>" + Html.escape(title) + "</h1><p>"
                + Html.escape(message) + "</p><p><a href=\"/\">The latest week</a></p></body></html>\n";
        return new Answer(status, HTML, body, HEADERS);
    }
}
