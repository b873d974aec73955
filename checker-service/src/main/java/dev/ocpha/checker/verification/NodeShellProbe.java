package dev.ocpha.checker.verification;

import dev.ocpha.checker.checks.HostProber;
import dev.ocpha.checker.checks.Shell;
import dev.ocpha.contracts.model.PlannedHost;
import dev.ocpha.contracts.model.VerificationItem;
import dev.ocpha.ssh.ExecResult;
import dev.ocpha.ssh.RemoteException;
import dev.ocpha.ssh.RemoteExecutor;
import java.time.Duration;
import java.util.List;

/**
 * The post-deployment checks made on an OCP node over SSH, in one round trip: {@value #LOG} inside the OCP container is
 * present and not empty (OCP keeps its logs in the container, read with a plain {@code docker exec}:
 * oceanbase/ocp-doc@V4.2.2 zh-CN/300.deployment-guide/200.deploying-community-ocp/550.docker-deploy-ocp.md and
 * zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/300.post-deployment-check.md), the OCP
 * container is running ({@code docker inspect}) and so is its JVM ({@code docker exec … pgrep -a java}). The log
 * commands are the installer profiles' {@code probe-ocp-log} and {@code read-ocp-log} (oceanbase-4.2.yaml).
 */
public final class NodeShellProbe {

    public static final String LOG_CHECK = "ocp-log";
    public static final String CONTAINER_CHECK = "container-running";
    public static final String JVM_CHECK = "jvm-running";
    static final String LOG = "/home/admin/logs/ocp/ocp.log";

    private final RemoteExecutor remote;
    private final String container;
    private final Duration timeout;

    public NodeShellProbe(RemoteExecutor remote, String container, Duration timeout) {
        this.remote = remote;
        this.container = container;
        this.timeout = timeout;
    }

    public List<VerificationItem> probe(PlannedHost node) {
        String logExpected = LOG + " in container " + container + " present and not empty";
        String containerExpected = "container " + container + " running";
        String c = Shell.quote(container);
        String script = "if docker exec " + c + " test -s " + LOG + " 2>/dev/null; then echo \"log $(docker exec " + c
                + " tail -n 1 " + LOG + " 2>&1 | cut -c1-120)\"; else echo 'log missing'; fi; "
                + "echo \"container $(docker inspect --format '{{.State.Running}}' " + Shell.quote(container) + " 2>&1 | tail -n 1)\"; "
                + "echo \"jvm $(docker exec " + Shell.quote(container) + " pgrep -a java 2>&1 | head -n 1 | cut -c1-120)\"";
        ExecResult result;
        try {
            result = remote.exec(HostProber.target(node), script, timeout);
        } catch (RemoteException e) {
            String observed = "no SSH session (" + e.kind() + ")";
            return List.of(Items.fail(node.name(), LOG_CHECK, observed, logExpected, e.getMessage()),
                    Items.fail(node.name(), CONTAINER_CHECK, observed, containerExpected, e.getMessage()),
                    Items.fail(node.name(), JVM_CHECK, observed, "a java process in " + container, e.getMessage()));
        }
        String log = field(result.stdout(), "log");
        String running = field(result.stdout(), "container");
        String jvm = field(result.stdout(), "jvm");
        VerificationItem logItem = log.equals("missing") || log.isEmpty()
                ? Items.fail(node.name(), LOG_CHECK, "missing or empty", logExpected, "OCP-Server has written no log")
                : Items.pass(node.name(), LOG_CHECK, "last line: " + log.trim(), logExpected, "OCP-Server logs");
        VerificationItem containerItem = running.equals("true")
                ? Items.pass(node.name(), CONTAINER_CHECK, "running", containerExpected, "the OCP container runs")
                : Items.fail(node.name(), CONTAINER_CHECK, running.isEmpty() ? "no answer" : running, containerExpected,
                "the OCP container " + container + " is not running");
        VerificationItem jvmItem = jvm.contains("java")
                ? Items.pass(node.name(), JVM_CHECK, jvm, "a java process in " + container, "OCP-Server's JVM runs")
                : Items.fail(node.name(), JVM_CHECK, jvm.isEmpty() ? "no java process" : jvm, "a java process in " + container,
                "OCP-Server's JVM is not running in " + container);
        return List.of(logItem, containerItem, jvmItem);
    }

    private static String field(String output, String name) {
        return output.lines().filter(l -> l.startsWith(name + " ")).map(l -> l.substring(name.length() + 1).trim())
                .findFirst().orElse("");
    }
}
