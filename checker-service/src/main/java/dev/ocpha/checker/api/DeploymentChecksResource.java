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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/deployments/{id}/checks")
@Tag(name = "Environment checks")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "token")
@RolesAllowed(Roles.VIEWER)
public class DeploymentChecksResource {

    @GET
    @Transactional
    @Operation(summary = "A deployment's environment checks: the latest run in full and the history")
    public DeploymentChecksView get(@PathParam("id") String id) {
        List<CheckRunEntity> runs = CheckRunEntity.ofDeployment(Ids.parse(id, "deployment"));
        if (runs.isEmpty()) {
            throw new UnknownRunException("No environment check for deployment " + id + ".");
        }
        return new DeploymentChecksView(id, CheckRunViews.full(runs.get(0)),
                runs.stream().map(CheckRunViews::summary).toList());
    }
}
