package dev.ocpha.lab.net;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lab hosts' network namespaces, by host address. The stand-ins that are Java (the MetaDB's and OCP's listeners,
 * their clients acting for a host) open their sockets inside the host's namespace: a socket belongs for life to the
 * namespace it was created in, so the calling thread enters the namespace with {@code setns(2)} only while it creates
 * and binds the socket, and then returns to its own. Connecting, accepting and serving happen outside.
 */
public final class HostNetworks {
    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY = 0;
    private static final Map<String, Long> HOLDERS = new ConcurrentHashMap<>();

    /** What is done inside a host's namespace: create and bind a socket. */
    @FunctionalInterface
    public interface SocketAction<T> {
        T run() throws IOException;
    }

    private interface LibC extends Library {
        LibC C = Native.load("c", LibC.class);

        int open(String path, int flags);

        int close(int fd);

        int setns(int fd, int nstype);
    }

    private HostNetworks() {
    }

    /** {@code address} lives in the network namespace of process {@code holderPid}. */
    public static void register(String address, long holderPid) {
        HOLDERS.put(address, holderPid);
    }

    public static void unregister(String address) {
        HOLDERS.remove(address);
    }

    /**
     * Runs {@code action} inside the network namespace that holds {@code address}; an address of no lab host (the
     * machine's own, a wildcard) runs it where the thread is.
     */
    public static <T> T inside(String address, SocketAction<T> action) throws IOException {
        Long holder = address == null ? null : HOLDERS.get(address);
        if (holder == null) {
            return action.run();
        }
        int own = open("/proc/thread-self/ns/net");
        try {
            int target = open("/proc/" + holder + "/ns/net");
            try {
                enter(target, address);
            } finally {
                LibC.C.close(target);
            }
            try {
                return action.run();
            } finally {
                if (LibC.C.setns(own, CLONE_NEWNET) != 0) {
                    // a thread left in a host's namespace would open every later socket there
                    throw new IllegalStateException("cannot return to the thread's own network namespace: errno "
                            + Native.getLastError());
                }
            }
        } finally {
            LibC.C.close(own);
        }
    }

    /**
     * A server socket bound to {@code address:port} in the namespace holding {@code address} (with SO_REUSEADDR, as
     * servers set it); a port in use fails with a {@link java.net.BindException} naming it.
     */
    public static ServerSocket listen(String address, int port, int backlog) throws IOException {
        return listenIn(address, address, port, backlog);
    }

    /** A server socket bound to {@code address:port} in the namespace of the host at {@code host} (e.g. its loopback). */
    public static ServerSocket listenIn(String host, String address, int port, int backlog) throws IOException {
        return inside(host, () -> {
            ServerSocket socket = new ServerSocket();
            try {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(address, port), backlog);
                return socket;
            } catch (IOException e) {
                socket.close();
                throw new BindException(address + ":" + port + ": " + e.getMessage());
            }
        });
    }

    /** Like {@link #inside}, for callers that cannot recover from an I/O failure anyway. */
    public static <T> T insideUnchecked(String address, SocketAction<T> action) {
        try {
            return inside(address, action);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void enter(int fd, String address) throws IOException {
        if (LibC.C.setns(fd, CLONE_NEWNET) != 0) {
            throw new IOException("cannot enter the network namespace of " + address + ": errno " + Native.getLastError());
        }
    }

    private static int open(String path) throws IOException {
        int fd = LibC.C.open(path, O_RDONLY);
        if (fd < 0) {
            throw new IOException("cannot open " + path + ": errno " + Native.getLastError());
        }
        return fd;
    }
}
