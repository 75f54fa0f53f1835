package io.aipulse.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicationTimeFinderTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final PublicationTimeFinder finder = new PublicationTimeFinder(SHANGHAI);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2023-08-01 18:42来源：澎湃新闻                 | 2023-08-01T18:42+08:00",
            "2024-03-05 03:43:32金姬                       | 2024-03-05T03:43:32+08:00",
            "发布于 2024/3/5 03:43:32                       | 2024-03-05T03:43:32+08:00",
            "2023年8月1日 18:42 上海                        | 2023-08-01T18:42+08:00",
            "2023 年 8 月 1 日 9:05                         | 2023-08-01T09:05+08:00",
            "2023.08.01 18:42                              | 2023-08-01T18:42+08:00",
            "2023-08-01T18:42:07                           | 2023-08-01T18:42:07+08:00",
            "解放日报 2024-07-04 07:21                      | 2024-07-04T07:21+08:00",
            "26/08/2025 17:54 【ＡＩ】國務院印發意見          | 2025-08-26T17:54+08:00",
            "12/03/2026 12:01 經濟通通訊社12日專訊           | 2026-03-12T12:01+08:00",
            "26/08/2025 17:54 更新於 2025-08-28 09:00        | 2025-08-26T17:54+08:00",
            "2025-08-28 09:00 轉載自 26/08/2025 17:54        | 2025-08-28T09:00+08:00"})
    void findsDateAndTimeStampsInTheConfiguredZone(String text, String expected) {
        assertThat(finder.find(text)).map(ZonedDateTime::toOffsetDateTime).contains(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://example.com/news/ai-weekly-2023-10-23            | 2023-10-23",
            "http://www.xinhuanet.com/tech/2024-01/31/c_1130066.htm  | ",
            "https://www.gov.cn/zhengce/2024/01/31/content_123.htm   | 2024-01-31",
            "https://36kr.com/p/20231023/2481234                     | 2023-10-23",
            "http://www.stats.gov.cn/sj/zxfb/202401/t20240117_1946624.html | 2024-01-17",
            "https://news.example.com/a/12345.html                   | ",
            "https://20231023.example.com/news                       | ",
            "https://example.com/p/2023-13-45                        | "})
    void findsThePublicationDayInAUrlPath(String url, String expectedDay) {
        Optional<ZonedDateTime> day = finder.findInUrl(url);
        if (expectedDay == null) {
            assertThat(day).isEmpty();
        } else {
            assertThat(day).map(d -> d.toLocalDate().toString()).contains(expectedDay);
            assertThat(day.get().toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
        }
    }

    @Test
    void takesTheFirstStamp() {
        assertThat(finder.find("2023-08-01 18:42 首发，2023-08-02 09:00 更新"))
                .map(ZonedDateTime::toOffsetDateTime).contains(OffsetDateTime.parse("2023-08-01T18:42+08:00"));
    }

    @Test
    void ignoresBracketedWireItemStamps() {
        String text = "哈希率为2.2 EH/s。(雅虎财经)[2021/9/9 23:12:07]\n才能帮助客户创造更大的价值。[2020/11/13 14:12:54]";

        assertThat(finder.find(text)).isEmpty();
    }

    @Test
    void ignoresFullWidthBracketedStamps() {
        assertThat(finder.find("快讯【2021/9/9 23:12:07】比特币")).isEmpty();
    }

    @Test
    void findsTheArticleStampAfterBracketedWireItems() {
        String text = "保护用户资金。[2022/8/2 2:53:15]\n正文 2023-08-01 18:42 发布";

        assertThat(finder.find(text)).map(ZonedDateTime::toOffsetDateTime)
                .contains(OffsetDateTime.parse("2023-08-01T18:42+08:00"));
    }

    @Test
    void ignoresBracketedStampsWithSpacesInsideTheBrackets() {
        // the class skips spaces between '[' and the stamp, so a padded wire stamp is meant to be skipped too
        assertThat(finder.find("比特币快讯 [ 2021/9/9 23:12:07 ] 哈希率")).isEmpty();
    }

    @Test
    void aDayFirstStampNeedsAValidDayAndMonth() {
        assertThat(finder.find("08/26/2025 17:54")).isEmpty();
        assertThat(finder.find("[26/08/2025 17:54] 快讯")).isEmpty();
    }

    @Test
    void doesNotTakeABareDate() {
        assertThat(finder.find("截至2024年1月15日,北京地区已发布大模型")).isEmpty();
        assertThat(finder.find("该办法自2023年8月15日起施行。")).isEmpty();
    }

    @Test
    void skipsImpossibleDatesAndTakesTheNextStamp() {
        assertThat(finder.find("2023-02-30 18:42 错误；2023-03-01 08:00 正确"))
                .map(ZonedDateTime::toOffsetDateTime).contains(OffsetDateTime.parse("2023-03-01T08:00+08:00"));
    }

    @Test
    void doesNotTakeDigitsThatMerelyLookLikeAStamp() {
        assertThat(finder.find("订单号 12023-08-01 18:42")).isEmpty();
        assertThat(finder.find("价格 1850-01-01 12:00")).isEqualTo(Optional.empty());
    }

    @Test
    void readsLocalTimeInTheGivenZone() {
        PublicationTimeFinder berlin = new PublicationTimeFinder(ZoneId.of("Europe/Berlin"));

        assertThat(berlin.find("2024-03-31 12:00")).map(ZonedDateTime::toOffsetDateTime)
                .contains(OffsetDateTime.parse("2024-03-31T12:00+02:00"));
    }
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private Optional<LocalDate> dayOf(String text) {
        return finder.findDay(text, TODAY).map(ZonedDateTime::toLocalDate);
    }

    @Test
    void takesTheDateThatClosesABylineBeforeTheDaysTheTextReports() {
        assertThat(dayOf("来源：新华网 2024-11-20\n\n11月18日，深圳市人民政府印发《行动方案》。"))
                .contains(LocalDate.of(2024, 11, 20));
        assertThat(dayOf("作者：张三 2024年11月20日\n\n11月18日，某公司宣布完成融资。"))
                .contains(LocalDate.of(2024, 11, 20));
    }

    @Test
    void aDateInTheBodyAfterASourceSentenceIsNoByline() {
        assertThat(dayOf("来源称，公司于2024年3月1日完成融资，并在2024年5月2日发布新品。"))
                .contains(LocalDate.of(2024, 5, 2));
    }

    @Test
    void takesABareDatePrintedNextToItsSourceBeforeLaterEventDates() {
        assertThat(dayOf("2025-03-27来源:某某网\n该公司称,2025年4月2日将开放接口。"))
                .contains(LocalDate.of(2025, 3, 27));
    }

    @Test
    void takesTheLatestCompleteDateWhenNothingMarksThePublication() {
        assertThat(dayOf("2024年5月6日,甲公司发布模型。2024年7月1日,乙公司跟进。"))
                .contains(LocalDate.of(2024, 7, 1));
    }

    @Test
    void readsDayMonthDatesFromTheLatestPeriodTheTextReportsOn() {
        // given a page without a complete date that reports on the first half of 2025
        String text = "数据显示,2025年上半年共发生591起融资。7月9日,某机器人公司宣布完成A轮融资。";
        // when / then: 7月9日 is the first 9 July from that period on
        assertThat(dayOf(text)).contains(LocalDate.of(2025, 7, 9));
    }

    @Test
    void putsADayMonthDateEarlierInTheYearThanTheBoundIntoTheNextYear() {
        // given figures up to September 2025 and a listing filed on 22 January
        String text = "截至2025年9月末,公司已获得专利262项。1月22日,该公司提交了上市申请。";
        // when / then
        assertThat(dayOf(text)).contains(LocalDate.of(2026, 1, 22));
    }

    @Test
    void aMonthWithoutItsDayIsOfTheYearTheTextReportsOn() {
        // given a review of 2025 that names a month of that year without its year
        String text = "2025年6月,某机构发布报告。本报告基于2025年前三季度数据。3月,甲公司完成融资。";
        // when / then: March 2025, not the March after the report; the page is no earlier than June 2025
        assertThat(dayOf(text)).contains(LocalDate.of(2025, 6, 1));
    }

    @Test
    void aDayMonthDateJustBeforeTheCompleteDateStaysInItsYear() {
        // given a release dated in its opening brackets, telling of a ceremony the day before
        String text = "(香港,2025年10月31日)– 科技园公司与某局于10月30日举办了交流会。";
        // when / then: the 30th of the same October, not of the next year; the release's own day is the latest
        assertThat(dayOf(text)).contains(LocalDate.of(2025, 10, 31));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // day-month dates whose year only a conference's name gives
        "9月17日,在2025某某全球数字生态大会上,某公司的平台面向全球上线。; 2025-09-17",
        "北京时间9月18日上午8点,在某公司年度盛会Connect 2025上,公司发布了智能眼镜。; 2025-09-18",
        // a festival too, its word well after the year; and a year written after the conference's word
        "10 月 24 日,在 2023 某某公司全球 1024 开发者节上,公司发布了新版大模型。; 2023-10-24",
        "9月18日,某某大会2025开幕。公司有望在2026年推出新芯片。; 2025-09-18",
        // a year planned or aimed at is no bound, in either script
        "9月11日,在2025某某大会上,公司发布新车型,并公布计划在2026年实现量产。; 2025-09-11",
        "9月11日,在2025某某大會上,公司發布新車型,並公布計劃在2026年實現量產。; 2025-09-11"})
    void theYearOfAConferenceBoundsTheDayMonthDatesAndAPlannedYearDoesNot(String text, String day) {
        assertThat(dayOf(text)).contains(LocalDate.parse(day));
    }

    @Test
    void takesAnEnglishBylineDateUnderTheTitle() {
        // given an English date and time on its own line under the title, before the days the text reports
        String text = "某大学与某公司联合实验室揭牌\n\nApr 18, 2023 08:27 AM\n\n4月15日,联合实验室成立。";
        // when / then
        assertThat(dayOf(text)).contains(LocalDate.of(2023, 4, 18));
        assertThat(dayOf("标题\nby Anna, Jun 24, 2025\n正文")).contains(LocalDate.of(2025, 6, 24));
    }

    @Test
    void anEnglishDateInTheBodyIsNoByline() {
        // given an English date inside a quoted post in the body
        String text = "某公司宣布裁员。2025年12月,一位研究员在社交媒体上写道:AI today. February 10, 2026。";
        // when / then: the body's own dates decide
        assertThat(dayOf(text)).contains(LocalDate.of(2025, 12, 1));
    }

    @Test
    void aTargetYearIsNoBound() {
        // given a plan for 2027: the text reports on 2025
        String text = "2025年公司营收翻番,计划到2027年实现盈利。3月5日,公司发布新品。";
        // when / then
        assertThat(dayOf(text)).contains(LocalDate.of(2025, 3, 5));
    }

    @Test
    void aDayMonthDateWithoutAnyYearInTheTextGivesNoDay() {
        assertThat(dayOf("7月9日,某公司宣布完成融资。")).isEmpty();
    }
    @Test
    void aFoundingYearIsNoBound() {
        assertThat(dayOf("禾多科技自2017年成立以来累计融资超过十亿元。8月12日,公司通知员工离职。")).isEmpty();
    }
    @Test
    void theLastYearOfAFoundingRangeIsNoBound() {
        assertThat(dayOf("这些企业大多成立于2018—2020年间。12月17日,某公司登陆科创板。")).isEmpty();
    }
    @Test
    void aYearInReviewWithoutDaysIsAsLateAsItsLatestMonth() {
        String text = "2025年,多家企业破产。\n甲科技:2025年4月进入破产审查程序\n乙科技:2025年8月被裁定破产清算";
        assertThat(dayOf(text)).contains(LocalDate.of(2025, 8, 1));
    }

    @Test
    void aTimeThatHasComeIsNoTarget() {
        // given a launch on a day without its year, after "而到了2025年4月" (by April 2025) told of the past
        String text = "6月26日晚,某公司正式发布首款AI眼镜。2023年,该公司推出音频眼镜;而到了2025年4月,又发布了新款。";
        // when / then: 2025 bounds the page's day, as 截至 does and 到 (a target ahead) does not
        assertThat(dayOf(text)).contains(LocalDate.of(2025, 6, 26));
    }

    @Test
    void aLaterYearWithoutItsMonthLeavesTheDayUnknown() {
        // given a survey of 2024 that recalls a release of November 2022, and no day with its month
        String text = "某中心昨天(27日)公布2024年度《网络报告》调查结果。OpenAI在2022年11月推出ChatGPT后,使用者快速增加。";
        // when / then: the page is of 2024 or later, not of November 2022
        assertThat(dayOf(text)).isEmpty();
    }

    @Test
    void readsDayMonthDatesFromTheLatestCompleteDateTheTextReports() {
        // given news whose own days carry no year and a background day of another year that does
        String text = "5月9日晚间,交易所公告,某公司未通过审核。2022年7月15日,交易所受理了该公司的申请。";
        // when / then: the 9 May the page reports is the first one after 15 July 2022
        assertThat(dayOf(text)).contains(LocalDate.of(2023, 5, 9));
        assertThat(dayOf("因未能提交截至2022年12月31日的年度报告,公司在5月5日收到退市通知。"))
                .contains(LocalDate.of(2023, 5, 5));
    }

    @Test
    void aDateInThePagesHeadingIsItsPublicationDate() {
        // given a heading that prints the day in figures and a body day two days earlier
        assertThat(dayOf("某公司发布智能体平台\n  • 2025-07-28\n    北京\n7 月 26 日,某公司发布了智能体平台。"))
                .contains(LocalDate.of(2025, 7, 28));
        assertThat(dayOf("date 2025-08-27 7月28日,在2025世界人工智能大会上,某公司展出机器人。"))
                .contains(LocalDate.of(2025, 8, 27));
        // a date alone on its line in the heading, written in characters
        assertThat(dayOf("标题\n- 作者\n- 2025年3月18日\n百度宣布6月30日正式开源。"))
                .contains(LocalDate.of(2025, 3, 18));
    }

    @Test
    void aDeadlineIsNoDayTheTextReports() {
        String text = "公司于2026年2月10日签订协议,如未能于2026年3月31日前达成,协议将予终止。";
        assertThat(dayOf(text)).contains(LocalDate.of(2026, 2, 10));
    }

    @Test
    void aDashBetweenMonthsAfterAYearIsARangeNotADay() {
        // "2025年1-9月" is January to September, not 9 January; its last month is a period, not a day
        assertThat(dayOf("据招股书,2025年1-9月公司营收5.4亿元,2025年1–9月净亏损8.87亿元。")).isEmpty();
    }

    @Test
    void aStartIsNoBoundForTheDaysBeforeIt() {
        // "自2023年8月15日起施行": the news of a rule comes before it applies
        assertThat(dayOf("该办法自2023年8月15日起施行。7月13日,某公司发布模型。")).contains(LocalDate.of(2023, 8, 15));
    }

    @Test
    void readsTheMonthAPageHeadingPrintsWithoutItsDay() {
        // given a heading line with a month only, a full date, and a month inside body text
        String monthOnly = " date 2024-04 四家公司11日被列入出口黑名单。";
        String fullDate = "date 2024-04-11\n四家公司被列入出口黑名单。";
        String inBody = "四家公司被列入出口黑名单。\n".repeat(40) + "2024-04 的数据显示";
        // then only the heading's month is the page's month
        assertThat(PublicationTimeFinder.findHeadingMonth(monthOnly)).contains(java.time.YearMonth.of(2024, 4));
        assertThat(PublicationTimeFinder.findHeadingMonth(fullDate)).isEmpty();
        assertThat(PublicationTimeFinder.findHeadingMonth(inBody)).isEmpty();
    }
}
