package io.aipulse.query;

import io.aipulse.json.Json;
import io.aipulse.stream.AggregateRecord;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The aggregates of every group of a dimension, gathered from every instance of the application: this
 * instance's stores, and each other instance (found through Kafka Streams' metadata, at its
 * {@code application.server}) asked for its own groups at once, in parallel. A group lives in one
 * partition and a partition is active on one instance, so the answers do not overlap. An instance that
 * cannot answer fails the whole list: a list silently missing some groups would read as complete.
 */
public final class AggregateLists {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final AggregateQueryService service;
    private final ZoneId zone;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param zone the windows' time zone, in which the answer states its range */
    public AggregateLists(AggregateQueryService service, ZoneId zone) {
        this.service = service;
        this.zone = zone;
    }

    /** An instance that did not answer, or answered with an error: the list is incomplete. */
    public static final class InstanceFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        InstanceFailed(int status, String message) {
            super(message);
            this.status = status;
        }

        /** 503 when the instance is not ready yet (rebalancing), 502 otherwise. */
        public int status() {
            return status;
        }
    }

    /** What a list answer holds: the question and the aggregates, by window start then key. */
    public record Answer(String dimension, String window, String from, String to, int instances,
                         List<AggregateRecord> aggregates) {
    }

    public Answer gather(AggregateListQuery query) throws AggregateQueryService.NotReady, InstanceFailed,
            InterruptedException {
        List<HostInfo> others = query.forwarded() ? List.of() : service.otherInstances();
        Map<HostInfo, CompletableFuture<HttpResponse<String>>> asked = new LinkedHashMap<>();
        for (HostInfo other : others) {
            asked.put(other, client.sendAsync(HttpRequest.newBuilder(uriAt(other, query)).timeout(TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<AggregateRecord> all = new ArrayList<>(service.localList(query));
        for (Map.Entry<HostInfo, CompletableFuture<HttpResponse<String>>> answer : asked.entrySet()) {
            all.addAll(aggregatesOf(answer.getKey(), answer.getValue()));
        }
        all.sort(AggregateQueryService.BY_WINDOW_THEN_KEY);
        return new Answer(query.dimension().id(), query.window().isoPeriod(), local(query.from()), local(query.to()),
                1 + others.size(), all);
    }

    private static List<AggregateRecord> aggregatesOf(HostInfo instance, CompletableFuture<HttpResponse<String>> pending)
            throws InstanceFailed, InterruptedException {
        String name = instance.host() + ":" + instance.port();
        HttpResponse<String> response;
        try {
            response = pending.get();
        } catch (ExecutionException e) {
            throw new InstanceFailed(502, "instance " + name + " did not answer");
        }
        if (response.statusCode() != 200) {
            throw new InstanceFailed(response.statusCode() == 503 ? 503 : 502,
                    "instance " + name + " answered " + response.statusCode());
        }
        try {
            return Json.read(response.body(), Answer.class).aggregates();
        } catch (UncheckedIOException e) {
            throw new InstanceFailed(502, "instance " + name + " answered something else than a list");
        }
    }

    private String local(Instant time) {
        return time.atZone(zone).toOffsetDateTime().toString();
    }

    /** The same list question for another instance, its times as UTC instants (no '+' to encode). */
    private static URI uriAt(HostInfo instance, AggregateListQuery query) {
        return URI.create("http://" + instance.host() + ":" + instance.port() + QueryRequests.PREFIX
                + query.dimension().id() + "?window=" + query.window().isoPeriod()
                + "&from=" + query.from().atOffset(ZoneOffset.UTC) + "&to=" + query.to().atOffset(ZoneOffset.UTC)
                + "&forwarded=true");
    }
}
