package dev.ocpha.executor.api;

import dev.ocpha.executor.persistence.StepRunEntity;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/deployments/{id}/step-runs")
@Tag(name = "Step runs")
@Produces(MediaType.APPLICATION_JSON)
public class StepRunResource {

    /** One attempt of one step as this executor group recorded it. */
    public record StepRunView(String stepId, int attempt, String status, String executorId, Integer exitStatus,
                              String error, String outputTail, OffsetDateTime acceptedAt, OffsetDateTime startedAt,
                              OffsetDateTime finishedAt) {
    }

    @GET
    @Operation(summary = "Every attempt of every step of a deployment, with exit status and output tail")
    public List<StepRunView> list(@PathParam("id") String id) {
        UUID deploymentId;
        try {
            deploymentId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No deployment " + id + ".");
        }
        return StepRunEntity.ofDeployment(deploymentId).stream()
                .map(run -> new StepRunView(run.stepId, run.attempt, run.status, run.executorId, run.exitStatus,
                        run.error, run.outputTail, run.acceptedAt, run.startedAt, run.finishedAt))
                .toList();
    }
}
