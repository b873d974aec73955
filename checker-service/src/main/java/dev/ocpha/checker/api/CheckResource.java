package dev.ocpha.checker.api;

import dev.ocpha.checker.checks.SizingProfile;
import dev.ocpha.checker.domain.CheckInventory;
import dev.ocpha.checker.domain.EnvironmentCheckService;
import dev.ocpha.checker.domain.UnknownRunException;
import dev.ocpha.checker.persistence.CheckRunEntity;
import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.model.HostAccess;
import dev.ocpha.contracts.model.HostRequirement;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/checks")
@Tag(name = "Environment checks", description = "Check hosts before OCP is installed, re-check, auto-fix")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "token")
@RolesAllowed(Roles.VIEWER)
public class CheckResource {

    private final EnvironmentCheckService service;
    private final SecurityIdentity caller;

    public CheckResource(EnvironmentCheckService service, SecurityIdentity caller) {
        this.service = service;
        this.caller = caller;
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startCheck", summary = "Precheck an inventory (no deployment); results via GET /checks/{runId}")
    @APIResponse(responseCode = "202", description = "Started; Location names the run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckRunView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named")
    public Response start(@NotNull(message = "a JSON body with hosts is required") CheckRequest request) {
        String profile = request.profile() == null ? SizingProfile.PRODUCTION.label() : request.profile();
        CheckInventory inventory = new CheckInventory(request.hosts() == null ? List.of()
                : request.hosts().stream().map(host -> host == null ? null : plannedHost(host, profile)).toList(),
                request.clusters() == null ? List.of() : request.clusters().stream()
                        .map(c -> new PlannedCluster(c.name(), c.role(), 0, null, null, c.metaDbClusterName(),
                                c.metaDbAddress(), true, List.of()))
                        .toList(),
                profile, Boolean.TRUE.equals(request.strict()));
        UUID runId = service.startPrecheck(inventory, Boolean.TRUE.equals(request.autoFix()),
                Boolean.TRUE.equals(request.outsideKnownDeployments()), caller.getPrincipal().getName());
        return accepted(runId);
    }

    @GET
    @Transactional
    @Operation(operationId = "listCheckRuns", summary = "Check runs, newest first, optionally of one deployment")
    @APIResponse(responseCode = "200", description = "The runs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CheckRunSummary.class)))
    public List<CheckRunSummary> list(@QueryParam("deploymentId") String deploymentId,
                                      @QueryParam("limit") @DefaultValue("50") int limit) {
        List<CheckRunEntity> runs = deploymentId == null
                ? CheckRunEntity.<CheckRunEntity>find("order by startedAt desc, id").page(0, Math.max(1, Math.min(limit, 500))).list()
                : CheckRunEntity.ofDeployment(Ids.parse(deploymentId, "deployment"));
        return runs.stream().map(CheckRunViews::summary).toList();
    }

    @GET
    @Path("/{runId}")
    @Transactional
    @Operation(operationId = "getCheckRun", summary = "One check run: results per host and check, applied fixes, what is not fixed")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckRunView.class)))
    @APIResponse(responseCode = "404", description = "No such run")
    public CheckRunView get(@PathParam("runId") String runId) {
        return CheckRunViews.full(find(runId));
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{runId}/recheck")
    @Operation(operationId = "recheckRun", summary = "Check the same inventory again, as a new run")
    @APIResponse(responseCode = "202", description = "The new run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckRunView.class)))
    @APIResponse(responseCode = "404", description = "No such run")
    @APIResponse(responseCode = "409", description = "The run is still running")
    public Response recheck(@PathParam("runId") String runId) {
        return accepted(service.recheck(Ids.parse(runId, "check run"), caller.getPrincipal().getName()));
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{runId}/autofix")
    @Operation(operationId = "autofixRun", summary = "Apply the run's safe fixes, then check again, as a new run")
    @APIResponse(responseCode = "202", description = "The new run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckRunView.class)))
    @APIResponse(responseCode = "404", description = "No such run")
    @APIResponse(responseCode = "409", description = "The run is still running")
    public Response autofix(@PathParam("runId") String runId) {
        return accepted(service.autofix(Ids.parse(runId, "check run"), caller.getPrincipal().getName()));
    }

    private static CheckRunEntity find(String runId) {
        CheckRunEntity run = CheckRunEntity.findById(Ids.parse(runId, "check run"));
        if (run == null) {
            throw new UnknownRunException("No check run " + runId + ".");
        }
        return run;
    }

    private static Response accepted(UUID runId) {
        return Response.accepted(QuarkusTransaction.requiringNew().call(() -> CheckRunViews.full(CheckRunEntity.findById(runId))))
                .location(URI.create("/checks/" + runId)).build();
    }

    /** A partial requirement is completed from the profile's defaults (left as given when those are unknown). */
    private static PlannedHost plannedHost(CheckRequest.Host host, String profile) {
        List<String> roles = host.roles() == null || host.roles().isEmpty() ? HostRoles.ALL : host.roles();
        CheckRequest.Requirement given = host.requirement();
        HostRequirement requirement = null;
        if (given != null) {
            HostRequirement defaults = defaults(profile, roles);
            requirement = new HostRequirement(
                    given.cpuCores() != null ? given.cpuCores() : defaults == null ? 0 : defaults.cpuCores(),
                    given.memoryGb() != null ? given.memoryGb() : defaults == null ? 0 : defaults.memoryGb(),
                    given.freeDiskGbByPath(), given.ports(), "requirement of the request");
        }
        HostAccess nested = host.access();
        int port = host.sshPort() != null ? host.sshPort() : nested != null && nested.sshPort() > 0 ? nested.sshPort() : 22;
        String user = host.user() != null ? host.user() : nested != null && nested.user() != null ? nested.user() : "root";
        return new PlannedHost(host.name(), new HostAccess(host.address() != null || nested == null ? host.address()
                : nested.address(), port, user, host.credentialRef() != null || nested == null ? host.credentialRef()
                : nested.credentialRef()), host.cluster(), null, null, null, roles, requirement);
    }

    private static HostRequirement defaults(String profile, List<String> roles) {
        try {
            return SizingProfile.parse(profile).defaults(roles);
        } catch (IllegalArgumentException e) {
            return null; // the validator names the bad profile or role
        }
    }
}
