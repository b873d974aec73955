package dev.ocpha.lab.metadb;

import dev.ocpha.lab.net.HostNetworks;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Real TCP listeners on a host's address, in the host's network namespace, each connection served on a thread of its own, closed together (when the
 * server stops or its host goes down). What a connection gets is a {@link Handler}: the lab's SQL protocol
 * ({@link SqlProtocol}) or a port that accepts and closes (an RPC port).
 */
final class Listeners implements AutoCloseable {
    /** Serves one accepted connection; the socket is closed afterwards. */
    @FunctionalInterface
    interface Handler {
        void serve(Socket client) throws IOException;
    }

    /** A port that accepts connections and closes them (what the lab needs of an RPC port: a live-probe answers). */
    static final Handler ACCEPT_AND_CLOSE = client -> { };

    private final List<ServerSocket> sockets = new ArrayList<>();
    private final ExecutorService connections;

    Listeners(String threadName) {
        connections = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Binds {@code port} on every address of the host at {@code address}, in its namespace, as observer and OBProxy do
     * (in use: a {@link java.net.BindException}, nothing else changes).
     */
    synchronized void listen(String address, int port, Handler handler) throws IOException {
        ServerSocket socket = HostNetworks.listenIn(address, "0.0.0.0", port, 100);
        sockets.add(socket);
        connections.execute(() -> accept(socket, handler));
    }

    private void accept(ServerSocket socket, Handler handler) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.execute(() -> {
                    try (client) {
                        handler.serve(client);
                    } catch (IOException | RuntimeException e) {
                        // the client went away, or the server stopped with its host
                    }
                });
            } catch (IOException | RuntimeException e) {
                return;
            }
        }
    }

    @Override
    public synchronized void close() {
        for (ServerSocket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        sockets.clear();
        connections.shutdownNow();
    }
}
