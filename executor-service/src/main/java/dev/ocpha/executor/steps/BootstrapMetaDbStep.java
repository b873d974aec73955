package dev.ocpha.executor.steps;

import static dev.ocpha.executor.steps.Shell.quote;

import dev.ocpha.contracts.StepKinds;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Bootstraps the MetaDB cluster once with every zone, then creates the meta and monitor tenants with the planned
 * sizes and, in each, the OCP user and database (ocp-facts §3, §6.3). Every part is checked first: a bootstrapped
 * cluster, an existing tenant, user or database is left as it is.
 */
@ApplicationScoped
public class BootstrapMetaDbStep implements Step {

    private static final String CLIENT = "obclient";

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
        return "Bootstrap the MetaDB cluster and create the ocp_meta and ocp_monitor tenants, users and databases";
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofMinutes(15);
    }

    @Override
    public void validate(StepParameters parameters) throws StepFailure {
        parameters.name("metaDbCluster");
        zones(parameters);
        parameters.port("mysqlPort");
        tenants(parameters);
        parameters.require("rootPasswordRef");
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

    @Override
    public String run(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        List<Zone> zones = zones(p);
        String host = zones.get(0).address();
        int port = p.port("mysqlPort");
        String rootPassword = context.secret("rootPasswordRef");
        List<String> done = new ArrayList<>();

        String servers = sys(context, host, port, rootPassword, "reading the MetaDB servers",
                "SELECT zone, svr_ip FROM oceanbase.DBA_OB_SERVERS", true);
        boolean bootstrapped = zones.stream().allMatch(zone -> servers.lines()
                .anyMatch(line -> line.trim().split("\\s+").length >= 2 && line.trim().split("\\s+")[0].equals(zone.name())
                        && line.trim().split("\\s+")[1].equals(zone.address())));
        if (bootstrapped) {
            context.note("cluster " + p.name("metaDbCluster") + " is already bootstrapped with " + zones.size() + " zones");
        } else {
            String statement = "ALTER SYSTEM BOOTSTRAP " + zones.stream()
                    .map(zone -> "ZONE '" + zone.name() + "' SERVER '" + zone.server() + "'").collect(Collectors.joining(", "));
            sys(context, host, port, rootPassword, "bootstrapping the MetaDB", statement, false);
            done.add("bootstrapped " + zones.size() + " zones");
        }

        String existing = sys(context, host, port, rootPassword, "listing the tenants",
                "SELECT tenant_name FROM oceanbase.DBA_OB_TENANTS", true);
        for (Tenant tenant : tenants(p)) {
            if (existing.lines().map(String::trim).anyMatch(tenant.name()::equals)) {
                context.note("tenant " + tenant.name() + " exists");
            } else {
                sys(context, host, port, rootPassword, "creating tenant " + tenant.name(),
                        "CREATE RESOURCE UNIT " + tenant.name() + "_unit MAX_CPU " + tenant.cpu() + ", MEMORY_SIZE '"
                                + tenant.memoryGb() + "G'; CREATE RESOURCE POOL " + tenant.name() + "_pool UNIT '"
                                + tenant.name() + "_unit', UNIT_NUM 1; CREATE TENANT IF NOT EXISTS " + tenant.name()
                                + " RESOURCE_POOL_LIST=('" + tenant.name() + "_pool')", false);
                done.add("created tenant " + tenant.name() + " (" + tenant.cpu() + "C/" + tenant.memoryGb() + "G)");
            }
            createUser(context, host, port, tenant);
        }
        return done.isEmpty() ? "MetaDB already bootstrapped with its tenants, users and databases" : String.join("; ", done);
    }

    /**
     * A statement as root@sys. Creating a unit or pool that a former try created is no error (the tenant, which is
     * created last, is what the check looks at), nor is bootstrapping a cluster a former try bootstrapped.
     */
    private static String sys(StepContext context, String host, int port, String rootPassword, String what,
                              String statements, boolean query) throws StepFailure {
        String script = "IFS= read -r MYSQL_PWD; export MYSQL_PWD\n"
                + "out=$(" + CLIENT + " -h " + quote(host) + " -P " + port + " -u root@sys -N -e " + quote(statements)
                + " 2>&1) && { printf '%s\\n' \"$out\"; exit 0; }\n"
                + (query ? "" : "case \"$out\" in *'already bootstrapped'*|*'already exist'*) printf '%s\\n' \"$out\"; exit 0;; esac\n")
                + "printf '%s\\n' \"$out\" >&2; exit 75\n";
        return context.run(what, script, Shell.lines(rootPassword));
    }

    /**
     * The tenant's OCP user and database, created in the tenant as its root. The statement holding the password goes
     * to obclient on its standard input, so it is on no command line of the host either.
     */
    private static void createUser(StepContext context, String host, int port, Tenant tenant) throws StepFailure {
        String password = context.secret(tenant.passwordParameter());
        String statements = "CREATE USER IF NOT EXISTS " + tenant.user() + " IDENTIFIED BY '"
                + password.replace("\\", "\\\\").replace("'", "\\'") + "'; GRANT ALL ON *.* TO " + tenant.user()
                + "; CREATE DATABASE IF NOT EXISTS " + tenant.database() + ";";
        String script = "IFS= read -r SQL\n"
                + "printf '%s\\n' \"$SQL\" | MYSQL_PWD= " + CLIENT + " -h " + quote(host) + " -P " + port + " -u "
                + quote("root@" + tenant.name()) + " -N || exit 75\n";
        context.run("creating user " + tenant.user() + " and database " + tenant.database() + " in " + tenant.name(),
                script, Shell.lines(statements));
    }
}
