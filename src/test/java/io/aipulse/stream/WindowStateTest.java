package io.aipulse.stream;

import static io.aipulse.extract.EventType.FUNDING;
import static io.aipulse.extract.EventType.MODEL_RELEASE;
import static io.aipulse.extract.EventType.PARTNERSHIP;
import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.extract.EventType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowStateTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WindowKey DAY = WindowKey.of(CalendarWindow.DAY, Dimension.SECTOR, "healthcare-biotech",
            Instant.parse("2023-07-26T02:00:00Z"), SHANGHAI);

    private final WindowState state = new WindowState(DAY, SHANGHAI);

    @Test
    void countsOneEventReportedByTwoArticlesOnce() {
        // when two articles report a funding of one company, with dates three days apart
        assertThat(state.add(mention("e1", "a1", FUNDING, "力文所", "2023-07-24"))).isTrue();
        assertThat(state.add(mention("e2", "a2", FUNDING, "力文所", "2023-07-27"))).isTrue();

        // then it is one event with two articles
        AggregateRecord record = state.toRecord(SHANGHAI, false);
        assertThat(record.events()).isEqualTo(1);
        assertThat(record.articles()).isEqualTo(2);
    }

    @Test
    void keepsEventsMoreThanThreeDaysApartSeparate() {
        state.add(mention("e1", "a1", FUNDING, "力文所", "2023-07-23"));
        state.add(mention("e2", "a2", FUNDING, "力文所", "2023-07-27"));

        assertThat(state.toRecord(SHANGHAI, false).events()).isEqualTo(2);
    }

    @Test
    void keepsDifferentTypesOrSubjectsSeparate() {
        state.add(mention("e1", "a1", FUNDING, "力文所", "2023-07-26"));
        state.add(mention("e2", "a1", PARTNERSHIP, "力文所", "2023-07-26"));
        state.add(mention("e3", "a1", FUNDING, "百川智能", "2023-07-26"));

        AggregateRecord record = state.toRecord(SHANGHAI, false);
        assertThat(record.events()).isEqualTo(3);
        assertThat(record.articles()).isEqualTo(1);
        assertThat(record.byType()).containsExactly(Map.entry("FUNDING", 2L), Map.entry("PARTNERSHIP", 1L));
    }

    @Test
    void matchesSubjectsIgnoringCaseAndWhitespace() {
        state.add(mention("e1", "a1", MODEL_RELEASE, "Open AI", "2023-07-26"));
        state.add(mention("e2", "a2", MODEL_RELEASE, "openai", "2023-07-26"));

        assertThat(state.toRecord(SHANGHAI, false).events()).isEqualTo(1);
    }

    @Test
    void matchesAMissingDateWithAnyDate() {
        state.add(mention("e1", "a1", FUNDING, "力文所", null));
        state.add(mention("e2", "a2", FUNDING, "力文所", "2023-07-01"));

        AggregateRecord record = state.toRecord(SHANGHAI, false);
        assertThat(record.events()).isEqualTo(1);
        assertThat(record.articles()).isEqualTo(2);
    }

    @Test
    void reportsNoChangeForAMentionSeenBefore() {
        Mention mention = mention("e1", "a1", FUNDING, "力文所", "2023-07-26");
        state.add(mention);

        assertThat(state.add(mention)).isFalse();
    }

    @Test
    void sumsFundingOncePerEventAndTakesAnAmountReportedLater() {
        // given a funding first reported without amount, then with one, then again by a third article
        state.add(funding("e1", "a1", "力文所", null, null));
        assertThat(state.add(funding("e2", "a2", "力文所", 10_000_000L, 99_999_999L))).isTrue();
        state.add(funding("e3", "a3", "力文所", 30_000_000L, 30_000_000L));
        // and another company's funding
        state.add(funding("e4", "a4", "百川智能", 50_000_000L, 60_000_000L));

        // when
        AggregateRecord record = state.toRecord(SHANGHAI, false);

        // then each event counts its first known amount once
        assertThat(record.events()).isEqualTo(2);
        assertThat(record.fundingCnyMin()).isEqualTo(60_000_000L);
        assertThat(record.fundingCnyMax()).isEqualTo(159_999_999L);
    }

    @Test
    void leavesTheFundingMaximumOpenWhenAnyAmountIsOpenEnded() {
        state.add(funding("e1", "a1", "甲", 1_000_000_000L, null));
        state.add(funding("e2", "a2", "乙", 5_000_000L, 5_000_000L));

        AggregateRecord record = state.toRecord(SHANGHAI, false);
        assertThat(record.fundingCnyMin()).isEqualTo(1_005_000_000L);
        assertThat(record.fundingCnyMax()).isNull();
    }

    @Test
    void leavesTheFundingMaximumUnknownWhenARoundHasNoAmount() {
        // given one round with an amount and one whose amount the article does not give
        state.add(funding("e1", "a1", "甲", 5_000_000L, 5_000_000L));
        state.add(mention("e2", "a2", FUNDING, "乙", "2023-07-26"));

        // when
        AggregateRecord record = state.toRecord(SHANGHAI, false);

        // then the minimum is still a lower bound and the maximum is unknown, not 0
        assertThat(record.fundingCnyMin()).isEqualTo(5_000_000L);
        assertThat(record.fundingCnyMax()).isNull();
    }

    @Test
    void ignoresAmountsOfOtherEventTypes() {
        state.add(new Mention("e1", "a1", EventType.INVESTMENT, "甲", "2023-07-26", 7_000_000L, 7_000_000L, true));

        // then no funding is reported (0 or null: the contract leaves "no funding" open)
        AggregateRecord record = state.toRecord(SHANGHAI, false);
        assertThat(record.fundingCnyMin()).satisfiesAnyOf(min -> assertThat(min).isNull(), min -> assertThat(min).isZero());
        assertThat(record.fundingCnyMax()).satisfiesAnyOf(max -> assertThat(max).isNull(), max -> assertThat(max).isZero());
        assertThat(record.byType()).containsExactly(Map.entry("INVESTMENT", 1L));
    }

    @Test
    void listsTheTopFiveSubjectsByEventsThenName() {
        state.add(mention("e1", "a1", FUNDING, "丙", "2023-07-26"));
        state.add(mention("e2", "a1", PARTNERSHIP, "丙", "2023-07-26"));
        for (String subject : new String[] {"F", "E", "D", "C", "B", "A"}) {
            state.add(mention("e-" + subject, "a2", FUNDING, subject, "2023-07-26"));
        }

        AggregateRecord record = state.toRecord(SHANGHAI, true);

        assertThat(record.topSubjects()).containsExactly(
                new AggregateRecord.SubjectCount("丙", 2), new AggregateRecord.SubjectCount("A", 1),
                new AggregateRecord.SubjectCount("B", 1), new AggregateRecord.SubjectCount("C", 1),
                new AggregateRecord.SubjectCount("D", 1));
        assertThat(record.isFinal()).isTrue();
        assertThat(record.events()).isEqualTo(8);
    }

    @Test
    void describesItsWindowInTheRecord() {
        state.add(mention("e1", "a1", FUNDING, "力文所", "2023-07-26"));

        AggregateRecord record = state.toRecord(SHANGHAI, false);

        assertThat(record.key()).isEqualTo("healthcare-biotech");
        assertThat(record.dimension()).isEqualTo("sector");
        assertThat(record.windowStart()).isEqualTo("2023-07-26T00:00+08:00");
        assertThat(record.windowEnd()).isEqualTo("2023-07-27T00:00+08:00");
        assertThat(record.window()).isEqualTo("P1D");
        assertThat(record.outputKey()).isEqualTo("healthcare-biotech@2023-07-26");
    }

    @Test
    void givesTheSameAggregateWhateverTheOrderOfItsMentions() {
        // given one company reported three days apart three times (a chain), two amounts, and another company
        java.util.List<Mention> mentions = java.util.List.of(
                new Mention("e1", "a1", FUNDING, "星澜机器人", "2024-03-04", 50_000_000L, 50_000_000L, true),
                new Mention("e2", "a2", FUNDING, "星澜机器人", "2024-03-07", 10_000_000L, 99_999_999L, true),
                new Mention("e3", "a3", FUNDING, "星澜机器人", "2024-03-10", null, null, false),
                new Mention("e4", "a4", FUNDING, "星澜 机器人", "2024-03-07", 50_000_000L, 50_000_000L, true),
                mention("e5", "a5", EventType.MODEL_RELEASE, "云途智能", "2024-03-05"),
                mention("e6", "a1", EventType.MODEL_RELEASE, "云途智能", null));
        java.util.Set<AggregateRecord> results = new java.util.HashSet<>();
        java.util.Random random = new java.util.Random(7);

        // when they arrive in 200 different orders
        for (int i = 0; i < 200; i++) {
            java.util.List<Mention> order = new java.util.ArrayList<>(mentions);
            java.util.Collections.shuffle(order, random);
            WindowState window = new WindowState(DAY, SHANGHAI);
            order.forEach(window::add);
            results.add(window.toRecord(SHANGHAI, false));
        }

        // then every order gives one and the same aggregate
        assertThat(results).singleElement().satisfies(record -> {
            assertThat(record.events()).isEqualTo(3);
            assertThat(record.articles()).isEqualTo(5);
            assertThat(record.byType()).containsEntry("FUNDING", 2L).containsEntry("MODEL_RELEASE", 1L);
        });
    }

    private static Mention mention(String eventId, String articleId, EventType type, String subject, String date) {
        return new Mention(eventId, articleId, type, subject, date, null, null, false);
    }

    private static Mention funding(String eventId, String articleId, String subject, Long cnyMin, Long cnyMax) {
        return new Mention(eventId, articleId, FUNDING, subject, "2023-07-26", cnyMin, cnyMax, cnyMin != null);
    }
}
