package dev.ocpha.contracts;

import java.util.List;

/** What a host runs. In multi-node OCP every node runs all four (ocp-facts §1). */
public final class HostRoles {

    public static final String OCP_SERVER = "OCP_SERVER";
    public static final String METADB = "METADB";
    public static final String MONITORDB = "MONITORDB";
    public static final String OBPROXY = "OBPROXY";

    public static final List<String> ALL = List.of(OCP_SERVER, METADB, MONITORDB, OBPROXY);

    private HostRoles() {
    }
}
