package dev.ocpha.executor.api;

import dev.ocpha.executor.persistence.JdbcHostKeyPins;
import dev.ocpha.platform.security.Roles;
import dev.ocpha.ssh.PinnedHostKey;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Host keys pinned at first contact (used when no known_hosts file is configured). A host whose key changed is
 * refused until a person removes its pin here; the next connection then pins the new key.
 */
@Path("/host-keys")
@Tag(name = "Host keys", description = "SSH host keys pinned at first contact")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "token")
@RolesAllowed(Roles.ADMIN)
public class HostKeyResource {

    /** A pinned key: the host as {@code address:port}, key type, OpenSSH SHA256 fingerprint, when it was pinned. */
    public record HostKeyView(String host, String keyType, String fingerprint, Instant pinnedAt) {
    }

    private final JdbcHostKeyPins pins;

    public HostKeyResource(JdbcHostKeyPins pins) {
        this.pins = pins;
    }

    @GET
    @Operation(operationId = "listHostKeys", summary = "Every pinned host key")
    @APIResponse(responseCode = "200", description = "The pinned keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = HostKeyView.class)))
    public List<HostKeyView> list() {
        return pins.all().stream().map(HostKeyResource::view).toList();
    }

    @DELETE
    @Path("/{host}")
    @Operation(operationId = "removeHostKey", summary = "Forget a host's pinned key (after a deliberate reinstall); its next key is pinned at next contact")
    @APIResponse(responseCode = "204", description = "Forgotten")
    @APIResponse(responseCode = "404", description = "No key is pinned for this host")
    public Response remove(@PathParam("host") String host) {
        if (!pins.remove(host)) {
            throw new NotFoundException("No key is pinned for " + host + " (hosts are named address:port).");
        }
        return Response.noContent().build();
    }

    private static HostKeyView view(PinnedHostKey pin) {
        return new HostKeyView(pin.host(), pin.keyType(), pin.fingerprint(), pin.pinnedAt());
    }
}
