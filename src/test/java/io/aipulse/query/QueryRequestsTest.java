package io.aipulse.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryRequestsTest {

    private final QueryRequests requests = new QueryRequests(ZoneId.of("Asia/Shanghai"));

    @Test
    void readsADayBefore1970AsTheStartOfWhatTheStoreHolds() throws Exception {
        // when a query starts in 1969 (the store refuses negative times: the service answered 500)
        AggregateQuery query = requests.parse(uri("from=1969-06-01&to=2023-08-01"));

        // then it starts at the epoch, which no aggregate precedes
        assertThat(query.from()).isEqualTo(Instant.EPOCH);
        assertThat(query.to()).isEqualTo(Instant.parse("2023-07-31T16:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=0001-01-01", "to=-999999999-01-01T00:00Z", "to=%2B999999999-12-31T23:59:59Z",
            "from=1969-12-31T23:59:59.999Z&to=1970-01-01", "from=%2B999999999-12-31T00:00Z"})
    void keepsAnyDateWithinWhatTheStoreCanBeAsked(String params) throws Exception {
        // when
        AggregateQuery query = requests.parse(uri(params));

        // then both ends are times the store takes, in milliseconds
        assertThat(query.from()).isBetween(Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"));
        assertThat(query.to()).isBetween(Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"));
        assertThat(query.from()).isBeforeOrEqualTo(query.to());
    }

    private static URI uri(String params) {
        return URI.create("http://localhost" + QueryRequests.PREFIX + "sector/healthcare-biotech?window=P1D&" + params);
    }
}
