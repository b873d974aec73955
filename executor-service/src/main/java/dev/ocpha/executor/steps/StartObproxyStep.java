package dev.ocpha.executor.steps;

import static dev.ocpha.executor.steps.Shell.quote;

import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.installer.ActionType;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * OBProxy on a MetaDB host, once the cluster is bootstrapped and has its proxyro user, with the documented command
 * line (oceanbase/oceanbase-doc@V4.2.5 {@code en-US/400.deploy/300.deploy-oceanbase-enterprise-edition/
 * 400.deploy-through-the-command-line/300.deploy-obproxy-command-line.md}): {@code -r} the observers' SQL
 * addresses, {@code -p} the service port, {@code -c} the cluster, {@code -o} with {@code observer_sys_password} =
 * the SHA1 hex of proxyro's password and the documented switches. The hash reaches the host on standard input; it
 * is on OBProxy's command line, as the document has it. Skipped while the OBProxy of the pid file obd uses
 * ({@code <home>/run/obproxy-<ip>-<port>.pid}) is alive.
 */
@ApplicationScoped
public class StartObproxyStep implements Step {

    static final String SWITCHES = "enable_strict_kernel_release=false,enable_cluster_checkout=false,enable_metadb_used=false";

    @Override
    public String kind() {
        return StepKinds.START_OBPROXY;
    }

    @Override
    public String description() {
        return "Start OBProxy with the MetaDB's rs list and proxyro's password, as documented";
    }


    @Override
    public void validate(StepParameters p) throws StepFailure {
        p.name("media");
        p.path("mediaDir");
        p.name("metaDbCluster");
        p.host("address");
        p.port("proxyPort");
        rsList(p);
        p.require("proxyroPasswordRef");
    }

    /** {@code ip:sqlPort} entries joined with {@code ;}, as OBProxy's {@code -r} takes them. */
    static String rsList(StepParameters p) throws StepFailure {
        return CreateMetaDbStep.rsList(p, 1, "ip:sqlPort");
    }

    /** The SHA1 hex OBProxy's {@code observer_sys_password} takes (the document's example: 123456 → 7c4a8d09…). */
    static String sha1Hex(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String run(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        MetaDbPackages packages = MetaDbPackages.of(context.medium(p.name("media")), p.path("mediaDir"));
        packages.install(context); // a host that runs OBProxy without a MetaDB replica has not installed them yet
        String home = packages.home(context, packages.obproxy(), "/bin/obproxy");
        String address = p.host("address");
        int port = p.port("proxyPort");
        String start = context.template("start-obproxy", ActionType.RUN, Map.of("home", quote(home),
                "rsList", quote(rsList(p)), "port", String.valueOf(port),
                "options", "\"observer_sys_password=$PROXYRO_SHA1," + SWITCHES + "\"", "cluster", quote(p.name("metaDbCluster"))));
        String script = "IFS= read -r PROXYRO_SHA1\n" + Processes.startUnlessAlive(context, "obproxy",
                quote(home + "/run/obproxy-" + address + "-" + port + ".pid"), start, List.of(port), address,
                CreateMetaDbStep.LISTEN_WAIT_SECONDS);
        return context.run("starting obproxy on " + address + ":" + port, script,
                Shell.lines(sha1Hex(context.secret("proxyroPasswordRef")))).strip();
    }
}
