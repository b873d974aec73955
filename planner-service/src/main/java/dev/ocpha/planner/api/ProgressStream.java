package dev.ocpha.planner.api;

import dev.ocpha.planner.config.PlannerConfig;
import dev.ocpha.planner.persistence.DeploymentEntity;
import dev.ocpha.planner.persistence.DeploymentEventEntity;
import dev.ocpha.platform.api.DatabaseOutage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deployment's progress log as server-sent events: the stored history first, then new entries as they are
 * committed (polled), until the deployment settles. Each event's id is its sequence number, for Last-Event-ID.
 * When the database becomes unreachable the stream ends with a {@value #RECONNECT} event (no id, so the client's
 * Last-Event-ID stays the last progress it got) whose {@code retry} is the outage's Retry-After.
 */
@ApplicationScoped
public class ProgressStream {

    static final String RECONNECT = "reconnect";
    private static final int BATCH = 500;

    private final Duration poll;
    private final DatabaseOutage database;

    public ProgressStream(PlannerConfig config, DatabaseOutage database) {
        this.poll = config.eventsPollInterval();
        this.database = database;
    }

    private record Batch(List<DeploymentEventEntity> events, boolean last) {
    }

    Multi<OutboundSseEvent> stream(UUID deploymentId, long afterSeq, Sse sse) {
        AtomicLong seen = new AtomicLong(afterSeq);
        AtomicBoolean first = new AtomicBoolean(true);
        return Multi.createBy().repeating()
                .uni(() -> {
                    Uni<Batch> batch = Uni.createFrom().item(() -> next(deploymentId, seen))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                    return first.getAndSet(false) ? batch
                            : Uni.createFrom().voidItem().onItem().delayIt().by(poll).chain(() -> batch);
                })
                .whilst(batch -> !batch.last())
                .onItem().transformToIterable(Batch::events)
                .map(event -> sse.newEventBuilder().id(Long.toString(event.seq)).name(event.type)
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(event.data).build())
                .onFailure(DatabaseOutage::isConnectionFailure).recoverWithMulti(failure -> {
                    database.failed(failure);
                    return Multi.createFrom().item(reconnect(sse));
                });
    }

    private OutboundSseEvent reconnect(Sse sse) {
        long seconds = database.retryAfterSeconds();
        return sse.newEventBuilder().name(RECONNECT).reconnectDelay(seconds * 1000)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data("{\"reason\":\"database-unavailable\",\"retryAfterSeconds\":" + seconds + "}").build();
    }

    private static Batch next(UUID deploymentId, AtomicLong seen) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // Read the status first: entries committed with a settling status are then certainly in this batch.
            DeploymentEntity deployment = DeploymentEntity.findById(deploymentId);
            boolean settled = deployment == null || deployment.status.settled();
            List<DeploymentEventEntity> events = DeploymentEventEntity.after(deploymentId, seen.get(), BATCH);
            if (!events.isEmpty()) {
                seen.set(events.get(events.size() - 1).seq);
            }
            return new Batch(events, settled && events.size() < BATCH);
        });
    }
}
