package dev.ocpha.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * An exec request run as a real process inside the host's namespace: channel streams pumped to and from it, its exit
 * status sent back. The slow-host fault delays the start, off the SSH I/O thread.
 */
final class ProcessCommand implements Command {
    private final LabHost host;
    private final String command;
    private final ExecutorService pumps;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile Process process;
    private volatile boolean destroyed;

    ProcessCommand(LabHost host, String command, ExecutorService pumps) {
        this.host = host;
        this.command = command;
        this.pumps = pumps;
    }

    @Override public void setInputStream(InputStream in) { this.in = in; }
    @Override public void setOutputStream(OutputStream out) { this.out = out; }
    @Override public void setErrorStream(OutputStream err) { this.err = err; }
    @Override public void setExitCallback(ExitCallback exit) { this.exit = exit; }

    @Override
    public void start(ChannelSession channel, Environment env) {
        pumps.execute(() -> {
            Process p;
            try {
                long latency = host.latency().toMillis();
                if (latency > 0) {
                    Thread.sleep(latency);
                }
                if (destroyed) {
                    return;
                }
                p = host.startProcess(command, env.getEnv());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                try {
                    err.write(("lab: cannot run the command: " + e.getMessage() + "\n").getBytes());
                    err.flush();
                } catch (IOException ignored) {
                    // the channel is gone too
                }
                exit.onExit(255);
                return;
            }
            process = p;
            pumps.execute(() -> {
                pump(in, p.getOutputStream());
                closeQuietly(p.getOutputStream()); // the client's EOF becomes the process's EOF
            });
            Future<?> stderr = pumps.submit(() -> pump(p.getErrorStream(), err));
            pump(p.getInputStream(), out);
            int status;
            try {
                stderr.get();
                status = p.waitFor();
            } catch (Exception e) {
                status = 255;
            }
            exit.onExit(status);
        });
    }

    /**
     * The channel closed. A command still running was abandoned by the client (timeout, disconnect, host stop):
     * kill it with its children. A command that already finished keeps whatever it started in the background,
     * as sshd does for {@code nohup … &}.
     */
    @Override
    public void destroy(ChannelSession channel) {
        destroyed = true;
        Process p = process;
        if (p != null && p.isAlive()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        closeQuietly(in);
    }

    private static void pump(InputStream from, OutputStream to) {
        byte[] buffer = new byte[32 * 1024];
        try {
            for (int n; (n = from.read(buffer)) >= 0; ) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // the other side is gone: the process exited or the channel closed
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception ignored) {
            // nothing left to do with a stream that cannot close
        }
    }
}
