package io.aipulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.stream.AggregateRecord;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AggregateTableTest {

    private static AggregateRecord sector(Long fundingMin, Long fundingMax) {
        return new AggregateRecord("general", "sector", "2023-07-31T00:00+08:00", "2023-08-07T00:00+08:00", "P7D", 4, 1,
                new TreeMap<>(Map.of("FUNDING", 3L, "REPORT", 1L)), fundingMin, fundingMax, List.of(), false);
    }

    @Test
    void printsFundingIn万And亿元RatherThanRawYuan() {
        // when demo prints a row with funding between 799,200,000 and 863,999,993 yuan
        String row = AggregateTable.row("aipulse.agg.sector.1w", "general@2023-07-31", sector(799_200_000L, 863_999_993L));

        // then it reads 7.99亿–8.64亿元, and the raw numbers are gone
        assertThat(row).contains("7.99亿–8.64亿元").doesNotContain("799200000").doesNotContain("CNY");
        assertThat(row).contains("FUNDING=3,REPORT=1").contains("open");
    }

    @Test
    void printsNoAmountWithoutFunding() {
        String row = AggregateTable.row("aipulse.agg.sector.1w", "general@2023-07-31", sector(0L, 0L));

        assertThat(row).doesNotContain("元").endsWith("open       FUNDING=3,REPORT=1");
    }
}
