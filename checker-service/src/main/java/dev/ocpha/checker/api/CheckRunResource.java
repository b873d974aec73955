package dev.ocpha.checker.api;

import dev.ocpha.checker.persistence.CheckResultEntity;
import dev.ocpha.checker.persistence.CheckRunEntity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/deployments/{id}/checks")
@Tag(name = "Environment checks")
@Produces(MediaType.APPLICATION_JSON)
public class CheckRunResource {

    @GET
    @Operation(summary = "The environment check of a deployment, per host and check")
    public CheckRunView get(@PathParam("id") String id) {
        CheckRunEntity run;
        try {
            run = CheckRunEntity.ofDeployment(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            run = null;
        }
        if (run == null) {
            throw new NotFoundException("No environment check for deployment " + id + ".");
        }
        return new CheckRunView(run.id.toString(), id, run.status, run.passed, run.startedAt, run.finishedAt,
                CheckResultEntity.ofRun(run.id).stream()
                        .map(r -> new CheckRunView.Result(r.host, r.checkName, r.status, r.observed, r.expected,
                                r.message, r.remediation))
                        .toList());
    }
}
