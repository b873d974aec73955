package dev.ocpha.checker.api;

import dev.ocpha.checker.domain.UnknownRunException;
import dev.ocpha.checker.persistence.VerificationItemEntity;
import dev.ocpha.checker.persistence.VerificationReportEntity;
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

@Path("/")
@Tag(name = "Post-deployment verification", description = "Reports of the checks run on a deployed OCP")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "token")
@RolesAllowed(Roles.VIEWER)
public class VerificationResource {

    @GET
    @Path("reports/{id}")
    @Transactional
    @Operation(operationId = "getVerificationReport", summary = "One verification report")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerificationReportView.class)))
    @APIResponse(responseCode = "404", description = "No such report")
    public VerificationReportView report(@PathParam("id") String id) {
        VerificationReportEntity report = VerificationReportEntity.findById(Ids.parse(id, "verification report"));
        if (report == null) {
            throw new UnknownRunException("No verification report " + id + ".");
        }
        return view(report);
    }

    @GET
    @Path("deployments/{id}/verification")
    @Transactional
    @Operation(operationId = "getDeploymentVerification", summary = "A deployment's verification: the latest report and the history")
    @APIResponse(responseCode = "200", description = "The latest report and the history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentVerificationView.class)))
    @APIResponse(responseCode = "404", description = "No verification of this deployment")
    public DeploymentVerificationView ofDeployment(@PathParam("id") String id) {
        List<VerificationReportEntity> reports = VerificationReportEntity.ofDeployment(Ids.parse(id, "deployment"));
        if (reports.isEmpty()) {
            throw new UnknownRunException("No verification for deployment " + id + ".");
        }
        return new DeploymentVerificationView(id, view(reports.get(0)), reports.stream()
                .map(r -> new DeploymentVerificationView.Summary(r.id.toString(), r.status, r.passed, r.startedAt))
                .toList());
    }

    private static VerificationReportView view(VerificationReportEntity report) {
        return new VerificationReportView(report.id.toString(), report.deploymentId.toString(), report.status,
                report.passed, report.startedAt, report.finishedAt, VerificationItemEntity.ofReport(report.id).stream()
                .map(i -> new VerificationReportView.Item(i.target, i.checkName, i.status, i.observed, i.expected, i.message))
                .toList());
    }
}
