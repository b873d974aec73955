package dev.ocpha.executor.domain;

import dev.ocpha.executor.config.ExecutorConfig;
import dev.ocpha.executor.domain.StepOutcomes.Claimed;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Claims accepted (or orphaned) step runs from the shared table and runs them on a bounded pool, so the Kafka poll
 * loop never waits for a host. Holds a lease per run and renews it by heartbeat; a run whose lease was taken over
 * by another executor is cancelled here. Idle, it looks for runs nobody holds every poll interval; an accepted
 * command or a freed slot wakes it at once.
 */
@ApplicationScoped
public class StepDispatcher {

    private static final Logger LOG = Logger.getLogger(StepDispatcher.class);

    private final StepOutcomes outcomes;
    private final StepAttempts attempts;
    private final ExecutorConfig config;
    private final Semaphore slots;
    private final Semaphore wakeups = new Semaphore(0);
    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    private ExecutorService pool;
    private ScheduledExecutorService scheduler;
    private Thread loop;
    private volatile boolean active;

    private record Running(Claimed claimed, AtomicBoolean cancelled, Future<?> future) {
    }

    public StepDispatcher(StepOutcomes outcomes, StepAttempts attempts, ExecutorConfig config) {
        this.outcomes = outcomes;
        this.attempts = attempts;
        this.config = config;
        this.slots = new Semaphore(config.maxConcurrentSteps());
    }

    void onStart(@Observes StartupEvent event) {
        // runs held under this id belong to a former incarnation, which is gone: free them now, not at lease expiry
        int released = outcomes.releaseAll(config.id());
        if (released > 0) {
            LOG.infof("released %d step runs a former %s held; they are claimed again", released, config.id());
        }
        pool = Executors.newFixedThreadPool(config.maxConcurrentSteps(), threads("step-"));
        scheduler = Executors.newScheduledThreadPool(2, threads("step-timer-"));
        long beat = config.lease().heartbeat().toMillis();
        scheduler.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        active = true;
        loop = threads("step-dispatcher-").newThread(this::dispatch);
        loop.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (!active) {
            return;
        }
        active = false;
        wakeUp();
        running.values().forEach(run -> run.cancelled().set(true));
        pool.shutdownNow();
        scheduler.shutdownNow();
        try {
            loop.join(5_000);
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // hand the unfinished runs over at once instead of after the lease
        outcomes.releaseAll(config.id());
    }

    /** A command was accepted or a slot freed: look for work now. */
    public void wakeUp() {
        wakeups.release();
    }

    /** Runs this instance holds now. */
    public int runningCount() {
        return running.size();
    }

    private void dispatch() {
        while (active) {
            try {
                int free = slots.availablePermits();
                if (free > 0) {
                    List<Claimed> claimed = outcomes.claim(config.id(), free, config.lease().duration());
                    claimed.forEach(this::start);
                }
                wakeups.tryAcquire(config.lease().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("claiming step runs failed, trying again: %s", e.getMessage());
                sleepQuietly(config.lease().pollInterval().toMillis());
            }
        }
    }

    private void start(Claimed claimed) {
        slots.acquireUninterruptibly(); // only this thread takes slots, and it claimed no more than were free
        AtomicBoolean cancelled = new AtomicBoolean();
        UUID token = claimed.run().claimToken();
        FutureTask<Void> task = new FutureTask<>(() -> {
            try {
                attempts.run(claimed, cancelled, scheduler);
            } catch (RuntimeException e) {
                LOG.errorf(e, "step %s stopped unexpectedly; its lease expires and another executor takes it over",
                        claimed.request().stepId());
            } finally {
                running.remove(token);
                slots.release();
                wakeUp();
            }
        }, null);
        running.put(token, new Running(claimed, cancelled, task)); // before it runs, so its own removal comes after
        pool.execute(task);
    }

    private void heartbeat() {
        try {
            Set<UUID> mine = Set.copyOf(running.keySet());
            Set<UUID> held = outcomes.renew(config.id(), mine, config.lease().duration());
            for (UUID token : mine) {
                Running run = running.get(token);
                if (!held.contains(token) && run != null && !run.future().isDone()) {
                    LOG.warnf("lost the lease of step %s to another executor; stopping it here",
                            run.claimed().request().stepId());
                    run.cancelled().set(true);
                    run.future().cancel(true);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("renewing step leases failed: %s", e.getMessage());
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
