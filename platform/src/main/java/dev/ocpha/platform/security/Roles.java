package dev.ocpha.platform.security;

import java.util.List;
import java.util.Set;

/**
 * The API's roles, each including the ones below it: {@code viewer} reads; {@code operator} also deploys, retries,
 * skips, cancels, runs checks and auto-fixes; {@code admin} also manages tokens, host keys and webhooks.
 */
public final class Roles {
    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";
    /** Lowest first. */
    public static final List<String> ALL = List.of(VIEWER, OPERATOR, ADMIN);

    private Roles() {
    }

    /** The role and every role it includes; empty for an unknown role. */
    public static Set<String> granted(String role) {
        int rank = ALL.indexOf(role);
        return rank < 0 ? Set.of() : Set.copyOf(ALL.subList(0, rank + 1));
    }

    /** The highest of the given role names, or null when none is a role of this API. */
    public static String highest(Iterable<String> names) {
        String best = null;
        for (String name : names) {
            if (ALL.contains(name) && (best == null || ALL.indexOf(name) > ALL.indexOf(best))) {
                best = name;
            }
        }
        return best;
    }
}
