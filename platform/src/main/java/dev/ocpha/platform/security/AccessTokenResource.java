package dev.ocpha.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** The service's API tokens (admin only): created and rotated with the value shown once, listed without it, revoked. */
@Path("/tokens")
@Tag(name = "Tokens", description = "The service's API tokens (admin only)")
@SecurityScheme(securitySchemeName = "token", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token (ocpha_…) or, where OIDC is configured, the identity provider's JWT")
@SecurityRequirement(name = "token")
@RolesAllowed(Roles.ADMIN)
public class AccessTokenResource {

    private static final Logger LOG = Logger.getLogger(AccessTokenResource.class);

    private final AccessTokens tokens;
    private final SecurityIdentity caller;

    public AccessTokenResource(AccessTokens tokens, SecurityIdentity caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    public record TokenRequest(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,62}", message = "lower-case letters, digits, '.', '_', '-'; at most 63")
            String name,
            @NotNull @Pattern(regexp = "viewer|operator|admin", message = "one of viewer, operator, admin")
            String role) {
    }

    public record TokenView(UUID id, String name, String role, OffsetDateTime createdAt, String createdBy,
                            OffsetDateTime rotatedAt) {
        static TokenView of(AccessTokens.Token t) {
            return new TokenView(t.id(), t.name(), t.role(), t.createdAt(), t.createdBy(), t.rotatedAt());
        }
    }

    /** A token with its value: the only response that ever carries one. */
    public record IssuedTokenView(UUID id, String name, String role, String token) {
        static IssuedTokenView of(AccessTokens.Issued issued) {
            return new IssuedTokenView(issued.token().id(), issued.token().name(), issued.token().role(), issued.value());
        }
    }

    @POST
    @Operation(operationId = "createToken", summary = "Create a token (its value is in this response only)")
    @APIResponse(responseCode = "201", description = "The token with its value",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedTokenView.class)))
    @APIResponse(responseCode = "400", description = "name or role is not valid")
    @APIResponse(responseCode = "409", description = "A token of this name exists")
    public Response create(@Valid @NotNull TokenRequest request) {
        AccessTokens.Issued issued = tokens.create(request.name(), request.role(), who());
        LOG.infof("API token '%s' (%s) created by %s", request.name(), request.role(), who());
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON)
                .entity(IssuedTokenView.of(issued)).build();
    }

    @GET
    @Operation(operationId = "listTokens", summary = "List the tokens (never their values)")
    @APIResponse(responseCode = "200", description = "The tokens",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TokenView.class)))
    public List<TokenView> list() {
        return tokens.list().stream().map(TokenView::of).toList();
    }

    @POST
    @Path("/{id}/rotate")
    @Operation(operationId = "rotateToken", summary = "Give a token a new value; the old one stops working at once")
    @APIResponse(responseCode = "200", description = "The token with its new value",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedTokenView.class)))
    @APIResponse(responseCode = "404", description = "No such token")
    public IssuedTokenView rotate(@PathParam("id") UUID id) {
        AccessTokens.Issued issued = tokens.rotate(id).orElseThrow(() -> new NotFoundException("No token " + id + "."));
        LOG.infof("API token '%s' rotated by %s", issued.token().name(), who());
        return IssuedTokenView.of(issued);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke a token")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such token")
    public Response revoke(@PathParam("id") UUID id) {
        if (!tokens.revoke(id)) {
            throw new NotFoundException("No token " + id + ".");
        }
        LOG.infof("API token %s revoked by %s", id, who());
        return Response.noContent().build();
    }

    private String who() {
        return caller.getPrincipal().getName();
    }
}
