package dev.ocpha.executor.steps;

import static dev.ocpha.executor.steps.Shell.quote;

import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.installer.ActionType;
import dev.ocpha.ssh.ExecResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The MetaDB cluster as OceanBase documents a command-line deployment (oceanbase/oceanbase-doc@V4.2.5
 * {@code en-US/400.deploy/300.deploy-oceanbase-enterprise-edition/400.deploy-through-the-command-line/
 * 200.deploy-the-oceanbase-cluster-command-line/400.deploy-three-oceanbase-replica-clusters.md}, step 3.2): the
 * bootstrap with every zone as root@sys with its empty password, then root's password; proxyro for OBProxy
 * ({@code 300.deploy-obproxy-command-line.md}); the meta and monitor tenants with the planned sizes over every zone
 * and the allowlist open ({@code ob_tcp_invited_nodes}); in each, its root's password, the OCP user and database
 * (obd's sequence, oceanbase/obdeploy {@code plugins/oceanbase/4.0.0.0/create_user.py}). Every part is checked
 * first, so a second try leaves what the first one did.
 */
@ApplicationScoped
public class BootstrapMetaDbStep implements Step {

    /** One zone of the cluster: name, the address of its server and its RPC port. */
    record Zone(String name, String address, int rpcPort) {
        String server() {
            return address + ":" + rpcPort;
        }
    }

    /** A tenant with its OCP user and database; {@code passwordParameter} names the user's secret reference. */
    record Tenant(String name, int cpu, int memoryGb, String user, String database, String passwordParameter) {
    }

    @Override
    public String kind() {
        return StepKinds.BOOTSTRAP_METADB;
    }

    @Override
    public String description() {
        return "Bootstrap the MetaDB cluster, set root's password, create proxyro and the ocp_meta and ocp_monitor tenants, users and databases";
    }


    @Override
    public void validate(StepParameters parameters) throws StepFailure {
        parameters.name("metaDbCluster");
        zones(parameters);
        parameters.port("mysqlPort");
        tenants(parameters);
        parameters.require("rootPasswordRef");
        parameters.require("proxyroPasswordRef");
    }

    static List<Zone> zones(StepParameters parameters) throws StepFailure {
        List<Zone> zones = new ArrayList<>();
        for (String item : parameters.list("zones")) {
            String[] parts = item.split(":");
            if (parts.length != 3 || !parts[0].matches("[A-Za-z0-9_]{1,64}") || !parts[1].matches("[A-Za-z0-9.-]{1,253}")
                    || !parts[2].matches("\\d{1,5}") || Integer.parseInt(parts[2]) > 65535) {
                throw parameters.invalid("zones", "has '" + item + "', not zone:address:rpcPort");
            }
            zones.add(new Zone(parts[0], parts[1], Integer.parseInt(parts[2])));
        }
        return zones;
    }

    static List<Tenant> tenants(StepParameters p) throws StepFailure {
        return List.of(
                new Tenant(p.name("metaTenant"), p.integer("metaTenantCpu", 1, 1024), p.integer("metaTenantMemoryGb", 1, 4096),
                        p.nameOr("metaUser", "meta_user"), p.nameOr("metaDatabase", "meta_database"), required(p, "metaPasswordRef")),
                new Tenant(p.name("monitorTenant"), p.integer("monitorTenantCpu", 1, 1024),
                        p.integer("monitorTenantMemoryGb", 1, 4096), p.nameOr("monitorUser", "monitor_user"),
                        p.nameOr("monitorDatabase", "monitor_database"), required(p, "monitorPasswordRef")));
    }

    private static String required(StepParameters parameters, String name) throws StepFailure {
        parameters.require(name);
        return name;
    }

    /** A SQL string literal: the value between single quotes, backslash and quote escaped. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public String run(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        List<Zone> zones = zones(p);
        Sql sql = new Sql(context, zones.get(0).address(), p.port("mysqlPort"));
        String rootPassword = context.secret("rootPasswordRef");
        List<String> done = new ArrayList<>();
        String probe = context.template("probe-bootstrapped", ActionType.SQL, Map.of());

        ExecResult withPassword = sql.exec("root@sys", rootPassword, probe);
        if (withPassword.succeeded() && bootstrapped(withPassword.stdout())) {
            context.note("cluster " + p.name("metaDbCluster") + " is bootstrapped and root@sys has its password");
        } else {
            ExecResult empty = sql.exec("root@sys", "", probe);
            if (!empty.succeeded() && refused(empty)) {
                throw StepFailure.permanent("root@sys of " + p.name("metaDbCluster") + " refuses both the planned password"
                        + " and the empty one it starts with: " + lastLine(empty));
            }
            if (empty.succeeded() && bootstrapped(empty.stdout())) {
                context.note("cluster " + p.name("metaDbCluster") + " is bootstrapped; root@sys still has the empty password");
            } else {
                String servers = zones.stream().map(z -> "ZONE '" + z.name() + "' SERVER '" + z.server() + "'")
                        .collect(Collectors.joining(", "));
                sql.run("bootstrapping the MetaDB", "root@sys", "",
                        context.template("bootstrap-metadb", ActionType.SQL, Map.of("zones", servers)));
                done.add("bootstrapped " + zones.size() + " zones");
            }
            sql.run("setting root@sys's password", "root@sys", "",
                    context.template("set-root-password", ActionType.SQL, Map.of("password", literal(rootPassword))));
            done.add("set root@sys's password");
        }
        String proxyro = context.secret("proxyroPasswordRef");
        if (sql.exec("proxyro@sys", proxyro, probe).succeeded()) {
            context.note("proxyro logs in with its password");
        } else {
            sql.run("creating proxyro", "root@sys", rootPassword, context.template("create-proxyro", ActionType.SQL,
                    Map.of("password", literal(proxyro))));
            done.add("created proxyro");
        }

        String existing = sql.run("listing the tenants", "root@sys", rootPassword,
                context.template("list-tenants", ActionType.SQL, Map.of()));
        String zoneList = zones.stream().map(z -> "'" + z.name() + "'").collect(Collectors.joining(","));
        for (Tenant tenant : tenants(p)) {
            if (existing.lines().map(String::trim).anyMatch(tenant.name()::equals)) {
                context.note("tenant " + tenant.name() + " exists");
            } else {
                sql.run("creating tenant " + tenant.name(), "root@sys", rootPassword, context.template("create-tenant",
                        ActionType.SQL, Map.of("unit", tenant.name() + "_unit", "cpu", String.valueOf(tenant.cpu()),
                                "memory", tenant.memoryGb() + "G", "pool", tenant.name() + "_pool", "zoneList", zoneList,
                                "tenant", tenant.name())));
                done.add("created tenant " + tenant.name() + " (" + tenant.cpu() + "C/" + tenant.memoryGb() + "G)");
            }
            createUser(context, sql, tenant, probe);
        }
        return done.isEmpty() ? "MetaDB already bootstrapped with proxyro and its tenants, users and databases"
                : String.join("; ", done);
    }

    /**
     * In the tenant, as its root: root's password (the tenant user's, as obd sets it), the OCP database and user,
     * unless the user already logs in and sees its database. A new tenant's root has an empty password; a former try
     * may have set it already.
     */
    private static void createUser(StepContext context, Sql sql, Tenant tenant, String probe) throws StepFailure {
        String password = context.secret(tenant.passwordParameter());
        ExecResult user = sql.exec(tenant.user() + "@" + tenant.name(), password, probe);
        if (user.succeeded() && user.stdout().lines().map(String::trim).anyMatch(tenant.database()::equals)) {
            context.note(tenant.user() + " logs in to " + tenant.name() + " and sees " + tenant.database());
            return;
        }
        String statements = context.template("create-tenant-user", ActionType.SQL, Map.of("rootPassword", literal(password),
                "database", tenant.database(), "user", tenant.user(), "password", literal(password)));
        String root = "root@" + tenant.name();
        String what = "creating user " + tenant.user() + " and database " + tenant.database() + " in " + tenant.name();
        ExecResult first = sql.exec(root, "", statements);
        if (!first.succeeded()) {
            if (!refused(first)) {
                throw StepFailure.retryable(what + " failed: " + lastLine(first));
            }
            sql.run(what, root, password, statements);
        }
    }

    private static boolean bootstrapped(String showDatabases) {
        return showDatabases.lines().map(String::trim).anyMatch("oceanbase"::equals);
    }

    /** OceanBase's answer to a wrong password (MySQL error 1045, "Access denied"). */
    private static boolean refused(ExecResult result) {
        String text = result.stderr() + result.stdout();
        return text.contains("1045") || text.contains("Access denied");
    }

    private static String lastLine(ExecResult result) {
        String text = (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip();
        return text.contains("\n") ? text.substring(text.lastIndexOf('\n') + 1) : text;
    }

    /**
     * The profile's SQL client against one observer: the password travels as {@code MYSQL_PWD}, the statements on
     * standard input, so neither is on a command line of the host.
     */
    private record Sql(StepContext context, String host, int port) {

        ExecResult exec(String user, String password, String statements) throws StepFailure {
            return context.exec(script(user), Shell.lines(password, statements.replace('\n', ' ')));
        }

        String run(String what, String user, String password, String statements) throws StepFailure {
            return context.run(what, script(user), Shell.lines(password, statements.replace('\n', ' ')));
        }

        private String script(String user) throws StepFailure {
            String client = context.template("sql-client", ActionType.RUN, Map.of("host", quote(host),
                    "port", String.valueOf(port), "user", quote(user)));
            return "IFS= read -r MYSQL_PWD; export MYSQL_PWD; IFS= read -r SQL\n"
                    + "out=$(printf '%s\\n' \"$SQL\" | " + client + " 2>&1) && { printf '%s\\n' \"$out\"; exit 0; }\n"
                    + "printf '%s\\n' \"$out\" >&2; exit 75\n";
        }
    }
}
