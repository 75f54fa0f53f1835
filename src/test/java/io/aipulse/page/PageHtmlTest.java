package io.aipulse.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.stream.AggregateRecord;
import io.aipulse.stream.CalendarWindow;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The page's HTML from a window's aggregates, read back as a browser would parse it. */
class PageHtmlTest {

    private static final LocalDate WEEK = LocalDate.parse("2023-07-31");
    private static final PageHtml HTML = new PageHtml(city -> city.equals("hangzhou") ? "杭州" : city,
            ZoneId.of("Asia/Shanghai"));

    private static AggregateRecord record(String dimension, String key, long events, Map<String, Long> byType,
                                          Long fundingMin, Long fundingMax, List<AggregateRecord.SubjectCount> top) {
        return new AggregateRecord(key, dimension, WEEK + "T00:00+08:00", WEEK.plusWeeks(1) + "T00:00+08:00", "P7D",
                events, 1, byType, fundingMin, fundingMax, top, false);
    }

    private static WindowReport report(String subject) {
        AggregateRecord health = record("sector", "healthcare-biotech", 3, Map.of("FUNDING", 2L, "REPORT", 1L),
                10_000_000L, 99_999_999L, List.of(new AggregateRecord.SubjectCount(subject, 2),
                        new AggregateRecord.SubjectCount("谷歌", 1)));
        AggregateRecord general = record("sector", "general", 1, Map.of("FUNDING", 1L), 881_000_000L, 881_000_000L,
                List.of(new AggregateRecord.SubjectCount("谷歌", 1)));
        return new WindowReport(CalendarWindow.WEEK, WEEK, List.of(health, general),
                List.of(record("city", "hangzhou", 4, Map.of(), null, null, List.of())),
                List.of(record("sector-city", "healthcare-biotech|hangzhou", 3, Map.of(), null, null, List.of()),
                        record("sector-city", "general|hangzhou", 1, Map.of(), null, null, List.of())));
    }

    @Test
    void showsEachFigureInItsOwnCellMarkedWithItsGroup() {
        Document page = Jsoup.parse(HTML.render(report("力文所"), new TreeSet<>(List.of(WEEK))));

        assertThat(page.selectFirst("#total-events").text()).isEqualTo("4");
        assertThat(page.selectFirst("#by-sector tr[data-key=healthcare-biotech] td.events").text()).isEqualTo("3");
        assertThat(page.selectFirst("#by-city tr[data-key=hangzhou] th").text()).isEqualTo("杭州");
        assertThat(page.selectFirst("#sector-city tr[data-sector=general] td[data-city=hangzhou]").text()).isEqualTo("1");
        assertThat(page.selectFirst("#funding tr[data-key=general] td.money").text()).isEqualTo("8.81亿元");
        assertThat(page.selectFirst("#funding tr[data-key=healthcare-biotech] td.money").text()).isEqualTo("1000万–1亿元");
        assertThat(page.selectFirst("#types tr[data-key=FUNDING] td.events").text()).isEqualTo("3");
        // a subject's events in two sectors are two sets of events: they add up
        assertThat(page.selectFirst("#subjects li[data-key=谷歌] span.events").text()).isEqualTo("2");
        assertThat(page.select("script")).isEmpty();
    }

    @Test
    void linksToTheWeeksAroundAndToTheDaysOfTheWeek() {
        TreeSet<LocalDate> withEvents = new TreeSet<>(List.of(WEEK.minusWeeks(5), WEEK, WEEK.plusWeeks(3)));

        Document page = Jsoup.parse(HTML.render(report("力文所"), withEvents));

        assertThat(page.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/?window=P7D&date=2023-07-24");
        assertThat(page.selectFirst("a[rel=next]").attr("href")).isEqualTo("/?window=P7D&date=2023-08-07");
        assertThat(page.selectFirst("a[rel=prev-events]").attr("href")).isEqualTo("/?window=P7D&date=2023-06-26");
        assertThat(page.selectFirst("a[rel=next-events]").attr("href")).isEqualTo("/?window=P7D&date=2023-08-21");
        assertThat(page.selectFirst("a[rel=switch]").attr("href")).isEqualTo("/?window=P1D&date=2023-07-31");
    }

    @Test
    void writesASubjectWithMarkupAsTextNeverAsMarkup() {
        String hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";

        String html = HTML.render(report(hostile), new TreeSet<>(List.of(WEEK)));
        Document page = Jsoup.parse(html);

        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("img")).isEmpty();
        assertThat(page.select("#subjects li span.subject").eachText()).contains(hostile);
        assertThat(html).doesNotContain("<script>").doesNotContain("<img");
    }
}
