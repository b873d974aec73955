package dev.ocpha.ssh;

import java.time.Duration;

/** What a remote command did. {@code exitStatus} is -1 when the host reported none (e.g. killed by a signal). */
public record ExecResult(int exitStatus, String stdout, String stderr, Duration duration) {
    public boolean succeeded() {
        return exitStatus == 0;
    }
}
