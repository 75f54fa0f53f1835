package io.aipulse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports for servers a test starts on loopback. */
public final class FreePort {

    private FreePort() {
    }

    /**
     * A loopback port nobody listens on now. Another process may take it before the test binds it:
     * where that matters (a program the test cannot ask for port 0), the caller retries on another.
     */
    public static int onLoopback() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
