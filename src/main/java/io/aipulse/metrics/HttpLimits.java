package io.aipulse.metrics;

import io.aipulse.config.Settings;
import java.time.Duration;

/**
 * What the HTTP server allows one connection and one client, so that a slow or greedy client cannot
 * starve the health checks, {@code /metrics} and the query API. The values come from the {@code http.*}
 * keys of the configuration ({@code config/application.properties} says why each default).
 *
 * @param requestTimeout   longest a request's head (request line and headers) may take to arrive once its
 *                         first byte has: a client sending one byte every few seconds is closed after it
 * @param idleTimeout      longest a connection may stay silent (between requests, or before its first)
 * @param maxConnections   connections open at once; further ones wait in the listen backlog
 * @param maxConnectionsPerClient connections open at once from one IP address; more are closed at once
 * @param acceptQueue      the listen backlog: connections the kernel holds while the server is at its limit
 * @param threads          threads running handlers (a request is only handed to one once its head is read)
 */
public record HttpLimits(Duration requestTimeout, Duration idleTimeout, int maxConnections,
                         int maxConnectionsPerClient, int acceptQueue, int threads) {

    public HttpLimits {
        if (requestTimeout.isNegative() || requestTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("HTTP timeouts must be positive: " + requestTimeout + ", " + idleTimeout);
        }
        if (maxConnections < 1 || maxConnectionsPerClient < 1 || acceptQueue < 1 || threads < 1) {
            throw new IllegalArgumentException("HTTP limits must be at least 1");
        }
    }

    /** The limits the configuration sets ({@code http.request.timeout}, {@code http.idle.timeout}, ...). */
    public static HttpLimits from(Settings settings) {
        return new HttpLimits(settings.getDuration("http.request.timeout"), settings.getDuration("http.idle.timeout"),
                settings.getInt("http.max.connections"), settings.getInt("http.max.connections.per.client"),
                settings.getInt("http.accept.queue"), settings.getInt("http.threads"));
    }
}
