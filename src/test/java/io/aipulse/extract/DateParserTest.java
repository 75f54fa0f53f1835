package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateParserTest {

    private static final LocalDate ARTICLE = LocalDate.of(2023, 8, 1);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "2023年4月14日,腾讯云发布; 2023-04-14; DAY",
        "2023 年 8 月 31 日向全社会开放; 2023-08-31; DAY",
        "2023-08-01 18:42来源; 2023-08-01; DAY",
        "7 月 26 日,AI 初创公司 Graft 宣布; 2023-07-26; DAY",
        "7月初,Crunchbase发布的数据显示; 2023-07-01; MONTH",
        "已在5月末递交了招股书; 2023-05-31; MONTH",
        "在2024年2月底宣布; 2024-02-29; MONTH",
        "今年5月被否决; 2023-05-01; MONTH",
        "去年12月结束的种子轮; 2022-12-01; MONTH",
        "去年7月递交了IPO申请; 2022-07-01; MONTH",
        "2023年5月印发的; 2023-05-01; MONTH",
        "2023年上半年筹集了; 2023-01-01; PERIOD",
        "今年年初成立; 2023-01-01; PERIOD",
        "2017年阿里达摩院成立; 2017-01-01; YEAR",
        // Taiwan's year of the Republic (1911 + N)
        "立法院114年12月23日三读通过; 2025-12-23; DAY",
        "自113年4月起施行; 2024-04-01; MONTH"})
    void resolvesDateExpressions(String text, String expected, DateParser.Precision precision) {
        // when
        DateParser.Mention m = DateParser.first(text, ARTICLE);
        // then
        assertThat(m.date()).isEqualTo(LocalDate.parse(expected));
        assertThat(m.precision()).isEqualTo(precision);
    }

    @Test
    void dayMonthAfterTheArticleBelongsToTheYearBefore() {
        // given an article of 2024-03-05
        LocalDate article = LocalDate.of(2024, 3, 5);
        // when
        DateParser.Mention m = DateParser.first("12月20日,某公司发布", article);
        // then
        assertThat(m.date()).isEqualTo(LocalDate.of(2023, 12, 20));
    }

    @Test
    void readsAMonthAndDayInParenthesesAfterAWeekday() {
        // given a Taiwan paper's "周日(12/14)" in an article of 2025-12-16
        // when
        DateParser.Mention m = DateParser.first("iRobot周日(12/14)向法院声请破产保护", LocalDate.of(2025, 12, 16));
        // then
        assertThat(m.date()).isEqualTo(LocalDate.of(2025, 12, 14));
    }

    @Test
    void readsABareDayBeforeItsHourButNotAFraction() {
        // given a day with its hour, and a fraction in parentheses without a weekday before it
        LocalDate article = LocalDate.of(2024, 10, 10);
        // when / then
        assertThat(DateParser.first("《Cell》在北京时间9日11时发表了成果", article).date()).isEqualTo(LocalDate.of(2024, 10, 9));
        assertThat(DateParser.findAll("占比(1/3)", 0, 6, article, 2024, null)).isEmpty();
    }

    @Test
    void readsWeekdaysOfLastWeekThisWeekAndTheLatestOne() {
        // given an article of Monday 2024-01-29
        LocalDate monday = LocalDate.of(2024, 1, 29);
        // when / then
        assertThat(DateParser.first("讯飞医疗上周五递交上市申请", monday).date()).isEqualTo(LocalDate.of(2024, 1, 26));
        assertThat(DateParser.first("讯飞医疗本周三挂牌", monday).date()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(DateParser.first("讯飞医疗周四上市", monday).date()).isEqualTo(LocalDate.of(2024, 1, 25));
        assertThat(DateParser.first("公司星期天宣布", monday).date()).isEqualTo(LocalDate.of(2024, 1, 28));
        assertThat(DateParser.findAll("周一至周五开放", 0, 7, monday, 2024, null)).hasSize(1);
    }

    @Test
    void sameYearFollowsTheLastExplicitYear() {
        // given
        String s = "2023年3月印发了方案。同年9月,海淀区人民政府印发";
        // when
        List<DateParser.Mention> all = DateParser.findAll(s, 0, s.length(), LocalDate.of(2024, 7, 4), 2024, null);
        // then
        assertThat(all).extracting(DateParser.Mention::date)
                .containsExactly(LocalDate.of(2023, 3, 1), LocalDate.of(2023, 9, 1));
    }

    @Test
    void todayIsTheDatelineDay() {
        // given a dateline of 7 月 26 日
        String s = "今日晚间,网易有道正式发布";
        // when
        List<DateParser.Mention> all = DateParser.findAll(s, 0, s.length(), ARTICLE, 2023, LocalDate.of(2023, 7, 26));
        // then
        assertThat(all.get(0).date()).isEqualTo(LocalDate.of(2023, 7, 26));
        assertThat(all.get(0).relativeDay()).isTrue();
    }

    @Test
    void datesInsideDocumentTitlesAreNotEventDates() {
        // given
        String s = "发布的《2023-2024年中国人工智能计算力发展评估报告》显示";
        // when / then
        assertThat(DateParser.findAll(s, 0, s.length(), ARTICLE, 2023, null)).isEmpty();
    }

    @Test
    void monthCountsAndTimesAreNotDates() {
        assertThat(DateParser.first("前11个月,国内发布了238个大模型", ARTICLE)).isNull();
    }

    @Test
    void threeDigitsBeforeAYearAreTheRepublicsYearOnlyWithTheirMonth() {
        // a span of years, and a number that is not the Republic's year, are no dates
        assertThat(DateParser.first("这家公司成立已有110年", ARTICLE)).isNull();
        assertThat(DateParser.first("有300年5月的记录", ARTICLE)).isNull();
    }
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "昨(22)日宣布战略合作; 2023-07-22",
        "周一晚上(2日)正式开源; 2023-07-02",
        "论坛19日在港举办; 2023-07-19",
        "研究机构14日发布年度报告; 2023-07-14",
        "该公司9日完成新一轮融资; 2023-07-09",
        "23 日,某公司正式上线新模型; 2023-07-23",
        "研究所昨公布调查报告; 2023-07-25",
        "28日晚间,该公司发布公告; 2023-06-28"})
    void resolvesDaysOfTheReferenceMonth(String text, String expected) {
        // given a dateline of 26 July 2023
        List<DateParser.Mention> all = DateParser.findAll(text, 0, text.length(), ARTICLE, 2023, LocalDate.of(2023, 7, 26));
        // then: a day after the 26th belongs to the month before
        assertThat(all).extracting(DateParser.Mention::date).containsExactly(LocalDate.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"3日内完成交割", "第3日股价回落", "5日均线走平", "为期7日的活动", "1号线开通", "近5日发布的公告"})
    void spansAndCountsOfDaysAreNoDates(String text) {
        assertThat(DateParser.findAll(text, 0, text.length(), ARTICLE, 2023, ARTICLE)).isEmpty();
    }

    @Test
    void lastMonthIsTheFirstDayOfTheMonthBefore() {
        String s = "智谱上月才发布新一代基座模型";
        assertThat(DateParser.findAll(s, 0, s.length(), ARTICLE, 2023, LocalDate.of(2024, 1, 8)))
                .extracting(DateParser.Mention::date).containsExactly(LocalDate.of(2023, 12, 1));
    }

    @Test
    void theSameDayIsTheDayTheTextNamedBefore() {
        // given a forum on 19 July reported on 15 November
        String s = "当日,港投公司宣布与一家机器人公司合作";
        // when
        List<DateParser.Mention> all = DateParser.findAll(s, 0, s.length(), LocalDate.of(2024, 11, 15), 2024,
                LocalDate.of(2024, 11, 15), LocalDate.of(2024, 7, 19));
        // then
        assertThat(all).extracting(DateParser.Mention::date).containsExactly(LocalDate.of(2024, 7, 19));
    }
}
