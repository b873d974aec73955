package dev.ocpha.executor.domain;

import dev.ocpha.executor.config.ExecutorConfig;
import dev.ocpha.platform.messaging.Correlation;
import dev.ocpha.ssh.OutputListener;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A step run's output on its way to {@code StepProgressed} events: whole lines only (so a secret is never split
 * across two events and missed by the {@link Redactor}), at most one event per stream per interval, each cut to
 * its last {@code maxChars}, and at most {@code maxEvents} per attempt. Everything also feeds a bounded output tail.
 */
final class ProgressStream implements OutputListener, AutoCloseable {

    static final int TAIL_CHARS = 4000;

    /** Where the events go: deployment, step, attempt and numbering are the caller's. */
    interface Sink {
        void publish(int seq, String stream, String text);
    }

    private final Sink sink;
    private final Redactor redactor;
    private final ExecutorConfig.Progress limits;
    private final Map<Stream, StringBuilder> pending = new EnumMap<>(Stream.class);
    private final StringBuilder tail = new StringBuilder();
    private final ScheduledFuture<?> timer;
    private final String correlationId;
    private final String causationId;
    private int seq;
    private boolean capped;

    /** Created on the step's thread: the events carry its correlation and causation, whichever thread flushes. */
    ProgressStream(Sink sink, Redactor redactor, ExecutorConfig.Progress limits, ScheduledExecutorService scheduler) {
        this.correlationId = Correlation.correlationId();
        this.causationId = Correlation.causationId();
        this.sink = sink;
        this.redactor = redactor;
        this.limits = limits;
        long every = Math.max(50, limits.interval().toMillis());
        this.timer = scheduler.scheduleWithFixedDelay(() -> flush(false), every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void onOutput(Stream stream, String text) {
        pending.computeIfAbsent(stream, s -> new StringBuilder()).append(text);
        tail.append(text);
        if (tail.length() > 2 * TAIL_CHARS) {
            tail.delete(0, tail.length() - TAIL_CHARS);
        }
    }

    /** The last {@value #TAIL_CHARS} characters of output, secrets redacted. */
    synchronized String tail() {
        String redacted = redactor.redact(tail.toString());
        return redacted.length() <= TAIL_CHARS ? redacted : redacted.substring(redacted.length() - TAIL_CHARS);
    }

    synchronized void flush(boolean everything) {
        for (Map.Entry<Stream, StringBuilder> entry : pending.entrySet()) {
            StringBuilder buffer = entry.getValue();
            int end = everything ? buffer.length() : buffer.lastIndexOf("\n") + 1;
            if (end == 0 && buffer.length() > limits.maxChars() * 4) {
                end = buffer.length(); // one endless line: send it rather than grow
            }
            if (end <= 0) {
                continue;
            }
            String text = redactor.redact(buffer.substring(0, end));
            buffer.delete(0, end);
            send(entry.getKey().name().toLowerCase(), text);
        }
    }

    private void send(String stream, String text) {
        if (capped || text.isBlank()) {
            return;
        }
        if (seq >= limits.maxEvents() - 1) {
            capped = true;
            publish(stream, "[executor] output beyond " + limits.maxEvents()
                    + " progress events is kept only in the step run's output tail\n");
            return;
        }
        String cut = text.length() <= limits.maxChars() ? text
                : "…" + text.substring(text.length() - limits.maxChars() + 1);
        publish(stream, cut);
    }

    private void publish(String stream, String text) {
        try (Correlation.Scope ignored = Correlation.open(correlationId, causationId)) {
            sink.publish(++seq, stream, text);
        }
    }

    @Override
    public void close() {
        timer.cancel(false);
        flush(true);
    }
}
