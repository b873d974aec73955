package dev.ocpha.ssh;

/** Sees a remote command's output while it runs, in chunks as they arrive; called from reader threads. */
@FunctionalInterface
public interface OutputListener {

    OutputListener NONE = (stream, text) -> { };

    enum Stream { STDOUT, STDERR }

    void onOutput(Stream stream, String text);
}
