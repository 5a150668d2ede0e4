package dev.polyshop.testing;

import java.io.IOException;
import java.net.ServerSocket;

/** A port nobody listens on right now, for a process a test starts. */
final class FreePorts {

    private FreePorts() {
    }

    static int any() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
