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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/")
@Tag(name = "Topology", description = "The clusters, nodes, AZs, IDCs and bindings the registry knows")
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
    @Operation(operationId = "listClusters", summary = "Every OCP cluster the registry knows: role, version, status, access address")
    @APIResponse(responseCode = "200", description = "The clusters",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Views.ClusterSummary.class)))
    public List<Views.ClusterSummary> clusters() {
        return OcpClusterEntity.all().stream().map(views::summary).toList();
    }

    @GET
    @Path("clusters/{id}")
    @Operation(operationId = "getCluster", summary = "Primary/standby details of one OCP cluster: role, version, heartbeat, sync, standbys")
    @APIResponse(responseCode = "200", description = "The cluster",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.ClusterDetails.class)))
    @APIResponse(responseCode = "404", description = "No such cluster")
    public Views.ClusterDetails cluster(@PathParam("id") String id) {
        OcpClusterEntity cluster = OcpClusterEntity.findById(uuid(id, "cluster"));
        if (cluster == null) {
            throw new NotFoundException("No OCP cluster " + id + ".");
        }
        return views.details(cluster);
    }

    @GET
    @Path("azs")
    @Operation(operationId = "listAzs", summary = "Every availability zone: IDCs, OCP instances, access address, ConfigUrl, MonitorDB")
    @APIResponse(responseCode = "200", description = "The AZs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.AzList.class)))
    public Views.AzList azs() {
        return views.azs();
    }

    @GET
    @Path("deployments/{id}/topology")
    @Operation(operationId = "getDeploymentTopology", summary = "The clusters, nodes, AZs, IDCs and bindings of one deployment")
    @APIResponse(responseCode = "200", description = "The topology",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.Topology.class)))
    @APIResponse(responseCode = "404", description = "The registry knows no such deployment")
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
