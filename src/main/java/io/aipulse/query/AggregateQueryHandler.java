package io.aipulse.query;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.aipulse.json.Json;
import io.aipulse.metrics.HttpEndpoints;
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
 * as JSON, from whichever instance owns it (requests for another instance's groups are forwarded once).
 */
public final class AggregateQueryHandler implements HttpHandler {

    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);

    private final QueryRequests requests;
    private final AggregateQueryService service;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).build();

    public AggregateQueryHandler(QueryRequests requests, AggregateQueryService service) {
        this.requests = requests;
        this.service = service;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!"GET".equals(exchange.getRequestMethod())) {
                error(exchange, 405, "only GET is supported");
                return;
            }
            AggregateQuery query = requests.parse(exchange.getRequestURI());
            Optional<HostInfo> owner = service.remoteOwner(query);
            if (owner.isPresent()) {
                forward(exchange, owner.get());
                return;
            }
            HttpEndpoints.respond(exchange, 200, "application/json", Json.write(body(query, service.local(query))));
        } catch (QueryRequests.BadRequest e) {
            error(exchange, e.status(), e.getMessage());
        } catch (AggregateQueryService.NotReady e) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            error(exchange, 503, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(exchange, 503, "interrupted");
        } catch (RuntimeException e) {
            error(exchange, 500, "internal error");
        }
    }

    private void forward(HttpExchange exchange, HostInfo owner) throws IOException, InterruptedException {
        URI incoming = exchange.getRequestURI();
        String query = incoming.getRawQuery() == null ? "forwarded=true" : incoming.getRawQuery() + "&forwarded=true";
        URI target = URI.create("http://" + owner.host() + ":" + owner.port() + incoming.getRawPath() + "?" + query);
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(target).timeout(FORWARD_TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            exchange.getResponseHeaders().set("X-Aipulse-Forwarded-To", owner.host() + ":" + owner.port());
            HttpEndpoints.respond(exchange, response.statusCode(), "application/json", response.body());
        } catch (IOException e) {
            error(exchange, 502, "owner " + owner.host() + ":" + owner.port() + " did not answer");
        }
    }

    private static Map<String, Object> body(AggregateQuery query, List<AggregateRecord> aggregates) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dimension", query.dimension().id());
        body.put("key", query.key());
        body.put("window", query.window().isoPeriod());
        body.put("aggregates", aggregates);
        return body;
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        HttpEndpoints.respond(exchange, status, "application/json", Json.write(Map.of("error", message)));
    }
}
