package dev.ocpha.planner.api;

import dev.ocpha.planner.domain.WebhookService;
import dev.ocpha.planner.persistence.WebhookDeliveryEntity;
import dev.ocpha.planner.persistence.WebhookSubscriptionEntity;
import dev.ocpha.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/webhooks")
@Tag(name = "Webhooks", description = "Subscriptions that POST events to a URL, and their deliveries")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "token")
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {

    private final WebhookService webhooks;

    public WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to events: each matching event is POSTed with its CloudEvents attributes "
            + "as ce-* headers and signed with the referenced secret (X-Ocpha-Signature)")
    @APIResponse(responseCode = "201", description = "Subscribed; Location names the subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON of a subscription, or the url is refused: "
            + "not https, or reaching a loopback, private, link-local, CGNAT or metadata address (problem+json)")
    @APIResponse(responseCode = "422", description = "Invalid fields, each named: url, secretRef (no such secret), "
            + "eventTypes[i] (unknown type), deploymentId (no such deployment)")
    public Response subscribe(WebhookRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw new BadRequestException("Send a subscription: {\"url\": …, \"secretRef\": …}.");
        }
        WebhookSubscriptionEntity subscription = webhooks.subscribe(request.subscription());
        return Response.created(uri.getBaseUriBuilder().path("webhooks").path(subscription.id.toString()).build())
                .entity(WebhookView.of(subscription))
                .build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "Every webhook subscription, newest first")
    @APIResponse(responseCode = "200", description = "The subscriptions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookView.class)))
    public List<WebhookView> list() {
        return WebhookSubscriptionEntity.<WebhookSubscriptionEntity>findAll(Sort.descending("createdAt").and("id"))
                .list().stream().map(WebhookView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "A webhook subscription")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription")
    public WebhookView get(@PathParam("id") String id) {
        return WebhookView.of(WebhookService.existing(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Unsubscribe: no further event is delivered, pending deliveries included; the deliveries go")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Response delete(@PathParam("id") String id) {
        webhooks.unsubscribe(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries",
            summary = "The subscription's most recent deliveries, newest first: event, status (PENDING, "
            + "DELIVERED, FAILED), attempts, last HTTP status or error, times")
    @APIResponse(responseCode = "200", description = "The deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)))
    @APIResponse(responseCode = "400", description = "limit is not 1–500")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public List<DeliveryView> deliveries(@PathParam("id") String id,
                                         @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new BadRequestException("limit must be 1–500.");
        }
        return WebhookDeliveryEntity.recent(WebhookService.existing(id).id, limit).stream()
                .map(DeliveryView::of).toList();
    }
}
