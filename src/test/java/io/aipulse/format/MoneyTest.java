package io.aipulse.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0, 0元",
            "800, 800元",
            "9999, 1万元",
            "10000, 1万元",
            "35000, 3.5万元",
            "12345678, 1234.57万元",
            "50000000, 5000万元",
            "99999999, 1亿元",
            "100000000, 1亿元",
            "863999993, 8.64亿元",
            "1500000000, 15亿元",
            "1200000000000, 1.2万亿元"})
    void writesAnAmountInTheLargestUnitItReaches(long amount, String written) {
        assertThat(Money.yuan(amount)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}..{1} -> {2}")
    @CsvSource({
            "799200000, 863999993, 7.99亿–8.64亿元",
            "10000000, 99999999, 1000万–1亿元",
            "800000000, 800000000, 8亿元",
            "800000000, 800000001, 8亿元",
            "5000, 8000, 5000–8000元"})
    void writesAFundingRangeWithOneUnitPerEnd(long min, long max, String written) {
        assertThat(Money.range(min, max)).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource(value = {"null, null", "0, 0", "0, null"}, nullValues = "null")
    void writesNothingWhenThereIsNoAmount(Long min, Long max) {
        assertThat(Money.range(min, max)).isEmpty();
    }
}
