package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountParserTest {

    private final AmountParser parser = new AmountParser(Map.of(
            "CNY", 1.0, "USD", 7.0, "EUR", 8.0, "GBP", 9.0, "CAD", 5.0, "HKD", 0.9, "JPY", 0.05, "TWD", 0.2));

    private Amount parse(String text) {
        return parser.parse(text).orElseThrow(() -> new AssertionError("no amount in " + text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "null", value = {
        // text; currency; min; max; approximate
        "完成 1 亿美元 A 轮融资; USD; 100000000; 100000000; false",
        "完成数千万元天使轮融资; CNY; 10000000; 99999999; true",
        "本轮融资金额在数百万美元级别; USD; 1000000; 9999999; true",
        "获得超10亿美元投资; USD; 1000000000; null; true",
        "融资近5亿元; CNY; 500000000; 500000000; true",
        "完成 3500 万美元融资; USD; 35000000; 35000000; false",
        "获得 2230 万美元投资; USD; 22300000; 22300000; false",
        "市场规模将达到 500-1000 亿元; CNY; 50000000000; 100000000000; false",
        "投资 10 亿加元（约合 7.563 亿美元）; CAD; 1000000000; 1000000000; false",
        "完成1.2亿美元(约合人民币8.7亿元)融资; USD; 120000000; 120000000; false",
        "总代价包括现金约2.33亿美元(合人民币16.7亿元); USD; 233000000; 233000000; true",
        "数亿元; CNY; 100000000; 999999999; true",
        "数十亿美元; USD; 1000000000; 9999999999; true",
        "两千万元; CNY; 20000000; 20000000; false",
        "十亿美元; USD; 1000000000; 1000000000; false",
        "上亿元; CNY; 100000000; null; true",
        "逾 3 亿港元; HKD; 300000000; null; true",
        "约 715 万人民币; CNY; 7150000; 7150000; true",
        "647.67 万人民币; CNY; 6476700; 6476700; false",
        "募资 6 亿欧元; EUR; 600000000; 600000000; false",
        "5000 万英镑; GBP; 50000000; 50000000; false",
        "100 亿日元; JPY; 10000000000; 10000000000; false",
        "斥资新台币200亿元扩建; TWD; 20000000000; 20000000000; false",
        "投资10亿新台币; TWD; 1000000000; 1000000000; false",
        "NT$30 billion; TWD; 30000000000; 30000000000; false",
        "$35 million; USD; 35000000; 35000000; false",
        "US$1.5 billion; USD; 1500000000; 1500000000; false",
        "1亿至2亿元; CNY; 100000000; 200000000; false",
        "超过 4500 亿美元的收入; USD; 450000000000; null; true",
        // a cap is its own value: "募资不超过17.5亿元"
        "拟定增募资不超过17.5亿元; CNY; 1750000000; 1750000000; true",
        "以不超过4.328亿美元的额度; USD; 432800000; 432800000; true",
        "1 万亿元; CNY; 1000000000000; 1000000000000; false",
        // Taiwan's 兆: a million million, and the 亿 that may follow it
        "投资1兆美元; USD; 1000000000000; 1000000000000; false",
        "金额达5兆4千亿台币; TWD; 5400000000000; 5400000000000; false",
        "千万元级融资; CNY; 10000000; 99999999; true",
        "3亿多元; CNY; 300000000; null; true",
        "人民币 5000 万元; CNY; 50000000; 50000000; false"})
    void readsAmountsOfChineseNews(String text, String currency, Long min, Long max, boolean approximate) {
        // given a phrase of a news article
        // when
        Amount a = parse(text);
        // then
        assertThat(a.currency()).isEqualTo(currency);
        assertThat(a.min()).isEqualTo(min);
        assertThat(a.max()).isEqualTo(max);
        assertThat(a.approximate()).isEqualTo(approximate);
    }

    @Test
    void explicitConversionToYuanWinsOverConfiguredRate() {
        // given 1.2亿美元 at a configured 7.0 would be 8.4亿元, but the text says 8.7亿元
        // when
        Amount a = parse("1.2亿美元(约合人民币8.7亿元)");
        // then
        assertThat(a.cnyMin()).isEqualTo(870_000_000L);
        assertThat(a.cnyMax()).isEqualTo(870_000_000L);
    }

    @Test
    void explicitConversionToAnotherCurrencyIsConvertedWithItsRate() {
        // when
        Amount a = parse("10 亿加元（约合 7.563 亿美元）");
        // then: 7.563亿 USD x 7.0
        assertThat(a.cnyMin()).isEqualTo(5_294_100_000L);
    }

    @Test
    void aConversionIntoTaiwanDollarsIsNoYuanFigure() {
        // when: 5049亿 is the same sum in Taiwan dollars, at 0.2 yuan each
        Amount a = parse("160亿美元(约5049亿元台币)");
        // then
        assertThat(a.currency()).isEqualTo("USD");
        assertThat(a.cnyMin()).isEqualTo(100_980_000_000L);
    }

    @Test
    void aPriceOfOneShareIsNoAmountOfTheDeal() {
        // given a deal priced per share, and a share's closing price
        String deal = "以每股人民币17.72元的价格收购锋龙股份29.99%股份";
        String quote = "华虹劲飙9.4%收报81.3元";
        String perShare = "要约收购价格均为17.72元/股";
        // when / then
        assertThat(parser.findAll(deal, 0, deal.length())).isEmpty();
        assertThat(parser.findAll(quote, 0, quote.length())).isEmpty();
        assertThat(parser.findAll(perShare, 0, perShare.length())).isEmpty();
        String placement = "每股配售股份配售价为1.50港元";
        String offering = "发行价116.2港元";
        assertThat(parser.findAll(placement, 0, placement.length())).isEmpty();
        assertThat(parser.findAll(offering, 0, offering.length())).isEmpty();
        String total = "以每股17.72元、合计11.61亿元收购";
        assertThat(parser.findAll(total, 0, total.length())).extracting(m -> m.amount().min()).containsExactly(1_161_000_000L);
    }

    @Test
    void aRoundsSizeWithoutItsYuanIsInYuan() {
        assertThat(parse("完成近5亿A轮融资").currency()).isEqualTo("CNY");
        assertThat(parse("完成近5亿A轮融资").min()).isEqualTo(500_000_000L);
        assertThat(parser.parse("营收达5亿，同比增长")).isEmpty();
        assertThat(parser.parse("用户数突破1亿")).isEmpty();
    }

    @Test
    void anOrderOfMagnitudeIsADecadeOfValues() {
        Amount a = parse("完成亿级人民币A1轮融资");
        assertThat(a.min()).isEqualTo(100_000_000L);
        assertThat(a.max()).isEqualTo(999_999_999L);
        assertThat(parse("千万级美元").currency()).isEqualTo("USD");
    }

    @Test
    void configuredRatesConvertToYuan() {
        // when
        Amount a = parse("数百万美元");
        // then
        assertThat(a.cnyMin()).isEqualTo(7_000_000L);
        assertThat(a.cnyMax()).isEqualTo(69_999_993L);
        assertThat(parse("超10亿美元").cnyMax()).isNull();
    }

    @Test
    void numbersWithoutCurrencyAreNotAmounts() {
        assertThat(parser.parse("注册资本由 500 万增至 647 万")).isEmpty();
        assertThat(parser.parse("2019-2023年中国人工智能城市排行榜")).isEmpty();
        assertThat(parser.parse("占比在 5%-10% 以上")).isEmpty();
        assertThat(parser.parse("一点知识")).isEmpty();
        assertThat(parser.parse("装机容量达12兆瓦")).isEmpty();
    }

    @Test
    void theOldFigureOfARevisionIsNoAmount() {
        // given a figure revised to another
        String text = "将资本支出自原估约25.6亿美元调升至约30亿美元";
        // when
        List<AmountParser.Match> all = parser.findAll(text, 0, text.length());
        // then only the new figure
        assertThat(all).extracting(m -> m.amount().min()).containsExactly(3_000_000_000L);
    }

    @Test
    void findsEveryAmountOfASentenceInOrder() {
        // given
        String s = "总代价包括现金约2.33亿美元(合人民币16.7亿元)、债务承担约3.67亿元、及现金1元";
        // when
        var all = parser.findAll(s, 0, s.length());
        // then
        assertThat(all).extracting(m -> m.amount().min()).containsExactly(233_000_000L, 367_000_000L);
    }

    @Test
    void anAmountUnderTenThousandIsAPriceNotASum() {
        // given a stock's price, a limit price and a nominal consideration beside a deal's value
        String s = "鼎通科技(股价90.20元)拟以1.26亿元收购蓝海视界,股价攻克1400元涨停价位,另付现金1元";
        // when
        var all = parser.findAll(s, 0, s.length());
        // then
        assertThat(all).extracting(m -> m.amount().min()).containsExactly(126_000_000L);
    }

    @Test
    void aLongLineWithoutPunctuationIsScannedQuickly() {
        // given a 1 MB line of digits and letters
        String line = "1234567890abc数".repeat(80_000);
        // when
        long t0 = System.nanoTime();
        parser.findAll(line, 0, line.length());
        // then
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3_000);
    }
}
