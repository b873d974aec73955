package dev.ocpha.lab.standins;

import dev.ocpha.lab.net.HostNetworks;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fleet's stand-in server. Each stand-in tool on a host is a small bash client (written by {@link #writeClient})
 * that connects to 127.0.0.1:{@link #port()} with bash's {@code /dev/tcp} and sends, NUL-separated (the server listens
 * on that port on the machine's loopback and on each host's own, in the host's network namespace):
 * {@code LAB2, host token, tool, cwd, argc, args…, the output of declare -x}. The server then drives the client with
 * lines whose payload is escaped for bash's {@code printf %b} ({@link ToolCall#escape}): {@code 1 <text>} (stdout),
 * {@code 2 <text>} (stderr), {@code I} (send your stdin, base64 on one line), {@code R <argv> <env>} (run a real
 * program with your stdio, reply {@code R <status>}), {@code C <argv>} (run and reply {@code C <status> <bytes>\n}
 * and the output), and finally {@code X <status>}. Arguments travel NUL-separated, so no shell re-parses them.
 * Every call ends in the host's journal.
 */
public final class ControlServer implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerSocket socket;
    private final Map<String, ServerSocket> insideHosts = new ConcurrentHashMap<>();
    private final Map<String, HostRuntime> hosts = new ConcurrentHashMap<>();
    private final Map<String, StandIn> tools = new LinkedHashMap<>();
    private final java.util.Set<String> containerOnly = new java.util.HashSet<>();
    private final java.util.Set<String> packaged = new java.util.HashSet<>();
    private final ExecutorService calls;
    private volatile boolean closed;

    public ControlServer() {
        AtomicInteger count = new AtomicInteger();
        calls = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lab-call-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the lab control server", e);
        }
        accept(socket, "lab-control-" + socket.getLocalPort());
    }

    /** Listens on the loopback of the host holding {@code address} too, where its clients connect (once per host). */
    public void listenInside(String address) {
        insideHosts.computeIfAbsent(address, a -> {
            ServerSocket inside;
            try {
                inside = HostNetworks.listenIn(a, InetAddress.getLoopbackAddress().getHostAddress(), port(), 200);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the lab control server inside " + a, e);
            }
            accept(inside, "lab-control-" + a);
            return inside;
        });
    }

    /** Stops listening inside the host at {@code address} (the host is going away). */
    public void stopListeningInside(String address) {
        ServerSocket inside = insideHosts.remove(address);
        if (inside != null) {
            try {
                inside.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private void accept(ServerSocket listening, String threadName) {
        Thread accept = new Thread(() -> acceptLoop(listening), threadName);
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public synchronized void tool(String name, StandIn standIn) {
        tools.put(name, standIn);
    }

    /** A tool that exists only inside containers ({@code docker exec}), not on the host's PATH. */
    public synchronized void containerTool(String name, StandIn standIn) {
        tools.put(name, standIn);
        containerOnly.add(name);
    }

    /**
     * A tool that a package's own program hands over to (the RPMs' {@code bin/observer}, {@code bin/obproxy}): its
     * client sits in {@code /opt/lab/libexec}, off the PATH, so a host has the program only once the package is installed.
     */
    public synchronized void packagedTool(String name, StandIn standIn) {
        tools.put(name, standIn);
        packaged.add(name);
    }

    /** The tools on every host's PATH. */
    public synchronized List<String> toolNames() {
        return tools.keySet().stream().filter(t -> !containerOnly.contains(t) && !packaged.contains(t)).toList();
    }

    /** The tools whose clients go into {@code /opt/lab/libexec}. */
    public synchronized List<String> packagedToolNames() {
        return List.copyOf(packaged);
    }

    /** The registered host with this address, if any. */
    public Optional<HostRuntime> hostAt(String address) {
        return hosts.values().stream().filter(h -> h.address().equals(address)).findFirst();
    }

    /** Registers a host; the returned token, baked into its clients, tells the server which host calls. */
    public String register(HostRuntime host) {
        String token = HexFormat.of().formatHex(RANDOM.generateSeed(12));
        hosts.put(token, host);
        return token;
    }

    /**
     * Writes the bash client of {@code tool} into {@code dir} (mode 755). It uses bash builtins only on the common path
     * (no {@code env}, no {@code base64}): every process started costs tens of milliseconds on a loaded 2-core machine.
     */
    public void writeClient(Path dir, String tool, String token) {
        String script = """
                #!/bin/bash
                # Lab stand-in "%1$s": a thin client of the lab control server, which emulates the tool (see docs/lab.md).
                LC_ALL=C
                exec 3<>/dev/tcp/127.0.0.1/%2$d || { echo "%1$s: the lab control server is not reachable" >&2; exit 127; }
                { printf 'LAB2\\0%%s\\0%%s\\0%%s\\0%%s\\0' '%3$s' '%1$s' "$PWD" "$#"; [ $# -gt 0 ] && printf '%%s\\0' "$@"; declare -x; printf '\\0'; } >&3
                while IFS= read -r line <&3; do
                  op=${line%%%% *} a=${line#* } b=${a#* } a=${a%%%% *}
                  case "$op" in
                    1) printf '%%b' "$a" ;;
                    2) printf '%%b' "$a" >&2 ;;
                    I) { base64 -w 0; printf '\\n'; } >&3 ;;
                    R) ( while IFS= read -r -d '' kv; do [ -n "$kv" ] && export "$kv"; done < <(printf '%%b' "$b")
                         mapfile -d '' -t argv < <(printf '%%b' "$a"); exec 3>&-; exec "${argv[@]}" )
                       printf 'R %%s\\n' "$?" >&3 ;;
                    C) mapfile -d '' -t argv < <(printf '%%b' "$a")
                       out=$("${argv[@]}" 3>&- 2>&1 </dev/null; s=$?; printf x; exit $s); s=$?; out=${out%%x}
                       printf 'C %%s %%s\\n%%s' "$s" "${#out}" "$out" >&3 ;;
                    X) exit "$a" ;;
                  esac
                done
                echo "%1$s: the lab control server ended the call" >&2
                exit 255
                """.formatted(tool, port(), token);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(tool);
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stand-in " + tool + " into " + dir, e);
        }
    }

    private void acceptLoop(ServerSocket listening) {
        while (!closed && !listening.isClosed()) {
            try {
                Socket client = listening.accept();
                calls.execute(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            BufferedInputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            if (!"LAB2".equals(ToolCall.readToken(in))) {
                return;
            }
            HostRuntime host = hosts.get(ToolCall.readToken(in));
            String tool = ToolCall.readToken(in);
            String cwd = ToolCall.readToken(in);
            int argc = Integer.parseInt(ToolCall.readToken(in));
            List<String> args = new ArrayList<>(argc);
            for (int i = 0; i < argc; i++) {
                args.add(ToolCall.readToken(in));
            }
            Map<String, String> env = DeclareX.parse(ToolCall.readToken(in));
            StandIn standIn;
            synchronized (this) {
                standIn = tools.get(tool);
            }
            ToolCall call = new ToolCall(host, tool, List.copyOf(args), env, cwd, in, out);
            if (host == null || standIn == null) {
                call.err(tool + ": not a tool of this lab host\n");
                call.exit(127);
                return;
            }
            answer(host, standIn, call);
        } catch (IOException | RuntimeException e) {
            // a client that went away or sent garbage: nothing to answer
        }
    }

    private static void answer(HostRuntime host, StandIn standIn, ToolCall call) throws IOException {
        ToolFaults.Outcome fault = host.faults().before(call.tool());
        int status;
        if (fault == ToolFaults.Outcome.HANG) {
            host.journal().record(call.tool(), call.args(), -1, "hang fault: never returned");
            call.awaitClientGone();
            return;
        }
        if (fault == ToolFaults.Outcome.FAIL) {
            status = call.fail(1, call.tool() + ": lab fault: injected failure");
        } else {
            try {
                status = standIn.run(call);
            } catch (IOException e) {
                host.journal().record(call.tool(), call.args(), 255, "client went away: " + e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                status = call.fail(70, call.tool() + ": lab stand-in error: " + e.getMessage());
            }
        }
        host.journal().record(call.tool(), call.args(), status, call.summary());
        call.exit(status);
    }

    @Override
    public void close() {
        closed = true;
        List<ServerSocket> listening = new ArrayList<>(insideHosts.values());
        listening.add(socket);
        for (ServerSocket s : listening) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        calls.shutdownNow();
    }
}
