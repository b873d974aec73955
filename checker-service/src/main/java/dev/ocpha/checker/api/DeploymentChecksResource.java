package dev.ocpha.checker.api;

import dev.ocpha.checker.domain.UnknownRunException;
import dev.ocpha.checker.persistence.CheckRunEntity;
import dev.ocpha.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/deployments/{id}/checks")
@Tag(name = "Environment checks", description = "Check hosts before OCP is installed, re-check, auto-fix")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "token")
@RolesAllowed(Roles.VIEWER)
public class DeploymentChecksResource {

    @GET
    @Transactional
    @Operation(operationId = "getDeploymentChecks", summary = "A deployment's environment checks: the latest run in full and the history")
    @APIResponse(responseCode = "200", description = "The checks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentChecksView.class)))
    @APIResponse(responseCode = "404", description = "No check of this deployment")
    public DeploymentChecksView get(@PathParam("id") String id) {
        List<CheckRunEntity> runs = CheckRunEntity.ofDeployment(Ids.parse(id, "deployment"));
        if (runs.isEmpty()) {
            throw new UnknownRunException("No environment check for deployment " + id + ".");
        }
        return new DeploymentChecksView(id, CheckRunViews.full(runs.get(0)),
                runs.stream().map(CheckRunViews::summary).toList());
    }
}
