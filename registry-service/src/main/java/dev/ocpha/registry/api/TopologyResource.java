package dev.ocpha.registry.api;

import dev.ocpha.registry.persistence.OcpClusterEntity;
import dev.ocpha.registry.persistence.OcpNodeEntity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/deployments/{id}/topology")
@Tag(name = "Topology")
@Produces(MediaType.APPLICATION_JSON)
public class TopologyResource {

    @GET
    @Operation(summary = "The OCP clusters and nodes the registry knows for a deployment")
    public TopologyView get(@PathParam("id") String id) {
        UUID deploymentId;
        try {
            deploymentId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No deployment " + id + ".");
        }
        List<OcpClusterEntity> clusters = OcpClusterEntity.ofDeployment(deploymentId);
        if (clusters.isEmpty()) {
            throw new NotFoundException("The registry knows no deployment " + id + ".");
        }
        List<OcpNodeEntity> nodes = OcpNodeEntity.ofDeployment(deploymentId);
        return new TopologyView(id, clusters.stream()
                .map(cluster -> new TopologyView.Cluster(cluster.name, cluster.role, nodes.stream()
                        .filter(node -> node.cluster.equals(cluster.name))
                        .map(node -> new TopologyView.Node(node.host, node.address, node.az, node.status,
                                node.registeredAt))
                        .toList()))
                .toList());
    }
}
