package dev.ocpha.planner.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.model.CheckResult;
import dev.ocpha.contracts.model.VerificationItem;
import dev.ocpha.planner.domain.DeploymentNotFoundException;
import dev.ocpha.planner.domain.DeploymentService;
import dev.ocpha.planner.domain.DeploymentStatus;
import dev.ocpha.planner.domain.Topology;
import dev.ocpha.planner.domain.TopologyParser;
import dev.ocpha.planner.domain.TopologyValidator;
import dev.ocpha.planner.persistence.AuditEntryEntity;
import dev.ocpha.planner.persistence.DeploymentEntity;
import dev.ocpha.planner.persistence.ExpectedFactEntity;
import dev.ocpha.planner.persistence.OperatorActionEntity;
import dev.ocpha.planner.persistence.StepEntity;
import dev.ocpha.planner.planning.Plan;
import dev.ocpha.planner.planning.PlanBuilder;
import dev.ocpha.platform.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/deployments")
@Tag(name = "Deployments", description = "Plan, run, follow, retry, cancel and tear down deployments")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "token")
@RolesAllowed(Roles.VIEWER)
public class DeploymentResource {

    static final String YAML = "application/yaml";
    private static final String IDEMPOTENCY_KEY = "[A-Za-z0-9._:-]{1,128}";

    private final DeploymentService deployments;
    private final TopologyValidator validator;
    private final ObjectMapper mapper;
    private final ProgressStream progress;

    public DeploymentResource(DeploymentService deployments, TopologyValidator validator, ObjectMapper mapper,
                              ProgressStream progress) {
        this.deployments = deployments;
        this.validator = validator;
        this.mapper = mapper;
        this.progress = progress;
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes({MediaType.APPLICATION_JSON, YAML, "application/x-yaml", "text/yaml"})
    @Operation(operationId = "createDeployment",
            summary = "Validate and plan a topology (JSON or YAML), then start the deployment; with dryRun=true "
            + "return the plan and run nothing")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the deployment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
    @APIResponse(responseCode = "200", description = "dryRun: the plan, or the deployment an earlier request with "
            + "the same Idempotency-Key and body created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(anyOf = {Plan.class, DeploymentView.class})))
    @APIResponse(responseCode = "400", description = "The body cannot be read as a topology (problem+json)")
    @APIResponse(responseCode = "413", description = "The body is larger than 1 MiB")
    @APIResponse(responseCode = "422", description = "The topology breaks rules; every field error is listed, or the "
            + "Idempotency-Key was used with another body")
    public Response create(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @Parameter(description = "Same key and body: the same deployment; same key, other body: 422")
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @QueryParam("dryRun") @DefaultValue("false") boolean dryRun, @Context UriInfo uri) {
        if (idempotencyKey != null && !idempotencyKey.matches(IDEMPOTENCY_KEY)) {
            throw new BadRequestException("The Idempotency-Key header must be 1–128 letters, digits or . _ : -");
        }
        boolean yaml = contentType != null && contentType.toLowerCase().contains("yaml");
        Topology topology = validator.validate(TopologyParser.parse(body, yaml));
        Plan plan = PlanBuilder.plan(topology, validator.profile(topology));
        if (dryRun) {
            return Response.ok(plan).build();
        }
        DeploymentService.Accepted accepted = deployments.create(topology, plan, idempotencyKey, sha256(body));
        DeploymentEntity deployment = accepted.deployment();
        return Response.status(accepted.replayed() ? Response.Status.OK : Response.Status.ACCEPTED)
                .entity(view(deployment))
                .location(uri.getBaseUriBuilder().path("deployments").path(deployment.id.toString()).build())
                .build();
    }

    @GET
    @Operation(operationId = "listDeployments",
            summary = "Deployments, newest first, a page at a time, optionally with one status")
    @APIResponse(responseCode = "200", description = "A page of deployments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentSummary.Page.class)))
    @APIResponse(responseCode = "400", description = "status, page or size is not valid")
    public DeploymentSummary.Page list(@QueryParam("status") String status,
                                       @QueryParam("page") @DefaultValue("0") int page,
                                       @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw new BadRequestException("page must be ≥ 0 and size 1–100.");
        }
        PanacheQuery<DeploymentEntity> query;
        Sort newestFirst = Sort.descending("createdAt").and("id");
        if (status == null || status.isBlank()) {
            query = DeploymentEntity.findAll(newestFirst);
        } else {
            query = DeploymentEntity.find("status", newestFirst, parseStatus(status));
        }
        List<DeploymentSummary> items = query.page(page, size).list().stream().map(DeploymentSummary::of).toList();
        return new DeploymentSummary.Page(items, page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDeployment",
            summary = "A deployment: status, phases, steps with attempts, timing, last error and executor, facts")
    @APIResponse(responseCode = "200", description = "The deployment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
    @APIResponse(responseCode = "404", description = "No such deployment")
    public DeploymentView get(@PathParam("id") String id) {
        return view(DeploymentService.existing(parse(id)));
    }

    @GET
    @Path("/{id}/plan")
    @Operation(operationId = "getDeploymentPlan",
            summary = "The deployment's plan: sizing, clusters, AZ placement, hosts, phases, steps, critical path")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Plan.class)))
    @APIResponse(responseCode = "404", description = "No such deployment")
    public Plan plan(@PathParam("id") String id) {
        return deployments.plan(DeploymentService.existing(parse(id)));
    }

    @GET
    @Path("/{id}/report")
    @Operation(operationId = "getDeploymentReport",
            summary = "The environment check's results, the post-deployment check's report and the audit log")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", description = "No such deployment")
    public ReportView report(@PathParam("id") String id) {
        DeploymentEntity d = DeploymentService.existing(parse(id));
        ReportView.EnvironmentCheck check = d.checkPassed == null ? null : new ReportView.EnvironmentCheck(
                d.checkRunId, d.checkPassed, read(d.checkProblems, new TypeReference<List<CheckResult>>() { }));
        ReportView.Verification verification = d.verificationPassed == null ? null : new ReportView.Verification(
                d.reportId, d.verificationPassed, read(d.verificationItems,
                new TypeReference<List<VerificationItem>>() { }));
        List<ReportView.AuditView> audit = AuditEntryEntity.ofDeployment(d.id).stream()
                .map(a -> new ReportView.AuditView(a.at.toString(), a.action, a.target, a.reason, a.actor)).toList();
        return new ReportView(d.id.toString(), d.status.name(), check, verification, audit);
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(operationId = "streamDeploymentEvents",
            summary = "Server-sent events of progress (steps, checks, facts, status) from the start, or after "
            + "Last-Event-ID; the stream ends when the deployment settles (SUCCEEDED, FAILED, CANCELLED, DESTROYED), "
            + "or with a 'reconnect' event while the database is unreachable")
    @APIResponse(responseCode = "200", description = "An event stream: each event's id is its sequence number, its "
            + "name the kind of progress, its data JSON", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Last-Event-ID is not the id of an event")
    @APIResponse(responseCode = "404", description = "No such deployment")
    public Multi<OutboundSseEvent> events(@PathParam("id") String id,
                                          @HeaderParam("Last-Event-ID") @DefaultValue("0") String lastEventId,
                                          @Context Sse sse) {
        UUID uuid = parse(id);
        DeploymentService.existing(uuid);
        long after;
        try {
            after = Long.parseLong(lastEventId);
        } catch (NumberFormatException e) {
            throw new BadRequestException("Last-Event-ID must be the id of an event of this stream.");
        }
        return progress.stream(uuid, after, sse);
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{id}/retry")
    @Operation(operationId = "retryDeployment",
            summary = "Retry a FAILED deployment: re-request its failed steps, or re-run the failed environment "
            + "check or verification; the registry asks again for a failed standby registration or AZ activation")
    @APIResponse(responseCode = "202", description = "Retrying",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
    @APIResponse(responseCode = "404", description = "No such deployment")
    @APIResponse(responseCode = "409", description = "The deployment is not FAILED")
    public Response retry(@PathParam("id") String id) {
        return Response.accepted(view(deployments.retry(parse(id)))).build();
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{id}/steps/{stepId}/skip")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "skipStep",
            summary = "Mark a FAILED or PENDING step done without running it (audited with the reason); a FAILED "
            + "deployment then continues on retry")
    @APIResponse(responseCode = "200", description = "The skipped step",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.StepView.class)))
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "404", description = "No such deployment or step")
    @APIResponse(responseCode = "409", description = "The step is neither FAILED nor PENDING")
    public DeploymentView.StepView skip(@PathParam("id") String id, @PathParam("stepId") String stepId,
                                        @NotNull @Valid SkipRequest request) {
        return DeploymentView.StepView.of(deployments.skip(parse(id), stepId, request.reason()));
    }

    @GET
    @Path("/{id}/actions")
    @Operation(operationId = "listOperatorActions",
            summary = "The operator actions the deployment's steps asked for (what to do, the values to enter, the "
            + "source), oldest first, with their status")
    @APIResponse(responseCode = "200", description = "The actions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ActionView.class)))
    @APIResponse(responseCode = "404", description = "No such deployment")
    public List<ActionView> actions(@PathParam("id") String id) {
        UUID uuid = parse(id);
        DeploymentService.existing(uuid);
        return OperatorActionEntity.ofDeployment(uuid).stream().map(ActionView::of).toList();
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{id}/actions/{actionId}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeOperatorAction",
            summary = "Report an operator action done (audited with the note); the executor then verifies it with the "
            + "step's probes. Repeating it changes nothing")
    @APIResponse(responseCode = "200", description = "The action, COMPLETED (or as it was, when completed before)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "No note, or one over 500 characters")
    @APIResponse(responseCode = "404", description = "No such deployment or action")
    @APIResponse(responseCode = "409", description = "The action failed its verification: retry the deployment")
    public ActionView completeAction(@PathParam("id") String id, @PathParam("actionId") String actionId,
                                     @NotNull @Valid CompleteActionRequest request) {
        return ActionView.of(deployments.completeAction(parse(id), actionId, request.note()));
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelDeployment",
            summary = "Cancel a running or FAILED deployment: no new step is requested; running steps finish")
    @APIResponse(responseCode = "202", description = "Cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
    @APIResponse(responseCode = "400", description = "reason is longer than 500 characters")
    @APIResponse(responseCode = "404", description = "No such deployment")
    @APIResponse(responseCode = "409", description = "Already settled or tearing down")
    public Response cancel(@PathParam("id") String id,
                           @Parameter(description = "Why; kept in the audit log") @QueryParam("reason") String reason) {
        if (reason != null && reason.length() > 500) {
            throw new BadRequestException("reason must be at most 500 characters.");
        }
        return Response.accepted(view(deployments.cancel(parse(id), reason))).build();
    }

    @RolesAllowed(Roles.OPERATOR)
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "tearDownDeployment",
            summary = "Tear a settled deployment down: REMOVE_OCP on every OCP node, then REMOVE_METADB on every "
            + "MetaDB host, then DESTROYED")
    @APIResponse(responseCode = "202", description = "Tearing down",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentView.class)))
    @APIResponse(responseCode = "404", description = "No such deployment")
    @APIResponse(responseCode = "409", description = "Still running (cancel it first) or already destroyed")
    public Response delete(@PathParam("id") String id) {
        return Response.accepted(view(deployments.teardown(parse(id)))).build();
    }

    private DeploymentView view(DeploymentEntity deployment) {
        return DeploymentView.of(deployment, deployments.plan(deployment), StepEntity.ofDeployment(deployment.id),
                ExpectedFactEntity.ofDeployment(deployment.id), OperatorActionEntity.ofDeployment(deployment.id));
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return json == null ? null : mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report is unreadable", e);
        }
    }

    private static DeploymentStatus parseStatus(String status) {
        try {
            return DeploymentStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("status must be one of " + Arrays.toString(DeploymentStatus.values()) + ".");
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new DeploymentNotFoundException("No deployment " + id + ".");
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
