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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Host keys pinned at first contact (used when no known_hosts file is configured). A host whose key changed is
 * refused until a person removes its pin here; the next connection then pins the new key.
 */
@Path("/host-keys")
@Tag(name = "Host keys")
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
    @Operation(summary = "Every pinned host key")
    public List<HostKeyView> list() {
        return pins.all().stream().map(HostKeyResource::view).toList();
    }

    @DELETE
    @Path("/{host}")
    @Operation(summary = "Forget a host's pinned key (after a deliberate reinstall); its next key is pinned at next contact")
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
