package dev.ocpha.planner.api;

import dev.ocpha.planner.domain.DeploymentService;
import dev.ocpha.planner.domain.Topology;
import dev.ocpha.planner.domain.TopologyRules;
import dev.ocpha.planner.persistence.DeploymentEntity;
import dev.ocpha.planner.persistence.StepEntity;
import dev.ocpha.platform.api.Problem;
import dev.ocpha.platform.api.ProblemResponses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/deployments")
@Tag(name = "Deployments")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentResource {

    private final DeploymentService deployments;

    public DeploymentResource(DeploymentService deployments) {
        this.deployments = deployments;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml"})
    @Operation(summary = "Plan a deployment from a topology and start it")
    public Response create(@NotNull @Valid Topology topology, UriInfo uri) {
        List<Problem.FieldError> errors = TopologyRules.check(topology);
        if (!errors.isEmpty()) {
            return ProblemResponses.of(Response.Status.BAD_REQUEST, "The topology is not valid.", errors);
        }
        DeploymentEntity deployment = deployments.create(topology);
        return Response.accepted(DeploymentView.of(deployment, StepEntity.ofDeployment(deployment.id)))
                .location(uri.getAbsolutePathBuilder().path(deployment.id.toString()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A deployment's status and steps")
    public DeploymentView get(@PathParam("id") String id) {
        UUID uuid = parse(id);
        DeploymentEntity deployment = DeploymentEntity.findById(uuid);
        if (deployment == null) {
            throw new NotFoundException("No deployment " + id + ".");
        }
        return DeploymentView.of(deployment, StepEntity.ofDeployment(uuid));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No deployment " + id + ".");
        }
    }
}
