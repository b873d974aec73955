package dev.ocpha.ssh;

import java.nio.file.Path;
import java.time.Duration;

/** The one way the system acts on hosts. Thread-safe. */
public interface RemoteExecutor extends AutoCloseable {

    /** Runs {@code command} with nothing on its standard input; see {@link #exec(SshTarget, String, String, Duration, OutputListener)}. */
    default ExecResult exec(SshTarget target, String command, Duration timeout) throws RemoteException {
        return exec(target, command, null, timeout, OutputListener.NONE);
    }

    /** Runs {@code command} with {@code stdin} on its standard input; see the full form. */
    default ExecResult exec(SshTarget target, String command, String stdin, Duration timeout) throws RemoteException {
        return exec(target, command, stdin, timeout, OutputListener.NONE);
    }

    /**
     * Runs {@code command} with the host's shell; a non-zero exit is a result, not an exception. {@code stdin}
     * (null for none) is written to the command's standard input, then EOF: it is how secrets reach a host, since a
     * command line is visible to every user of the host and in its process list. {@code output} sees stdout and
     * stderr as they arrive. {@code timeout} bounds the whole call (waiting for a free session, connecting, running);
     * a command still running then is abandoned, its session closed, and TIMEOUT thrown.
     */
    ExecResult exec(SshTarget target, String command, String stdin, Duration timeout, OutputListener output)
            throws RemoteException;

    /** Copies a local file to {@code remotePath} over SFTP, creating missing parent directories. */
    void upload(SshTarget target, Path local, String remotePath) throws RemoteException;

    /**
     * Copies a local file next to {@code remotePath}, checks its SHA-256 on the host ({@code sha256sum}) and only
     * then moves it into place, so {@code remotePath} is either absent, the old file, or the verified new one.
     *
     * @throws RemoteException of kind CHECKSUM_MISMATCH when the host's copy differs from {@code sha256}
     */
    void upload(SshTarget target, Path local, String remotePath, String sha256, Duration timeout) throws RemoteException;

    @Override
    void close();
}
