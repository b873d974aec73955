package dev.ocpha.registry.api;

import dev.ocpha.platform.security.Roles;
import dev.ocpha.registry.persistence.OcpClusterEntity;
import dev.ocpha.registry.persistence.RegistryDeploymentEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/")
@Tag(name = "Topology")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "token")
@RolesAllowed(Roles.VIEWER)
public class TopologyResource {

    private final TopologyViews views;

    public TopologyResource(TopologyViews views) {
        this.views = views;
    }

    @GET
    @Path("clusters")
    @Operation(summary = "Every OCP cluster the registry knows: role, version, status, access address")
    public List<Views.ClusterSummary> clusters() {
        return OcpClusterEntity.all().stream().map(views::summary).toList();
    }

    @GET
    @Path("clusters/{id}")
    @Operation(summary = "Primary/standby details of one OCP cluster: role, version, heartbeat, sync, standbys")
    public Views.ClusterDetails cluster(@PathParam("id") String id) {
        OcpClusterEntity cluster = OcpClusterEntity.findById(uuid(id, "cluster"));
        if (cluster == null) {
            throw new NotFoundException("No OCP cluster " + id + ".");
        }
        return views.details(cluster);
    }

    @GET
    @Path("azs")
    @Operation(summary = "Every availability zone: IDCs, OCP instances, access address, ConfigUrl, MonitorDB")
    public Views.AzList azs() {
        return views.azs();
    }

    @GET
    @Path("deployments/{id}/topology")
    @Operation(summary = "The clusters, nodes, AZs, IDCs and bindings of one deployment")
    public Views.Topology topology(@PathParam("id") String id) {
        RegistryDeploymentEntity deployment = RegistryDeploymentEntity.findById(uuid(id, "deployment"));
        if (deployment == null) {
            throw new NotFoundException("The registry knows no deployment " + id + ".");
        }
        return views.topology(deployment);
    }

    private static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No " + what + " " + id + ".");
        }
    }
}
