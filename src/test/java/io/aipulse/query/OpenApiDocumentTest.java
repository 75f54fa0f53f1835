package io.aipulse.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.json.Json;
import io.aipulse.stream.AggregateRecord;
import io.aipulse.testsupport.OpenApiContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document itself, and that its schemas refuse what the API must never answer. */
class OpenApiDocumentTest {

    private final OpenApiContract contract = OpenApiContract.load();

    private static final AggregateRecord RECORD = new AggregateRecord("healthcare-biotech", "sector",
            "2023-07-24T00:00+08:00", "2023-07-31T00:00+08:00", "P7D", 5, 2, Map.of("FUNDING", 3L, "MODEL_RELEASE", 2L),
            120_000_000L, 350_000_000L, List.of(new AggregateRecord.SubjectCount("力文所", 1)), true);

    @Test
    void isOpenApi31AndDescribesTheListAndTheGroupQueries() {
        assertThat(contract.document().path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(contract.document().path("paths").has("/api/v1/aggregates/{dimension}")).isTrue();
        assertThat(contract.document().path("paths").has("/api/v1/aggregates/{dimension}/{key}")).isTrue();
    }

    @Test
    void acceptsAListAnswerAsTheServiceWritesIt() {
        // given a list answer serialised by the service's own JSON writer
        String body = Json.write(new AggregateLists.Answer("sector", "P7D", "2023-07-01T00:00+08:00",
                "2023-08-31T00:00+08:00", 1, List.of(RECORD)));

        // then it meets the document
        assertThat(contract.problems("GET", "/api/v1/aggregates/sector?window=P7D", 200, body)).isEmpty();
    }

    @Test
    void refusesAnAnswerWithAWrongTypeAMissingFieldOrAnUnknownEventType() {
        String good = Json.write(new AggregateLists.Answer("sector", "P7D", "2023-07-01T00:00+08:00",
                "2023-08-31T00:00+08:00", 1, List.of(RECORD)));
        String path = "/api/v1/aggregates/sector";

        assertThat(contract.problems("GET", path, 200, good.replace("\"events\":5", "\"events\":\"5\""))).isNotEmpty();
        assertThat(contract.problems("GET", path, 200, good.replace("\"instances\":1,", ""))).isNotEmpty();
        assertThat(contract.problems("GET", path, 200, good.replace("\"FUNDING\"", "\"LOTTERY\""))).isNotEmpty();
        assertThat(contract.problems("GET", path, 200, good.replace("\"window\":\"P7D\"", "\"window\":\"P2D\"")))
                .isNotEmpty();
    }

    @Test
    void refusesAStatusOrAPathTheDocumentDoesNotDescribe() {
        assertThat(contract.problems("GET", "/api/v1/aggregates/sector", 418, "{\"error\":\"teapot\"}")).isNotEmpty();
        assertThat(contract.problems("GET", "/api/v2/whatever", 200, "{}")).isNotEmpty();
    }

    @Test
    void describesErrorsAsAnObjectWithOneErrorField() {
        assertThat(contract.problems("GET", "/api/v1/aggregates/bogus/x", 400, "{\"error\":\"unknown dimension\"}"))
                .isEmpty();
        assertThat(contract.problems("GET", "/api/v1/aggregates/bogus/x", 400, "{\"error\":\"x\",\"admin\":true}"))
                .isNotEmpty();
    }
}
