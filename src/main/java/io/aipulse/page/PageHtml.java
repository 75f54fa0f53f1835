package io.aipulse.page;

import io.aipulse.format.Money;
import io.aipulse.stream.AggregateRecord;
import io.aipulse.stream.CalendarWindow;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The analyst page as one HTML document: tables whose bars are CSS widths, so it reads the same without
 * JavaScript (there is none) and prints. Every figure stands in a cell of its own, marked with the group
 * it belongs to ({@code data-key}), so a reader (and the page test) can match it to the API's answer.
 */
final class PageHtml {

    /** Subjects listed. */
    static final int TOP_SUBJECTS = 15;

    private static final String STYLE = """
            body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;\
            margin:1.5rem auto;max-width:72rem;padding:0 1rem;color:#1f2328;background:#fff}
            h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
            .sub{color:#59636e;margin:0 0 1rem}nav{margin:.5rem 0 1rem;display:flex;gap:1rem;flex-wrap:wrap}
            nav a,.windows a{color:#0969da}.windows{font-size:.85rem;color:#59636e}
            .windows a.current{font-weight:bold;color:#1f2328}
            .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:0 2rem}
            table{border-collapse:collapse;width:100%}th,td{padding:.2rem .4rem;text-align:left;vertical-align:middle}
            th{font-weight:normal;white-space:nowrap}td.n{text-align:right;font-variant-numeric:tabular-nums;width:3rem}
            td.barcell{width:55%}.bar{display:block;height:.9rem;background:#4c8bf5;border-radius:2px;min-width:2px}
            .bar.city{background:#2da44e}.bar.money{background:#bf8700}.bar.type{background:#8250df}
            table.matrix th,table.matrix td{border:1px solid #d0d7de;text-align:center}
            table.matrix th.row{text-align:left}table.matrix td:empty{background:#f6f8fa}
            .money{white-space:nowrap}.empty{color:#59636e}footer{margin-top:2rem;font-size:.8rem;color:#59636e}
            """;

    private final UnaryOperator<String> cityName;
    private final ZoneId zone;

    /** @param cityName the name to show for a city key ({@code hangzhou} -> 杭州) */
    PageHtml(UnaryOperator<String> cityName, ZoneId zone) {
        this.cityName = cityName;
        this.zone = zone;
    }

    String render(WindowReport report, TreeSet<LocalDate> windowsWithEvents) {
        StringBuilder html = new StringBuilder(16_384);
        String title = title(report.window(), report.start());
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>AI Pulse · ").append(Html.escape(title)).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n");
        html.append("<header><h1>AI Pulse · ").append(Html.escape(title)).append("</h1><p class=\"sub\" id=\"summary\">")
                .append("<span id=\"total-events\">").append(report.events()).append("</span> events, ")
                .append(report.sectors().size()).append(" sectors, ").append(report.cities().size())
                .append(" cities · windows in ").append(Html.escape(zone.getId())).append("</p>\n");
        navigation(html, report, windowsWithEvents);
        html.append("</header>\n<main>\n");
        if (report.sectors().isEmpty()) {
            html.append("<p class=\"empty\" id=\"no-events\">No events in this window.</p>\n");
        }
        html.append("<div class=\"grid\">\n");
        bars(html, "by-sector", "Events by sector", report.sectorsByEvents(), "", key -> key);
        bars(html, "by-city", "Events by city", report.citiesByEvents(), " city", this::city);
        html.append("</div>\n");
        matrix(html, report);
        html.append("<div class=\"grid\">\n");
        funding(html, report);
        types(html, report);
        html.append("</div>\n");
        subjects(html, report);
        html.append("</main>\n<footer>Served by the service from its interactive-query stores, gathered from every "
                + "instance; the same figures as <a href=\"/api/v1/aggregates/sector?window=")
                .append(report.window().isoPeriod()).append("&amp;from=").append(report.start()).append("&amp;to=")
                .append(report.start()).append("\">/api/v1/aggregates</a>. Counts of open windows still change; "
                        + "funding is the sum of the amounts' lower and upper bounds.</footer>\n</body></html>\n");
        return html.toString();
    }

    static String title(CalendarWindow window, LocalDate start) {
        if (window == CalendarWindow.DAY) {
            return start + " (" + start.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + ")";
        }
        return "week " + start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ", " + start + " – " + start.plusDays(6);
    }

    private void navigation(StringBuilder html, WindowReport report, TreeSet<LocalDate> withEvents) {
        CalendarWindow window = report.window();
        LocalDate start = report.start();
        LocalDate previous = window == CalendarWindow.DAY ? start.minusDays(1) : start.minusWeeks(1);
        LocalDate next = window == CalendarWindow.DAY ? start.plusDays(1) : start.plusWeeks(1);
        String unit = window == CalendarWindow.DAY ? "day" : "week";
        html.append("<nav>");
        link(html, "prev", PageRequest.link(window, previous), "← previous " + unit + " (" + previous + ")");
        link(html, "next", PageRequest.link(window, next), "next " + unit + " (" + next + ") →");
        LocalDate earlier = withEvents.lower(start);
        LocalDate later = withEvents.higher(start);
        if (earlier != null) {
            link(html, "prev-events", PageRequest.link(window, earlier), "« earlier with events (" + earlier + ")");
        }
        if (later != null) {
            link(html, "next-events", PageRequest.link(window, later), "later with events (" + later + ") »");
        }
        CalendarWindow other = window == CalendarWindow.DAY ? CalendarWindow.WEEK : CalendarWindow.DAY;
        link(html, "switch", PageRequest.link(other, start), window == CalendarWindow.DAY ? "this week" : "by day");
        html.append("</nav>\n<p class=\"windows\">").append(window == CalendarWindow.DAY ? "Days" : "Weeks")
                .append(" with events:");
        for (LocalDate day : withEvents.descendingSet()) {
            html.append(' ').append("<a href=\"").append(PageRequest.link(window, day)).append('"')
                    .append(day.equals(start) ? " class=\"current\"" : "").append('>').append(day).append("</a>");
        }
        if (withEvents.isEmpty()) {
            html.append(" none yet");
        }
        html.append("</p>\n");
    }

    private static void link(StringBuilder html, String rel, String href, String text) {
        html.append("<a rel=\"").append(rel).append("\" href=\"").append(Html.escape(href)).append("\">")
                .append(Html.escape(text)).append("</a>");
    }

    private static void bars(StringBuilder html, String id, String heading, List<AggregateRecord> records,
                             String barClass, UnaryOperator<String> label) {
        html.append("<section id=\"").append(id).append("\"><h2>").append(heading).append("</h2><table>")
                .append("<tr><th>").append(id.equals("by-city") ? "city" : "sector")
                .append("</th><th></th><th>events</th><th>articles</th></tr>\n");
        long most = records.stream().mapToLong(AggregateRecord::events).max().orElse(1);
        for (AggregateRecord r : records) {
            html.append("<tr data-key=\"").append(Html.escape(r.key())).append("\"><th title=\"")
                    .append(Html.escape(r.key())).append("\">").append(Html.escape(label.apply(r.key())))
                    .append("</th><td class=\"barcell\">").append(bar(r.events(), most, barClass))
                    .append("</td><td class=\"n events\">").append(r.events()).append("</td><td class=\"n articles\">")
                    .append(r.articles()).append("</td></tr>\n");
        }
        html.append("</table></section>\n");
    }

    private static String bar(long value, long most, String barClass) {
        long percent = most <= 0 ? 0 : Math.round(100.0 * value / most);
        return "<span class=\"bar" + barClass + "\" style=\"width:" + percent + "%\"></span>";
    }

    private void matrix(StringBuilder html, WindowReport report) {
        Map<String, Map<String, Long>> cells = report.sectorCityEvents();
        List<String> cities = report.sectorCities().stream().map(r -> r.key().substring(r.key().indexOf('|') + 1))
                .distinct().sorted().toList();
        html.append("<section id=\"sector-city\"><h2>Events by sector × city</h2><table class=\"matrix\"><tr><th></th>");
        for (String city : cities) {
            html.append("<th data-city=\"").append(Html.escape(city)).append("\" title=\"").append(Html.escape(city))
                    .append("\">").append(Html.escape(city(city))).append("</th>");
        }
        html.append("</tr>\n");
        cells.forEach((sector, row) -> {
            html.append("<tr data-sector=\"").append(Html.escape(sector)).append("\"><th class=\"row\">")
                    .append(Html.escape(sector)).append("</th>");
            for (String city : cities) {
                Long events = row.get(city);
                html.append("<td data-city=\"").append(Html.escape(city)).append("\">")
                        .append(events == null ? "" : events.toString()).append("</td>");
            }
            html.append("</tr>\n");
        });
        html.append("</table></section>\n");
    }

    private static void funding(StringBuilder html, WindowReport report) {
        List<AggregateRecord> funded = report.fundedSectors();
        html.append("<section id=\"funding\"><h2>Funding by sector</h2><table>\n");
        long most = funded.isEmpty() ? 1 : WindowReport.maxFunding(funded.get(0));
        for (AggregateRecord r : funded) {
            html.append("<tr data-key=\"").append(Html.escape(r.key())).append("\"><th>").append(Html.escape(r.key()))
                    .append("</th><td class=\"barcell\">").append(bar(WindowReport.maxFunding(r), most, " money"))
                    .append("</td><td class=\"money\">").append(Money.range(r.fundingCnyMin(), r.fundingCnyMax()))
                    .append("</td></tr>\n");
        }
        if (funded.isEmpty()) {
            html.append("<tr><td class=\"empty\">No amounts reported.</td></tr>\n");
        }
        html.append("</table></section>\n");
    }

    private static void types(StringBuilder html, WindowReport report) {
        Map<String, Long> types = report.eventTypes();
        long most = types.values().stream().mapToLong(Long::longValue).max().orElse(1);
        html.append("<section id=\"types\"><h2>Event types</h2><table>\n");
        types.forEach((type, events) -> html.append("<tr data-key=\"").append(Html.escape(type)).append("\"><th>")
                .append(Html.escape(type)).append("</th><td class=\"barcell\">").append(bar(events, most, " type"))
                .append("</td><td class=\"n events\">").append(events).append("</td></tr>\n"));
        html.append("</table></section>\n");
    }

    private static void subjects(StringBuilder html, WindowReport report) {
        html.append("<section id=\"subjects\"><h2>Top subjects</h2><ol>\n");
        for (AggregateRecord.SubjectCount subject : report.topSubjects(TOP_SUBJECTS)) {
            html.append("<li data-key=\"").append(Html.escape(subject.subject())).append("\"><span class=\"subject\">")
                    .append(Html.escape(subject.subject())).append("</span> · <span class=\"events\">")
                    .append(subject.events()).append("</span>").append(subject.events() == 1 ? " event" : " events")
                    .append("</li>\n");
        }
        html.append("</ol></section>\n");
    }

    private String city(String key) {
        return cityName.apply(key);
    }
}
