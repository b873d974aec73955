package dev.ocpha.ssh;

import dev.ocpha.ssh.RemoteException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.xfer.FileSystemFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RemoteExecutor} over sshj. Host keys are checked under a {@link HostKeyPolicy} (a known_hosts file, or keys
 * pinned at first contact): an unknown or changed key is refused. One authenticated connection per (address, port, user) is kept and shared by
 * concurrent calls, one session per call.
 */
public final class SshjRemoteExecutor implements RemoteExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(SshjRemoteExecutor.class);
    /** sshd's default MaxSessions: it refuses more sessions than this on one connection. */
    static final int MAX_SESSIONS_PER_CONNECTION = 10;
    /** Output kept per stream; the rest is read and dropped, so a runaway command cannot exhaust the heap. */
    static final int MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
    /** First line of every command's stderr (see {@link #announcingProcessGroup}); never passed on. */
    static final String PROCESS_GROUP_MARK = "ocpha-pgid:";
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);
    /** How sshd refuses a session beyond MaxSessions ("open failed"): OpenSSH answers connect-failed. */
    private static final java.util.Set<OpenFailException.Reason> REFUSED_WHILE_BUSY = java.util.EnumSet.of(
            OpenFailException.Reason.ADMINISTRATIVELY_PROHIBITED, OpenFailException.Reason.CONNECT_FAILED,
            OpenFailException.Reason.RESOURCE_SHORTAGE);

    private final CredentialStore credentials;
    private final HostKeyPolicy hostKeys;
    private final Duration connectTimeout;
    private final Config config = preferCheapAlgorithms(new DefaultConfig());
    private final ConcurrentMap<PoolKey, PooledConnection> pool = new ConcurrentHashMap<>();
    private final ExecutorService outputReaders = Executors.newCachedThreadPool(daemonThreads("ssh-output-"));
    private volatile boolean closed;

    public SshjRemoteExecutor(CredentialStore credentials, HostKeyPolicy hostKeys, Duration connectTimeout) {
        this.credentials = credentials;
        this.hostKeys = hostKeys;
        this.connectTimeout = connectTimeout;
    }

    /** Host keys from an OpenSSH known_hosts file. */
    public SshjRemoteExecutor(CredentialStore credentials, Path knownHostsFile, Duration connectTimeout) {
        this(credentials, new HostKeyPolicy.KnownHostsFile(knownHostsFile), connectTimeout);
    }

    @Override
    public ExecResult exec(SshTarget target, String command, String stdin, Duration timeout, OutputListener output)
            throws RemoteException {
        long deadline = System.nanoTime() + timeout.toNanos();
        PooledConnection connection = connection(target);
        acquire(connection, target, timeout);
        CompletableFuture<String> processGroup = new CompletableFuture<>();
        try (Session session = connection.open(target, deadline, SSHClient::startSession)) {
            long start = System.nanoTime();
            Session.Command running = session.exec(announcingProcessGroup(command));
            try (OutputStream in = running.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                    in.flush();
                }
            } // EOF on stdin: a command that reads it must not wait for the timeout
            Future<String> stdout = outputReaders.submit(() -> readCapped(running.getInputStream(), OutputListener.Stream.STDOUT, output));
            Future<String> stderr = outputReaders.submit(() -> readCapped(
                    withoutProcessGroupLine(running.getErrorStream(), processGroup), OutputListener.Stream.STDERR, output));
            try {
                String out = stdout.get(remaining(deadline), TimeUnit.NANOSECONDS);
                String err = stderr.get(remaining(deadline), TimeUnit.NANOSECONDS);
                running.join(remaining(deadline), TimeUnit.NANOSECONDS); // the exit status comes before the channel closes
                Integer status = running.getExitStatus();
                return new ExecResult(status == null ? -1 : status, out, err, Duration.ofNanos(System.nanoTime() - start));
            } catch (TimeoutException | IOException e) {
                if (e instanceof IOException && System.nanoTime() - deadline < 0) {
                    throw e;
                }
                kill(connection, target, processGroup); // before the session closes, which waits for the command
                throw timeout(target, timeout);
            }
        } catch (TimeoutException e) {
            throw timeout(target, timeout);
        } catch (ExecutionException e) {
            throw new RemoteException(Kind.TRANSPORT, host(target),
                    "lost the output of a command on " + target + ": " + e.getCause().getMessage(), e.getCause());
        } catch (IOException e) {
            if (System.nanoTime() - deadline >= 0) {
                throw timeout(target, timeout);
            }
            throw new RemoteException(Kind.TRANSPORT, host(target),
                    "running a command on " + target + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(Kind.TRANSPORT, host(target), "interrupted while running a command on " + target, e);
        } finally {
            connection.sessions.release();
        }
    }

    @Override
    public void upload(SshTarget target, Path local, String remotePath) throws RemoteException {
        upload(target, local, remotePath, (Duration) null);
    }

    /** @param timeout bounds each SFTP request (a stalled transfer fails), or null for sshj's default */
    private void upload(SshTarget target, Path local, String remotePath, Duration timeout) throws RemoteException {
        if (!Files.isRegularFile(local)) {
            throw new IllegalArgumentException("no file to upload at " + local);
        }
        PooledConnection connection = connection(target);
        acquire(connection, target, null);
        long deadline = System.nanoTime() + (timeout != null ? timeout : connectTimeout).toNanos();
        try (SFTPClient sftp = connection.open(target, deadline, SSHClient::newSFTPClient)) {
            if (timeout != null) {
                sftp.getSFTPEngine().setTimeoutMs((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
            }
            int slash = remotePath.lastIndexOf('/');
            if (slash > 0) {
                sftp.mkdirs(remotePath.substring(0, slash));
            }
            sftp.put(new FileSystemFile(local.toFile()), remotePath);
        } catch (IOException e) {
            throw new RemoteException(Kind.TRANSPORT, host(target),
                    "upload of " + local.getFileName() + " to " + target + ":" + remotePath + " failed: " + e.getMessage(), e);
        } finally {
            connection.sessions.release();
        }
    }

    @Override
    public void upload(SshTarget target, Path local, String remotePath, String sha256, Duration timeout)
            throws RemoteException {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in hex: '" + sha256 + "'");
        }
        String partial = remotePath + ".part";
        upload(target, local, partial, timeout);
        ExecResult check = exec(target, "sha256sum " + quote(partial) + " | cut -d' ' -f1", timeout);
        String actual = check.stdout().strip();
        if (!check.succeeded() || !actual.equals(sha256)) {
            exec(target, "rm -f " + quote(partial), timeout);
            throw new RemoteException(Kind.CHECKSUM_MISMATCH, host(target), local.getFileName() + " arrived on " + target
                    + " with SHA-256 " + (actual.isEmpty() ? "(unreadable: " + check.stderr().strip() + ")" : actual)
                    + ", expected " + sha256 + "; the partial copy was removed");
        }
        ExecResult moved = exec(target, "mv -f " + quote(partial) + " " + quote(remotePath), timeout);
        if (!moved.succeeded()) {
            throw new RemoteException(Kind.TRANSPORT, host(target), "cannot move the verified " + partial + " into place on "
                    + target + ": " + moved.stderr().strip());
        }
    }

    /** Single-quotes a word for a POSIX shell. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() {
        closed = true;
        pool.values().forEach(PooledConnection::close);
        pool.clear();
        outputReaders.shutdownNow();
    }

    /** Open connections in the pool (for tests). */
    int openConnections() {
        return (int) pool.values().stream().filter(PooledConnection::isOpen).count();
    }

    private PooledConnection connection(SshTarget target) {
        if (closed) {
            throw new IllegalStateException("the remote executor is closed");
        }
        return pool.computeIfAbsent(new PoolKey(target.address(), target.port(), target.user()), k -> new PooledConnection());
    }

    /** @param timeout how long to wait for a free session, or null to wait as long as it takes */
    private static void acquire(PooledConnection connection, SshTarget target, Duration timeout) throws RemoteException {
        try {
            if (timeout == null) {
                connection.sessions.acquire();
            } else if (!connection.sessions.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new RemoteException(Kind.TIMEOUT, host(target), "no session free on " + target + " within "
                        + timeout.toMillis() + " ms: " + MAX_SESSIONS_PER_CONNECTION + " commands are already running there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(Kind.TRANSPORT, host(target), "interrupted while waiting for a session on " + target, e);
        }
    }

    private SSHClient connect(SshTarget target) throws RemoteException {
        Path keyFile = keyFile(target);
        HostKeyChecks.Check hostKeyCheck = HostKeyChecks.forTarget(hostKeys, target);
        SSHClient client = new SSHClient(config);
        client.addHostKeyVerifier(hostKeyCheck);
        client.setConnectTimeout((int) connectTimeout.toMillis());
        try {
            client.connect(target.address(), target.port());
        } catch (IOException e) {
            closeQuietly(client);
            throw connectFailure(target, hostKeyCheck, e);
        }
        try {
            KeyProvider key = client.loadKeys(keyFile.toString());
            key.getPublic(); // parse now, so an unreadable key file is not reported as a refused key
            try {
                client.authPublickey(target.user(), key);
            } catch (UserAuthException e) {
                throw new RemoteException(Kind.AUTHENTICATION_FAILED, host(target),
                        target + " refused the key of credential '" + target.credentialRef() + "'", e);
            }
        } catch (TransportException e) {
            closeQuietly(client);
            throw new RemoteException(Kind.TRANSPORT, host(target), "connection to " + target + " broke while logging in: "
                    + e.getMessage(), e);
        } catch (RemoteException e) {
            closeQuietly(client);
            throw e;
        } catch (IOException e) {
            closeQuietly(client);
            throw new RemoteException(Kind.AUTHENTICATION_FAILED, host(target),
                    "cannot read the private key of credential '" + target.credentialRef() + "' for " + target, e);
        }
        LOG.debug("connected to {}", target);
        return client;
    }

    private Path keyFile(SshTarget target) throws RemoteException {
        Credential credential;
        try {
            credential = credentials.resolve(target.credentialRef());
        } catch (RemoteException e) {
            throw new RemoteException(e.kind(), host(target), e.getMessage() + " (connecting to " + target + ")", e);
        }
        if (credential instanceof Credential.PrivateKeyFile key) {
            return key.path();
        }
        throw new IllegalStateException("unsupported credential type " + credential.getClass().getSimpleName());
    }

    private static RemoteException connectFailure(SshTarget target, HostKeyChecks.Check hostKeyCheck, IOException e) {
        if (hostKeyCheck.rejection() != null) {
            return hostKeyCheck.rejection();
        }
        if (e instanceof TransportException t && t.getDisconnectReason() == DisconnectReason.HOST_KEY_NOT_VERIFIABLE) {
            return new RemoteException(Kind.HOST_KEY_MISMATCH, host(target),
                    "the host key of " + target + " is revoked in the known_hosts file; refusing to connect", e);
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof NoRouteToHostException
                    || c instanceof UnknownHostException || c instanceof SocketTimeoutException) {
                return new RemoteException(Kind.UNREACHABLE, host(target),
                        "cannot connect to " + target + ": " + c.getMessage(), e);
            }
        }
        return new RemoteException(Kind.TRANSPORT, host(target), "SSH handshake with " + target + " failed: " + e.getMessage(), e);
    }

    /**
     * sshd starts each command in a process group of its own (setsid), and closing the channel does not stop a command
     * that runs without a terminal (OpenSSH only closes its pipes; it refuses the "signal" request for root sessions,
     * which run without privilege separation). So every command first tells its process group on stderr, and an
     * abandoned one is killed, with its children, from a second session.
     */
    static String announcingProcessGroup(String command) {
        return "printf '" + PROCESS_GROUP_MARK + "%s\\n' \"$$\" >&2; " + command;
    }

    /** The command's stderr without the announcing line, whose process group id completes {@code processGroup}. */
    private static InputStream withoutProcessGroupLine(InputStream stderr, CompletableFuture<String> processGroup)
            throws IOException {
        java.io.ByteArrayOutputStream first = new java.io.ByteArrayOutputStream();
        for (int b; (b = stderr.read()) >= 0 && b != '\n' && first.size() < 64; ) {
            first.write(b);
        }
        String line = first.toString(StandardCharsets.UTF_8);
        if (line.startsWith(PROCESS_GROUP_MARK) && line.substring(PROCESS_GROUP_MARK.length()).matches("[0-9]+")) {
            processGroup.complete(line.substring(PROCESS_GROUP_MARK.length()));
            return stderr;
        }
        processGroup.complete(null);
        return new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(first.toByteArray()), stderr);
    }

    private void kill(PooledConnection connection, SshTarget target, CompletableFuture<String> processGroup) {
        String group = processGroup.getNow(null);
        if (group == null) {
            return;
        }
        long deadline = System.nanoTime() + KILL_TIMEOUT.toNanos();
        try (Session session = connection.open(target, deadline, SSHClient::startSession)) {
            Session.Command kill = session.exec("kill -KILL -- -" + group + " 2>/dev/null; true");
            kill.join(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | RemoteException e) {
            LOG.warn("could not kill the abandoned command (process group {}) on {}: {}", group, target, e.toString());
        }
    }

    private static RemoteException timeout(SshTarget target, Duration timeout) {
        return new RemoteException(Kind.TIMEOUT, host(target), "a command on " + target + " did not finish within "
                + timeout.toMillis() + " ms; it was abandoned and its session closed");
    }

    private static String host(SshTarget target) {
        return target.address() + ":" + target.port();
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Reads a stream to its end, keeping at most {@link #MAX_OUTPUT_BYTES} chars and passing every chunk on. */
    private static String readCapped(InputStream in, OutputListener.Stream stream, OutputListener listener)
            throws IOException {
        StringBuilder kept = new StringBuilder();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buffer = new char[8 * 1024];
        for (int n; (n = reader.read(buffer)) >= 0; ) {
            kept.append(buffer, 0, Math.min(n, MAX_OUTPUT_BYTES - kept.length()));
            if (n > 0) {
                listener.onOutput(stream, new String(buffer, 0, n));
            }
        }
        return kept.toString();
    }

    /**
     * On small machines the handshake's CPU cost limits fan-out, and curve25519-sha256 is the cheapest key exchange;
     * AES-GCM runs on the JDK's AES instructions and moved installation media ~30 % faster than ChaCha20 here.
     */
    private static Config preferCheapAlgorithms(DefaultConfig config) {
        config.setKeyExchangeFactories(first("curve25519-sha256", config.getKeyExchangeFactories()));
        config.setCipherFactories(first("aes128-gcm@openssh.com", config.getCipherFactories()));
        return config;
    }

    private static <F extends Factory.Named<?>> List<F> first(String name, List<F> factories) {
        List<F> sorted = new ArrayList<>(factories);
        sorted.sort(Comparator.comparing(f -> !name.equals(f.getName())));
        return sorted;
    }

    private static void closeQuietly(SSHClient client) {
        try {
            if (client != null) {
                client.close();
            }
        } catch (IOException ignored) {
            // already broken: nothing to release
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private record PoolKey(String address, int port, String user) {
    }

    @FunctionalInterface
    private interface Opener<T> {
        T open(SSHClient client) throws IOException;
    }

    /** One authenticated connection, re-opened when it broke since its last use. */
    private final class PooledConnection {
        final Semaphore sessions = new Semaphore(MAX_SESSIONS_PER_CONNECTION);
        private SSHClient client;

        /**
         * Opens a session; if the pooled connection turns out dead (not merely refusing), retries once on a new one.
         * sshd refuses a session ("open failed") while {@code MaxSessions} are open, and a session this
         * side has closed may still count there for a moment: such a refusal is retried until {@code deadline}.
         */
        <T> T open(SshTarget target, long deadline, Opener<T> opener) throws RemoteException, IOException {
            long pauseMs = 5;
            boolean reconnected = false;
            while (true) {
                SSHClient current = client(target);
                try {
                    return opener.open(current);
                } catch (OpenFailException refused) {
                    if (!REFUSED_WHILE_BUSY.contains(refused.getReason())
                            || System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMs) - deadline >= 0) {
                        throw refused;
                    }
                    pause(pauseMs);
                    pauseMs = Math.min(200, pauseMs * 2);
                } catch (IOException stale) {
                    if (reconnected) {
                        throw stale;
                    }
                    LOG.debug("connection to {} went stale, reconnecting", target);
                    drop(current);
                    reconnected = true;
                }
            }
        }

        private static void pause(long ms) throws IOException {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for a free session");
            }
        }

        synchronized SSHClient client(SshTarget target) throws RemoteException {
            if (client == null || !client.isConnected() || !client.isAuthenticated()) {
                closeQuietly(client);
                client = null;
                client = connect(target);
            }
            return client;
        }

        synchronized boolean isOpen() {
            return client != null && client.isConnected();
        }

        synchronized void drop(SSHClient broken) {
            if (client == broken) {
                closeQuietly(client);
                client = null;
            }
        }

        synchronized void close() {
            closeQuietly(client);
            client = null;
        }
    }
}
