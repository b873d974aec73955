package dev.ocpha.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * An identity provider's JWT names one role in its {@code groups} claim; the API's roles include the lower ones, so
 * the identity gets those too ({@code operator} → also {@code viewer}), as an API token's does.
 */
@ApplicationScoped
public class RoleHierarchyAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        String highest = identity.isAnonymous() ? null : Roles.highest(identity.getRoles());
        Set<String> granted = highest == null ? Set.of() : Roles.granted(highest);
        if (identity.getRoles().containsAll(granted)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(granted).build());
    }
}
