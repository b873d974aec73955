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
import java.util.List;

/**
 * Multi-cluster: what the documents let a deployer check of a standby's binding. No document shows the binding itself
 * (OCP's console does; oceanbase/ocp-doc@V4.2.2 zh-CN/1200.manage-disaster-recovery/300.ocp-multi-cluster-mode/
 * 200.register-an-ocp-cluster.md), so per standby: a standby OCP node logs in to the primary's MetaDB with the meta
 * user, as the document suggests ({@code obclient … -e 'SELECT 1'}); its {@code /api/status} is the per-node
 * {@code api-status} item. The meta password goes on standard input, never on the command line.
 */
public final class StandbyBindingProbe {

    public static final String METADB_CHECK = "standby-reaches-primary-metadb";

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

    public List<VerificationItem> probe(PlannedCluster primary, List<PlannedCluster> standbys, List<PlannedHost> nodes,
                                        String metaPassword) {
        List<VerificationItem> items = new ArrayList<>();
        for (PlannedCluster standby : standbys) {
            String target = "cluster:" + standby.name();
            String expected = "an OCP node of " + standby.name() + " logs in to " + primary.name() + "'s MetaDB at "
                    + primary.metaDbAddress();
            PlannedHost node = nodes.stream().filter(n -> standby.name().equals(n.cluster())).findFirst().orElse(null);
            if (primary.metaDbAddress() == null || node == null) {
                String why = node == null ? "no OCP node of the standby to log in from" : "the primary has no MetaDB address";
                items.add(Items.fail(target, METADB_CHECK, why, expected, "cannot check the binding: " + why));
                continue;
            }
            String observed = login(primary, node, metaPassword);
            items.add(observed == null
                    ? Items.pass(target, METADB_CHECK, "SELECT 1 answered from " + node.name(), expected,
                    "the standby reaches the primary's MetaDB")
                    : Items.fail(target, METADB_CHECK, observed, expected, "standby " + standby.name()
                    + " cannot log in to the primary's MetaDB: both must reach each other's MetaDB"));
        }
        return items;
    }

    /** Null when the login works, else what failed. */
    private String login(PlannedCluster primary, PlannedHost node, String password) {
        String address = primary.metaDbAddress().trim();
        int colon = address.lastIndexOf(':');
        String metaHost = colon > 0 ? address.substring(0, colon).replace("[", "").replace("]", "") : address;
        String port = colon > 0 ? address.substring(colon + 1) : "2881";
        String user = userTemplate.replace("{metaDbCluster}",
                primary.metaDbClusterName() == null ? primary.name() + "-meta" : primary.metaDbClusterName());
        String command = "IFS= read -r MYSQL_PWD; export MYSQL_PWD; obclient -h " + Shell.quote(metaHost) + " -P "
                + Shell.quote(port) + " -u " + Shell.quote(user) + " -D " + Shell.quote(database) + " -e 'SELECT 1'";
        ExecResult result;
        try {
            result = remote.exec(HostProber.target(node), command, password + "\n", timeout);
        } catch (RemoteException e) {
            return "no SSH session to " + node.name() + " (" + e.kind() + ")";
        }
        if (result.succeeded()) {
            return null;
        }
        String error = (result.stderr() + " " + result.stdout()).trim();
        return "obclient exit " + result.exitStatus() + ": " + (error.isEmpty() ? "no output" : error);
    }
}
