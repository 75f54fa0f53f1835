package io.aipulse.cli;

import io.aipulse.config.Settings;
import io.aipulse.extract.Knowledge;
import io.aipulse.metrics.HttpEndpoints;
import io.aipulse.metrics.HttpLimits;
import io.aipulse.metrics.MicrometerStreamMetrics;
import io.aipulse.metrics.ServiceMetrics;
import io.aipulse.metrics.StreamProgress;
import io.aipulse.page.AnalystPage;
import io.aipulse.query.AggregateLists;
import io.aipulse.query.AggregateQueryHandler;
import io.aipulse.query.AggregateQueryService;
import io.aipulse.query.QueryRequests;
import io.aipulse.stream.StreamService;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The stream application with its metrics and HTTP endpoints, started and closed together. Shared by
 * {@code run} and {@code demo}.
 */
final class ServiceRuntime implements AutoCloseable {

    private final ServiceMetrics metrics;
    private final StreamService service;
    private final StreamProgress progress;
    private final HttpEndpoints http;
    private final CountDownLatch shutdown = new CountDownLatch(1);

    private ServiceRuntime(ServiceMetrics metrics, StreamService service, StreamProgress progress, HttpEndpoints http) {
        this.metrics = metrics;
        this.service = service;
        this.progress = progress;
        this.http = http;
    }

    static ServiceRuntime start(Settings settings) throws IOException {
        ServiceMetrics metrics = new ServiceMetrics(settings.get("application.id"));
        Knowledge knowledge = Assembly.knowledge(settings);
        MicrometerStreamMetrics streamMetrics = new MicrometerStreamMetrics(metrics.registry());
        StreamService service = StreamService.start(settings, knowledge, Assembly.extractor(settings, knowledge),
                Assembly.articleJson(settings), streamMetrics, settings.get("state.dir", ""), metrics::bindStreams);
        metrics.watchState(service.streams());
        metrics.exportWindows(service.streams());
        StreamProgress progress = null;
        HttpEndpoints http = null;
        try {
            progress = StreamProgress.start(settings, service.streams(), streamMetrics::threadReplacements,
                    metrics.registry());
            StreamProgress watched = progress;
            http = new HttpEndpoints(settings.get("http.bind"), settings.getInt("http.port"), metrics.registry(),
                    () -> HttpEndpoints.Health.of(service.state(), watched.verdict()), HttpLimits.from(settings));
            AggregateQueryService queries = new AggregateQueryService(service.streams(), selfHost(settings));
            AggregateLists lists = new AggregateLists(queries, settings.zone());
            http.addHandler(QueryRequests.PREFIX, new AggregateQueryHandler(new QueryRequests(settings.zone()), queries,
                    lists));
            http.addPath("/", new AnalystPage(lists, settings.zone(),
                    city -> knowledge.city(city).map(known -> known.names().get(0)).orElse(city), Clock.systemUTC()));
            http.start();
        } catch (IOException | RuntimeException e) {
            if (http != null) {
                http.close();
            }
            if (progress != null) {
                progress.close();
            }
            service.close();
            metrics.close();
            throw e;
        }
        ServiceRuntime runtime = new ServiceRuntime(metrics, service, progress, http);
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "aipulse-shutdown"));
        return runtime;
    }

    private static HostInfo selfHost(Settings settings) {
        String server = settings.get("application.server", "");
        return server.isBlank() ? null : HostInfo.buildFromEndpoint(server);
    }

    int httpPort() {
        return http.port();
    }

    StreamService service() {
        return service;
    }

    ServiceMetrics metrics() {
        return metrics;
    }

    void awaitShutdown() throws InterruptedException {
        shutdown.await();
    }

    @Override
    public synchronized void close() {
        if (shutdown.getCount() == 0) {
            return;
        }
        http.close();
        progress.close();
        service.close();
        metrics.close();
        shutdown.countDown();
    }
}
