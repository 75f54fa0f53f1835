package io.aipulse.metrics;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Connection;

/**
 * Closes the connections that would let one client starve the others, on top of Jetty's own idle timeout
 * and total connection limit (which say nothing about a head that arrives slowly but steadily, nor about
 * who holds the connections):
 * <ul>
 *   <li>a connection beyond {@code maxPerClient} open from the same IP address is closed as soon as it
 *       opens ({@code client-limit});</li>
 *   <li>a connection whose request head has been arriving for longer than {@code requestTimeout} is
 *       closed ({@code slow-request}), checked by one sweeper thread a few times per timeout.</li>
 * </ul>
 * Each close is reported to {@code onClose} with its reason.
 */
final class ConnectionGuard implements Connection.Listener, AutoCloseable {

    static final String CLIENT_LIMIT = "client-limit";
    static final String SLOW_REQUEST = "slow-request";

    private final int maxPerClient;
    private final long requestTimeoutNanos;
    private final Consumer<String> onClose;
    private final Map<InetAddress, Integer> perClient = new ConcurrentHashMap<>();
    private final Map<Connection, Tracked> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    ConnectionGuard(int maxPerClient, Duration requestTimeout, Consumer<String> onClose) {
        this.maxPerClient = maxPerClient;
        this.requestTimeoutNanos = requestTimeout.toNanos();
        this.onClose = onClose;
        this.sweeper = Background.singleThread("aipulse-http-sweeper");
        // a quarter of the timeout (at most a second) between samples: a slow head is closed at most that late
        long every = Math.max(TimeUnit.MILLISECONDS.toNanos(50), Math.min(requestTimeoutNanos / 4,
                TimeUnit.SECONDS.toNanos(1)));
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress client = client(connection);
        int count = perClient.merge(client, 1, Integer::sum);
        open.put(connection, new Tracked(client, new RequestProgress()));
        if (count > maxPerClient) {
            onClose.accept(CLIENT_LIMIT);
            connection.close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        Tracked tracked = open.remove(connection);
        if (tracked != null) {
            perClient.computeIfPresent(tracked.client(), (client, count) -> count <= 1 ? null : count - 1);
        }
    }

    /** Connections open from {@code client} now (for tests and diagnostics). */
    int openFrom(InetAddress client) {
        return perClient.getOrDefault(client, 0);
    }

    private void sweep() {
        long now = System.nanoTime();
        open.forEach((connection, tracked) -> {
            // only this thread reads a connection's progress
            boolean overdue = tracked.progress().overdue(connection.getMessagesIn(), connection.getBytesIn(), now,
                    requestTimeoutNanos);
            if (overdue && open.containsKey(connection)) {
                onClose.accept(SLOW_REQUEST);
                connection.close();
            }
        });
    }

    private static InetAddress client(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress();
        }
        return InetAddress.getLoopbackAddress(); // not a network socket: counted as one local client
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    private record Tracked(InetAddress client, RequestProgress progress) {
    }
}
