package io.aipulse.query;

import io.aipulse.contract.RecordSchema;
import io.aipulse.contract.VersionedJson;
import io.aipulse.json.Json;
import io.aipulse.metrics.HttpEndpoints;
import io.aipulse.metrics.HttpEndpoints.Answer;
import io.aipulse.stream.AggregateRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@code GET /api/v1/aggregates/{dimension}/{key}?window=P1D|P7D&from=&to=}: the aggregates of one group
 * as JSON, from whichever instance owns it (requests for another instance's groups are forwarded once);
 * {@code GET /api/v1/aggregates/{dimension}?window=P1D|P7D&from=&to=}: those of every group of the
 * dimension, gathered from every instance. {@code docs/openapi.yaml} describes both.
 */
public final class AggregateQueryHandler implements HttpEndpoints.Route {

    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);
    private static final VersionedJson<AggregateRecord> AGGREGATE_JSON =
            VersionedJson.of(AggregateRecord.class, RecordSchema.AGGREGATE);

    private final QueryRequests requests;
    private final AggregateQueryService service;
    private final AggregateLists lists;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).build();

    public AggregateQueryHandler(QueryRequests requests, AggregateQueryService service, AggregateLists lists) {
        this.requests = requests;
        this.service = service;
        this.lists = lists;
    }

    @Override
    public Answer answer(String method, URI uri) {
        try {
            if (!"GET".equals(method)) {
                return error(405, "only GET is supported");
            }
            if (QueryRequests.isList(uri)) {
                return Answer.json(200, Json.write(listBody(lists.gather(requests.parseList(uri)))));
            }
            AggregateQuery query = requests.parse(uri);
            Optional<HostInfo> owner = service.remoteOwner(query);
            if (owner.isPresent()) {
                return forward(uri, owner.get());
            }
            return Answer.json(200, Json.write(body(query, service.local(query))));
        } catch (QueryRequests.BadRequest e) {
            return error(e.status(), e.getMessage());
        } catch (AggregateQueryService.NotReady e) {
            return error(503, e.getMessage()).withHeader("Retry-After", "1");
        } catch (AggregateLists.InstanceFailed e) {
            Answer failed = error(e.status(), e.getMessage());
            return e.status() == 503 ? failed.withHeader("Retry-After", "1") : failed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, "interrupted");
        } catch (RuntimeException e) {
            return error(500, "internal error");
        }
    }

    private Answer forward(URI incoming, HostInfo owner) throws InterruptedException {
        String query = incoming.getRawQuery() == null ? "forwarded=true" : incoming.getRawQuery() + "&forwarded=true";
        URI target = URI.create("http://" + owner.host() + ":" + owner.port() + incoming.getRawPath() + "?" + query);
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(target).timeout(FORWARD_TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            return Answer.json(response.statusCode(), response.body())
                    .withHeader("X-Aipulse-Forwarded-To", owner.host() + ":" + owner.port());
        } catch (IOException e) {
            return error(502, "owner " + owner.host() + ":" + owner.port() + " did not answer");
        }
    }

    private static Map<String, Object> body(AggregateQuery query, List<AggregateRecord> aggregates) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dimension", query.dimension().id());
        body.put("key", query.key());
        body.put("window", query.window().isoPeriod());
        // each as the record of the aggregate topics, schema version included
        body.put("aggregates", aggregates.stream().map(AGGREGATE_JSON::tree).toList());
        return body;
    }

    /** A list answer with each aggregate as the record of its topic, schema version included, like {@link #body}. */
    private static Map<String, Object> listBody(AggregateLists.Answer list) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dimension", list.dimension());
        body.put("window", list.window());
        body.put("from", list.from());
        body.put("to", list.to());
        body.put("instances", list.instances());
        body.put("aggregates", list.aggregates().stream().map(AGGREGATE_JSON::tree).toList());
        return body;
    }

    private static Answer error(int status, String message) {
        return Answer.json(status, Json.write(Map.of("error", message)));
    }
}
