package dev.ocpha.checker.verification;

import dev.ocpha.checker.checks.HostProber;
import dev.ocpha.checker.checks.Shell;
import dev.ocpha.contracts.model.PlannedCluster;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.contracts.model.VerificationItem;
import dev.ocpha.ssh.ExecResult;
import dev.ocpha.ssh.RemoteException;
import dev.ocpha.ssh.RemoteExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-cluster: every standby is bound to the primary. OCP has no REST API for the primary/standby list (ocp-facts
 * §8.1–8.2); it lives in the primary's MetaDB, so it is read there with {@code obclient} on a primary host. The
 * meta password goes on standard input, never on the command line.
 */
public final class StandbyBindingProbe {

    public static final String LEADER_CHECK = "primary-leader";
    public static final String BOUND_CHECK = "standby-bound";
    static final String QUERY = "SELECT cluster_id, cluster_name, role, version, status, heartbeat_time, sync_status, "
            + "access_address FROM meta_database.ocp_multi_cluster";

    private final RemoteExecutor remote;
    private final String userTemplate;
    private final String database;
    private final Duration timeout;

    public StandbyBindingProbe(RemoteExecutor remote, String userTemplate, String database, Duration timeout) {
        this.remote = remote;
        this.userTemplate = userTemplate;
        this.database = database;
        this.timeout = timeout;
    }

    record Row(String id, String name, String role, String version, String status, String heartbeat, String sync,
               String access) {
        String describe() {
            return "role " + role + ", version " + version + ", status " + status + ", sync " + sync;
        }
    }

    public List<VerificationItem> probe(PlannedCluster primary, List<PlannedCluster> standbys, PlannedHost primaryHost,
                                        String metaPassword) {
        String target = "cluster:" + primary.name();
        List<VerificationItem> items = new ArrayList<>();
        String leaderExpected = primary.name() + " listed as LEADER in its MetaDB's ocp_multi_cluster";
        if (primary.metaDbAddress() == null || primaryHost == null) {
            String why = primaryHost == null ? "no OCP node of the primary to query from" : "the primary has no MetaDB address";
            items.add(Items.fail(target, LEADER_CHECK, why, leaderExpected, "cannot read the primary/standby list: " + why));
            standbys.forEach(s -> items.add(Items.fail("cluster:" + s.name(), BOUND_CHECK, "unknown",
                    "bound to " + primary.name(), "cannot read the primary/standby list: " + why)));
            return items;
        }
        Map<String, Row> rows;
        try {
            rows = query(primary, primaryHost, metaPassword);
        } catch (QueryFailed e) {
            items.add(Items.fail(target, LEADER_CHECK, e.getMessage(), leaderExpected,
                    "cannot read the primary's MetaDB at " + primary.metaDbAddress()));
            standbys.forEach(s -> items.add(Items.fail("cluster:" + s.name(), BOUND_CHECK, "unknown",
                    "bound to " + primary.name(), "cannot read the primary's MetaDB: " + e.getMessage())));
            return items;
        }
        Row leader = rows.get(primary.name());
        items.add(leader != null && leader.role().equalsIgnoreCase("LEADER")
                ? Items.pass(target, LEADER_CHECK, leader.describe(), leaderExpected, "the primary leads")
                : Items.fail(target, LEADER_CHECK, leader == null ? "not listed" : leader.describe(), leaderExpected,
                "the primary is not the LEADER of its multi-cluster table"));
        for (PlannedCluster standby : standbys) {
            Row row = rows.get(standby.name());
            String expected = standby.name() + " listed as FOLLOWER in " + primary.name() + "'s ocp_multi_cluster";
            String standbyTarget = "cluster:" + standby.name();
            if (row == null) {
                items.add(Items.fail(standbyTarget, BOUND_CHECK, "not listed", expected,
                        "standby " + standby.name() + " is not bound to primary " + primary.name()));
            } else if (!row.role().equalsIgnoreCase("FOLLOWER")) {
                items.add(Items.fail(standbyTarget, BOUND_CHECK, row.describe(), expected,
                        "standby " + standby.name() + " is listed as " + row.role() + ", not FOLLOWER"));
            } else {
                items.add(Items.pass(standbyTarget, BOUND_CHECK, row.describe(), expected,
                        "bound to primary " + primary.name()));
            }
        }
        return items;
    }

    private Map<String, Row> query(PlannedCluster primary, PlannedHost host, String password) throws QueryFailed {
        String address = primary.metaDbAddress().trim();
        int colon = address.lastIndexOf(':');
        String metaHost = colon > 0 ? address.substring(0, colon).replace("[", "").replace("]", "") : address;
        String port = colon > 0 ? address.substring(colon + 1) : "2881";
        String user = userTemplate.replace("{metaDbCluster}",
                primary.metaDbClusterName() == null ? primary.name() + "-meta" : primary.metaDbClusterName());
        String command = "IFS= read -r MYSQL_PWD; export MYSQL_PWD; obclient -h " + Shell.quote(metaHost) + " -P "
                + Shell.quote(port) + " -u " + Shell.quote(user) + " -D " + Shell.quote(database) + " -N -e "
                + Shell.quote(QUERY);
        ExecResult result;
        try {
            result = remote.exec(HostProber.target(host), command, password + "\n", timeout);
        } catch (RemoteException e) {
            throw new QueryFailed("no SSH session to " + host.name() + " (" + e.kind() + ")");
        }
        if (!result.succeeded()) {
            String error = (result.stderr() + " " + result.stdout()).trim();
            throw new QueryFailed("obclient exit " + result.exitStatus() + ": " + (error.isEmpty() ? "no output" : error));
        }
        Map<String, Row> rows = new HashMap<>();
        for (String line : result.stdout().split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length >= 8) {
                rows.put(f[1].trim(), new Row(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim(),
                        f[5].trim(), f[6].trim(), f[7].trim()));
            }
        }
        return rows;
    }

    private static final class QueryFailed extends Exception {
        QueryFailed(String message) {
            super(message);
        }
    }
}
