package dev.ocpha.contracts;

import java.util.List;

/**
 * What a host runs. In multi-node OCP every node runs all four
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/100.deployment-overview/200.multi-node-deplpyment-overview.md).
 */
public final class HostRoles {

    public static final String OCP_SERVER = "OCP_SERVER";
    public static final String METADB = "METADB";
    public static final String MONITORDB = "MONITORDB";
    public static final String OBPROXY = "OBPROXY";

    public static final List<String> ALL = List.of(OCP_SERVER, METADB, MONITORDB, OBPROXY);

    private HostRoles() {
    }
}
