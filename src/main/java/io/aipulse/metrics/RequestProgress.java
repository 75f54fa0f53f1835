package io.aipulse.metrics;

/**
 * Tells, from a connection's byte and request counters sampled now and then, whether a request has been
 * arriving for too long. A connection is either idle (no byte since its last complete request head: the
 * idle timeout deals with it) or receiving a request head; only the second is timed here, from the first
 * sample that saw bytes beyond the last complete head. So a client trickling a header byte every few
 * seconds is caught, however regularly it sends, while a keep-alive connection that is quiet between two
 * scrapes is not. Not thread-safe: one sweeper samples each connection.
 */
final class RequestProgress {

    private long requests;
    private long bytesAtLastRequest;
    private long arrivingSince = -1;

    /**
     * Records the counters seen at {@code now} (nanoseconds, any origin) and answers whether a request has
     * been arriving for at least {@code timeoutNanos}.
     */
    boolean overdue(long requestsIn, long bytesIn, long now, long timeoutNanos) {
        if (requestsIn != requests) {
            // a head completed since the last sample: whatever arrived with it counts as that request's
            requests = requestsIn;
            bytesAtLastRequest = bytesIn;
            arrivingSince = -1;
            return false;
        }
        if (bytesIn > bytesAtLastRequest && arrivingSince < 0) {
            arrivingSince = now;
        }
        return arrivingSince >= 0 && now - arrivingSince >= timeoutNanos;
    }
}
