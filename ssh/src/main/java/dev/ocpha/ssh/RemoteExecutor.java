package dev.ocpha.ssh;

import java.nio.file.Path;
import java.time.Duration;

/** The one way the system acts on hosts. Thread-safe. */
public interface RemoteExecutor extends AutoCloseable {

    /**
     * Runs {@code command} with the host's shell; a non-zero exit is a result, not an exception. {@code timeout}
     * bounds the whole call (waiting for a free session, connecting, running); a command still running then is
     * abandoned, its session closed, and TIMEOUT thrown.
     */
    ExecResult exec(SshTarget target, String command, Duration timeout) throws RemoteException;

    /** Copies a local file to {@code remotePath} over SFTP, creating missing parent directories. */
    void upload(SshTarget target, Path local, String remotePath) throws RemoteException;

    @Override
    void close();
}
