package org.broadsheet.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports for servers a test starts itself (a site in a process of its own, an SMTP server). */
public final class FreePorts {

    private FreePorts() {}

    /** A loopback port free a moment ago, for a server the test is about to start on it. */
    public static int any() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
