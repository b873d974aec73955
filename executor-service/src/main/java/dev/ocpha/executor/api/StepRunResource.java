package dev.ocpha.executor.api;

import dev.ocpha.executor.persistence.StepRunEntity;
import dev.ocpha.executor.persistence.StepTryEntity;
import dev.ocpha.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/deployments/{id}/step-runs")
@Tag(name = "Step runs", description = "What the executors did for each step")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "token")
@RolesAllowed(Roles.VIEWER)
public class StepRunResource {

    /** One attempt of one step as the executor group recorded it, with its tries. */
    public record StepRunView(String stepId, String kind, String host, int attempt, String status, String executorId,
                              String acceptedBy, int tries, int takeovers, Integer exitStatus, String error,
                              Boolean retryable, Long durationMillis, String outputTail, OffsetDateTime acceptedAt,
                              OffsetDateTime startedAt, OffsetDateTime finishedAt, List<TryView> tryLog,
                              ActionView operatorAction) {
    }

    /** The operator action a run asked for: when, and who reported it done with what note. */
    public record ActionView(String actionId, OffsetDateTime requestedAt, OffsetDateTime completedAt,
                             String completedBy, String note) {
    }

    /** One try: which executor, how it ended, how long it took. */
    public record TryView(int number, String executorId, Integer exitStatus, String error, Boolean retryable,
                          long durationMillis, OffsetDateTime finishedAt) {
    }

    @GET
    @Operation(operationId = "listStepRuns", summary = "Every attempt of every step of a deployment: tries, exit status, duration, output tail")
    @APIResponse(responseCode = "200", description = "The step runs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = StepRunView.class)))
    @APIResponse(responseCode = "404", description = "No step of this deployment reached the executors")
    public List<StepRunView> list(@PathParam("id") String id) {
        UUID deploymentId;
        try {
            deploymentId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No deployment " + id + ": deployment ids are UUIDs.");
        }
        List<StepRunEntity> runs = StepRunEntity.ofDeployment(deploymentId);
        if (runs.isEmpty()) {
            throw new NotFoundException("No step of deployment " + id + " reached the executors.");
        }
        return runs.stream()
                .map(run -> new StepRunView(run.stepId, run.kind, run.host, run.attempt, run.status, run.executorId,
                        run.acceptedBy, run.tries, run.takeovers, run.exitStatus, run.error, run.retryable,
                        run.durationMillis, run.outputTail, run.acceptedAt, run.startedAt, run.finishedAt,
                        StepTryEntity.ofRun(run.id).stream()
                                .map(t -> new TryView(t.tryNumber, t.executorId, t.exitStatus, t.error, t.retryable,
                                        t.durationMillis, t.finishedAt))
                                .toList(),
                        run.actionId == null ? null : new ActionView(run.actionId, run.actionRequestedAt,
                                run.actionCompletedAt, run.actionCompletedBy, run.actionNote)))
                .toList();
    }
}
