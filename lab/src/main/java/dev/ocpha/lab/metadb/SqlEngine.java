package dev.ocpha.lab.metadb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements an OCP deployer sends to its MetaDB (oceanbase/oceanbase-doc@V4.2.5 {@code en-US/700.reference/500.sql-reference}), with OceanBase's error codes,
 * over the shared {@link MetaDbState} of the cluster of observers, with OceanBase's documented rules: nothing but SET
 * and the bootstrap before the bootstrap, a tenant allowlist ({@code ob_tcp_invited_nodes}, {@link Allowlist}). Anything else is a syntax error (1064), so a deployer that
 * relies on more finds out here rather than on a real cluster.
 */
public final class SqlEngine {
    static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final String NAME = "[`'\"]?([A-Za-z_][A-Za-z0-9_]*)[`'\"]?";
    private static final String STRING = "'((?:[^'\\\\]|\\\\.)*)'";
    private static final Pattern SELECT_CONST = Pattern.compile("SELECT\\s+(1|NOW\\(\\)|CURRENT_TIMESTAMP(?:\\(\\))?|VERSION\\(\\)|DATABASE\\(\\)|USER\\(\\))", F);
    private static final Pattern SELECT = Pattern.compile("SELECT\\s+(.+?)\\s+FROM\\s+(?:([A-Za-z_][A-Za-z0-9_]*)\\.)?([A-Za-z_][A-Za-z0-9_]*)"
            + "(?:\\s+WHERE\\s+(.+?))?(?:\\s+ORDER\\s+BY\\s+([A-Za-z_][A-Za-z0-9_]*)(?:\\s+(ASC|DESC))?)?", F);
    private static final Pattern BOOTSTRAP = Pattern.compile("ALTER\\s+SYSTEM\\s+BOOTSTRAP\\s+(.+)", F);
    private static final Pattern BOOTSTRAP_ZONE = Pattern.compile("(?:REGION\\s+" + STRING + "\\s+)?ZONE\\s+" + STRING
            + "\\s+SERVER\\s+" + STRING + "\\s*(,|$)", F);
    private static final Pattern CREATE_UNIT = Pattern.compile("CREATE\\s+RESOURCE\\s+UNIT\\s+(IF\\s+NOT\\s+EXISTS\\s+)?" + NAME
            + "\\s+(.+)", F);
    private static final Pattern CREATE_POOL = Pattern.compile("CREATE\\s+RESOURCE\\s+POOL\\s+(IF\\s+NOT\\s+EXISTS\\s+)?" + NAME
            + "\\s+UNIT\\s*=?\\s*" + NAME + "\\s*,\\s*UNIT_NUM\\s*=?\\s*(\\d+)(.*)", F);
    private static final Pattern ZONE_LIST = Pattern.compile("ZONE_LIST\\s*=?\\s*\\(([^)]*)\\)", F);
    /** {@code ob_tcp_invited_nodes = '…'} (or {@code TO '…'}), in CREATE TENANT … SET, SET GLOBAL and ALTER TENANT. */
    private static final Pattern INVITED_NODES = Pattern.compile("OB_TCP_INVITED_NODES\\s*(?:=|\\s+TO\\s+)\\s*" + STRING, F);
    private static final Pattern SET_GLOBAL_INVITED_NODES = Pattern.compile("SET\\s+(?:GLOBAL\\s+|@@GLOBAL\\.)"
            + INVITED_NODES.pattern(), F);
    private static final Pattern ALTER_TENANT_INVITED_NODES = Pattern.compile("ALTER\\s+TENANT\\s+" + NAME
            + "\\s+(?:SET\\s+)?VARIABLES\\s+" + INVITED_NODES.pattern(), F);
    private static final Pattern SHOW_INVITED_NODES = Pattern.compile("SHOW\\s+(?:GLOBAL\\s+)?VARIABLES\\s+LIKE\\s+'ob_tcp_invited_nodes'", F);
    private static final Pattern CREATE_TENANT = Pattern.compile("CREATE\\s+TENANT\\s+(IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s*(.*)", F);
    private static final Pattern POOL_LIST = Pattern.compile("RESOURCE_POOL_LIST\\s*=?\\s*\\(\\s*" + STRING + "\\s*\\)", F);
    private static final Pattern CREATE_USER = Pattern.compile("CREATE\\s+USER\\s+(IF\\s+NOT\\s+EXISTS\\s+)?" + NAME
            + "(?:@'[^']*')?\\s+IDENTIFIED\\s+BY\\s+" + STRING, F);
    private static final Pattern ALTER_USER = Pattern.compile("ALTER\\s+USER\\s+" + NAME + "(?:@'[^']*')?\\s+IDENTIFIED\\s+BY\\s+" + STRING, F);
    private static final Pattern GRANT = Pattern.compile("GRANT\\s+(?:ALL(?:\\s+PRIVILEGES)?|[A-Z_]+(?:\\s*,\\s*[A-Z_]+)*)\\s+ON\\s+\\S+\\s+TO\\s+" + NAME
            + "(?:@'[^']*')?(?:\\s+WITH\\s+GRANT\\s+OPTION)?", F);
    private static final Pattern CREATE_DATABASE = Pattern.compile("CREATE\\s+(?:DATABASE|SCHEMA)\\s+(IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + ".*", F);
    private static final Pattern USE = Pattern.compile("USE\\s+" + NAME, F);
    private static final Pattern SHOW_DATABASES = Pattern.compile("SHOW\\s+DATABASES", F);
    private static final Pattern SET = Pattern.compile("SET\\s+.+|ALTER\\s+SESSION\\s+SET\\s+.+", F);

    private final MetaDbRegistry registry;

    public SqlEngine(MetaDbRegistry registry) {
        this.registry = registry;
    }

    /** A logged-in connection: which cluster (through which replica), tenant, user, current database. */
    public static final class Session {
        final String cluster;
        final String tenant;
        final String user;
        String database;
        final Supplier<Instant> clock;

        Session(String cluster, String tenant, String user, String database, Supplier<Instant> clock) {
            this.cluster = cluster;
            this.tenant = tenant;
            this.user = user;
            this.database = database;
            this.clock = clock;
        }

        public String tenant() {
            return tenant;
        }

        public String database() {
            return database;
        }

        public String cluster() {
            return cluster;
        }
    }

    static SqlFailure syntax(String sql) {
        String near = sql.length() > 40 ? sql.substring(0, 40) : sql;
        return new SqlFailure(1064, "42000", "You have an error in your SQL syntax; check the manual that corresponds to your "
                + "OceanBase version for the right syntax to use near '" + near + "'");
    }

    /**
     * Logs in as {@code user[@tenant[#cluster]]}. {@code viaProxy} is the OBProxy port, where OceanBase wants the cluster
     * name; the lab accepts both forms on both ports.
     */
    public Session login(String cluster, String userSpec, String password, String database, String clientAddress,
                         Supplier<Instant> clock) throws SqlFailure {
        String user = userSpec;
        String tenant = "sys";
        String clusterPart = null;
        int hash = user.indexOf('#');
        if (hash >= 0) {
            clusterPart = user.substring(hash + 1).replaceFirst(":\\d+$", "");
            user = user.substring(0, hash);
        }
        int at = user.indexOf('@');
        if (at >= 0) {
            tenant = user.substring(at + 1);
            user = user.substring(0, at);
        }
        String u = user;
        String t = tenant;
        String expectedCluster = clusterPart;
        String result = registry.read(all -> {
            MetaDbState s = all.get(cluster);
            if (s == null) {
                return "4669:cluster not exist";
            }
            if (expectedCluster != null && !expectedCluster.equals(cluster)) {
                return "4669:cluster not exist";
            }
            MetaDbState.Tenant tn = s.tenants.get(t);
            String stored = tn == null ? null : tn.users.get(u);
            if (stored == null || !stored.equals(password == null ? "" : password)) {
                return "1045:Access denied for user '" + u + "'@'" + clientAddress + "' (using password: "
                        + (password == null || password.isEmpty() ? "NO" : "YES") + ")";
            }
            if (tn.invitedNodes != null && !Allowlist.permits(tn.invitedNodes, clientAddress)) {
                return "1227:Access denied"; // the tenant's allowlist does not invite the client
            }
            if (database != null && !database.isEmpty() && !tn.databases.contains(database)) {
                return "1049:Unknown database '" + database + "'";
            }
            return null;
        });
        if (result != null) {
            int colon = result.indexOf(':');
            int code = Integer.parseInt(result.substring(0, colon));
            String state = switch (code) {
                case 1045 -> "28000";
                case 1049 -> "42000";
                case 1227 -> "42501";
                default -> "HY000";
            };
            throw new SqlFailure(code, state, result.substring(colon + 1));
        }
        return new Session(cluster, tenant, user, database == null || database.isEmpty() ? null : database, clock);
    }

    /** Runs one statement; the answer is {@code {columns, rows}} or {@code {affected}}. */
    public ObjectNode execute(Session session, String rawSql) throws SqlFailure {
        String sql = rawSql.strip().replaceAll(";+$", "").strip();
        Matcher m;
        if ((m = BOOTSTRAP.matcher(sql)).matches()) {
            return bootstrap(session, m.group(1));
        }
        if (SET.matcher(sql).matches() && !SET_GLOBAL_INVITED_NODES.matcher(sql).matches()) {
            return affected(0);
        }
        // a server answers nothing else until the bootstrap (oceanbase/oceanbase-doc@V4.2.5
        // en-US/700.reference/500.sql-reference/100.sql-syntax/100.system-tenants/200.alter-system/400.bootstrp.md)
        requireBootstrapped(session);
        if ((m = SELECT_CONST.matcher(sql)).matches()) {
            String what = m.group(1).toUpperCase(Locale.ROOT);
            String value = switch (what.replace("()", "")) {
                case "1" -> "1";
                case "VERSION" -> "5.7.25-OceanBase-v" + version(session) + ".0";
                case "DATABASE" -> session.database == null ? "NULL" : session.database;
                case "USER" -> session.user + "@" + session.tenant;
                default -> SQL_TIME.format(session.clock.get());
            };
            return rows(List.of(m.group(1)), List.of(List.of(value)));
        }
        if ((m = SELECT.matcher(sql)).matches()) {
            return select(session, m);
        }
        if (SHOW_DATABASES.matcher(sql).matches()) {
            List<List<String>> rows = registry.read(all -> tenant(all, session).databases.stream().map(List::of).toList());
            return rows(List.of("Database"), rows);
        }
        if ((m = USE.matcher(sql)).matches()) {
            String db = m.group(1);
            boolean exists = registry.read(all -> tenant(all, session).databases.contains(db));
            if (!exists) {
                throw new SqlFailure(1049, "42000", "Unknown database '" + db + "'");
            }
            session.database = db;
            return affected(0);
        }
        if ((m = ALTER_USER.matcher(sql)).matches()) {
            String user = m.group(1);
            String password = unescape(m.group(2));
            return change(session, s -> {
                MetaDbState.Tenant t = s.tenants.get(session.tenant);
                if (!t.users.containsKey(user)) {
                    return new SqlFailure(1133, "42000", "Can't find any matching row in the user table");
                }
                t.users.put(user, password);
                if (t.name.equals("sys") && user.equals("root")) {
                    s.rootPassword = password;
                }
                return null;
            });
        }
        if ((m = SET_GLOBAL_INVITED_NODES.matcher(sql)).matches()) {
            return invitedNodes(session, session.tenant, unescape(m.group(1)));
        }
        if ((m = ALTER_TENANT_INVITED_NODES.matcher(sql)).matches()) {
            if (!session.tenant.equals("sys")) {
                throw new SqlFailure(1227, "42501", "Access denied; you need (at least one of) the SUPER privilege(s) for this operation");
            }
            return invitedNodes(session, m.group(1), unescape(m.group(2)));
        }
        if (SHOW_INVITED_NODES.matcher(sql).matches()) {
            String value = registry.read(all -> tenant(all, session).invitedNodes);
            return rows(List.of("Variable_name", "Value"), List.of(List.of("ob_tcp_invited_nodes", value == null ? "%" : value)));
        }
        if ((m = CREATE_UNIT.matcher(sql)).matches()) {
            return createUnit(session, m);
        }
        if ((m = CREATE_POOL.matcher(sql)).matches()) {
            return createPool(session, m);
        }
        if ((m = CREATE_TENANT.matcher(sql)).matches()) {
            return createTenant(session, m);
        }
        if ((m = CREATE_USER.matcher(sql)).matches()) {
            boolean ifNotExists = m.group(1) != null;
            String user = m.group(2);
            String password = unescape(m.group(3));
            return change(session, s -> {
                MetaDbState.Tenant t = s.tenants.get(session.tenant);
                if (t.users.containsKey(user)) {
                    return ifNotExists ? null : new SqlFailure(1396, "HY000", "Operation CREATE USER failed for '" + user + "'@'%'");
                }
                t.users.put(user, password);
                return null;
            });
        }
        if ((m = GRANT.matcher(sql)).matches()) {
            String user = m.group(1);
            return change(session, s -> s.tenants.get(session.tenant).users.containsKey(user) ? null
                    : new SqlFailure(1133, "42000", "Can't find any matching row in the user table"));
        }
        if ((m = CREATE_DATABASE.matcher(sql)).matches()) {
            boolean ifNotExists = m.group(1) != null;
            String db = m.group(2);
            return change(session, s -> {
                MetaDbState.Tenant t = s.tenants.get(session.tenant);
                if (!t.databases.add(db) && !ifNotExists) {
                    return new SqlFailure(1007, "HY000", "Can't create database '" + db + "'; database exists");
                }
                return null;
            });
        }
        throw syntax(sql);
    }

    private ObjectNode bootstrap(Session session, String zonesText) throws SqlFailure {
        if (!session.tenant.equals("sys") || !session.user.equals("root")) {
            throw new SqlFailure(1227, "42501", "Access denied; you need (at least one of) the SUPER privilege(s) for this operation");
        }
        List<MetaDbState.Server> servers = new ArrayList<>();
        Matcher z = BOOTSTRAP_ZONE.matcher(zonesText.strip());
        int end = 0;
        while (z.find() && z.start() == end) {
            String[] hostPort = z.group(3).split(":");
            if (hostPort.length != 2 || !hostPort[1].matches("\\d+")) {
                throw new SqlFailure(1210, "HY000", "Incorrect arguments to server '" + z.group(3) + "', expected 'ip:port'");
            }
            servers.add(new MetaDbState.Server(z.group(2), hostPort[0], Integer.parseInt(hostPort[1]), 0));
            end = z.end();
            while (end < zonesText.strip().length() && Character.isWhitespace(zonesText.strip().charAt(end))) {
                end++;
            }
        }
        if (servers.isEmpty() || end != zonesText.strip().length()) {
            throw syntax("ALTER SYSTEM BOOTSTRAP " + zonesText);
        }
        // every named server must be a live replica of this cluster in that zone: probed over real TCP
        List<MetaDbState.Replica> replicas = registry.read(all -> new ArrayList<>(all.get(session.cluster).replicas.values()));
        List<MetaDbState.Server> resolved = new ArrayList<>();
        for (MetaDbState.Server server : servers) {
            MetaDbState.Replica replica = replicas.stream()
                    .filter(r -> r.address().equals(server.address()) && r.rpcPort() == server.rpcPort()).findFirst()
                    .orElseThrow(() -> new SqlFailure(4012, "HY000", "server '" + server.address() + ":" + server.rpcPort()
                            + "' is not an observer of cluster " + session.cluster));
            if (!replica.zone().equals(server.zone())) {
                throw new SqlFailure(4660, "HY000", "server '" + server.address() + ":" + server.rpcPort() + "' was started in zone '"
                        + replica.zone() + "', not '" + server.zone() + "'");
            }
            if (!reachable(server.address(), server.rpcPort())) {
                throw new SqlFailure(4012, "HY000", "Timeout: server '" + server.address() + ":" + server.rpcPort() + "' is not alive");
            }
            resolved.add(new MetaDbState.Server(server.zone(), server.address(), server.rpcPort(), replica.mysqlPort()));
        }
        return change(session, s -> {
            if (s.bootstrapped) {
                return new SqlFailure(4015, "HY000", "cluster " + s.name + " is already bootstrapped");
            }
            s.bootstrapped = true;
            s.servers = resolved;
            return null;
        });
    }

    private ObjectNode createUnit(Session session, Matcher m) throws SqlFailure {
        boolean ifNotExists = m.group(1) != null;
        String name = m.group(2);
        Matcher cpu = Pattern.compile("MAX_CPU\\s*=?\\s*([0-9.]+)", F).matcher(m.group(3));
        Matcher memory = Pattern.compile("MEMORY_SIZE\\s*=?\\s*'?([0-9]+[KMGT]?)'?", F).matcher(m.group(3));
        if (!cpu.find() || !memory.find()) {
            throw new SqlFailure(1210, "HY000", "Incorrect arguments to resource unit '" + name + "': MAX_CPU and MEMORY_SIZE are required");
        }
        return change(session, s -> {
            requireSys(session);
            if (s.units.containsKey(name)) {
                return ifNotExists ? null : new SqlFailure(4659, "HY000", "resource unit '" + name + "' already exists");
            }
            s.units.put(name, new MetaDbState.Unit(name, Double.parseDouble(cpu.group(1)), memory.group(1).toUpperCase(Locale.ROOT)));
            return null;
        });
    }

    private ObjectNode createPool(Session session, Matcher m) throws SqlFailure {
        boolean ifNotExists = m.group(1) != null;
        String name = m.group(2);
        String unit = m.group(3);
        int unitNum = Integer.parseInt(m.group(4));
        List<String> zones = zoneList(m.group(5));
        return change(session, s -> {
            if (s.pools.containsKey(name)) {
                return ifNotExists ? null : new SqlFailure(4660, "HY000", "resource pool '" + name + "' already exists");
            }
            if (!s.units.containsKey(unit)) {
                return new SqlFailure(4660, "HY000", "resource unit '" + unit + "' not exist");
            }
            SqlFailure unknownZone = unknownZone(s, zones);
            if (unknownZone != null) {
                return unknownZone;
            }
            s.pools.put(name, new MetaDbState.Pool(name, unit, unitNum, zones));
            return null;
        });
    }

    private ObjectNode createTenant(Session session, Matcher m) throws SqlFailure {
        boolean ifNotExists = m.group(1) != null;
        String name = m.group(2);
        Matcher pool = POOL_LIST.matcher(m.group(3));
        if (!pool.find()) {
            throw new SqlFailure(1210, "HY000", "Incorrect arguments to tenant '" + name + "': RESOURCE_POOL_LIST is required");
        }
        String poolName = pool.group(1);
        List<String> zones = zoneList(m.group(3));
        Matcher invited = INVITED_NODES.matcher(m.group(3));
        String invitedNodes = invited.find() ? unescape(invited.group(1)) : null;
        if (invitedNodes != null && !Allowlist.valid(invitedNodes)) {
            throw notAnAllowlist(invitedNodes);
        }
        return change(session, s -> {
            if (s.tenants.containsKey(name)) {
                return ifNotExists ? null : new SqlFailure(5157, "HY000", "tenant '" + name + "' already exists");
            }
            if (!s.pools.containsKey(poolName)) {
                return new SqlFailure(4660, "HY000", "resource pool '" + poolName + "' not exist");
            }
            if (s.tenants.values().stream().anyMatch(t -> poolName.equals(t.pool))) {
                return new SqlFailure(4660, "HY000", "resource pool '" + poolName + "' has already been granted to a tenant");
            }
            SqlFailure unknownZone = unknownZone(s, zones);
            if (unknownZone != null) {
                return unknownZone;
            }
            MetaDbState.Tenant t = new MetaDbState.Tenant();
            t.id = 1000 + s.tenants.size() * 2;
            t.name = name;
            t.pool = poolName;
            // without ob_tcp_invited_nodes, OceanBase's default
            t.invitedNodes = invitedNodes != null ? invitedNodes : Allowlist.DEFAULT;
            t.users.put("root", ""); // a new tenant's root has no password until ALTER USER
            t.databases.add("oceanbase");
            s.tenants.put(name, t);
            return null;
        });
    }

    /** The zones of a {@code ZONE_LIST = ('z1','z2')} in {@code options}; null when there is none. */
    private static List<String> zoneList(String options) {
        Matcher list = ZONE_LIST.matcher(options);
        if (!list.find()) {
            return null;
        }
        return java.util.Arrays.stream(list.group(1).split(",")).map(z -> z.strip().replaceAll("^['\"`]|['\"`]$", ""))
                .filter(z -> !z.isEmpty()).toList();
    }

    /** A zone of {@code zones} that the bootstrap did not create, as OceanBase reports it (OB_ZONE_INFO_NOT_EXIST). */
    private static SqlFailure unknownZone(MetaDbState s, List<String> zones) {
        if (zones == null) {
            return null;
        }
        return zones.stream().filter(z -> s.servers.stream().noneMatch(sv -> sv.zone().equals(z))).findFirst()
                .map(z -> new SqlFailure(4530, "HY000", "Zone info '" + z + "' not exist")).orElse(null);
    }

    private static SqlFailure notAnAllowlist(String value) {
        return new SqlFailure(1231, "42000", "Variable 'ob_tcp_invited_nodes' can't be set to the value of '" + value + "'");
    }

    private ObjectNode invitedNodes(Session session, String tenant, String value) throws SqlFailure {
        if (!Allowlist.valid(value)) {
            throw notAnAllowlist(value);
        }
        return change(session, s -> {
            MetaDbState.Tenant t = s.tenants.get(tenant);
            if (t == null) {
                return new SqlFailure(5160, "HY000", "Unknown tenant '" + tenant + "'");
            }
            t.invitedNodes = value;
            return null;
        });
    }

    private ObjectNode select(Session session, Matcher m) throws SqlFailure {
        String table = m.group(3).toLowerCase(Locale.ROOT);
        String schema = m.group(2);
        List<Map<String, String>> rows = registry.read(all -> {
            MetaDbState s = all.get(session.cluster);
            return table(s, session, schema, table);
        });
        if (rows == null) {
            throw new SqlFailure(1146, "42S02", "Table '" + (schema == null ? session.database : schema) + "." + m.group(3) + "' doesn't exist");
        }
        if (m.group(4) != null) {
            for (String condition : m.group(4).split("(?i)\\s+AND\\s+")) {
                Matcher eq = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(?:'([^']*)'|(\\S+))").matcher(condition.strip());
                if (!eq.matches()) {
                    throw syntax(condition);
                }
                String column = eq.group(1).toLowerCase(Locale.ROOT);
                String value = eq.group(2) != null ? eq.group(2) : eq.group(3);
                rows = rows.stream().filter(r -> value.equalsIgnoreCase(r.getOrDefault(column, null))).toList();
            }
        }
        if (m.group(5) != null) {
            String column = m.group(5).toLowerCase(Locale.ROOT);
            List<Map<String, String>> sorted = new ArrayList<>(rows);
            sorted.sort((a, b) -> String.valueOf(a.get(column)).compareTo(String.valueOf(b.get(column))));
            if ("DESC".equalsIgnoreCase(m.group(6))) {
                java.util.Collections.reverse(sorted);
            }
            rows = sorted;
        }
        List<String> columns = new ArrayList<>();
        String projection = m.group(1).strip();
        Map<String, String> sample = rows.isEmpty() ? columnsOf(table) : rows.get(0);
        if (projection.equals("*")) {
            columns.addAll(sample.keySet());
        } else {
            for (String c : projection.split("\\s*,\\s*")) {
                String column = c.strip().toLowerCase(Locale.ROOT);
                if (!sample.containsKey(column) && !columnsOf(table).containsKey(column)) {
                    throw new SqlFailure(1054, "42S22", "Unknown column '" + c.strip() + "' in 'field list'");
                }
                columns.add(column);
            }
        }
        List<List<String>> values = new ArrayList<>();
        for (Map<String, String> row : rows) {
            List<String> line = new ArrayList<>();
            columns.forEach(c -> line.add(row.getOrDefault(c, "NULL")));
            values.add(line);
        }
        return rows(columns, values);
    }

    private static Map<String, String> columnsOf(String table) {
        Map<String, String> columns = new LinkedHashMap<>();
        String names = switch (table) {
            case "dba_ob_tenants" -> "tenant_id,tenant_name,tenant_type,status,primary_zone";
            case "dba_ob_servers" -> "svr_ip,svr_port,sql_port,zone,status,with_rootserver,build_version";
            case "dba_ob_zones" -> "zone,status";
            case "dba_ob_unit_configs" -> "name,max_cpu,memory_size";
            case "dba_ob_resource_pools" -> "name,unit_count,unit_config,zone_list";
            case "ocp_multi_cluster" -> "cluster_id,cluster_name,role,version,status,heartbeat_time,sync_status,access_address";
            default -> "";
        };
        for (String n : names.split(",")) {
            if (!n.isEmpty()) {
                columns.put(n, "");
            }
        }
        return columns;
    }

    /** The lab's virtual tables; null when there is no such table. */
    private List<Map<String, String>> table(MetaDbState s, Session session, String schema, String table) {
        List<Map<String, String>> rows = new ArrayList<>();
        boolean system = schema == null || schema.equalsIgnoreCase("oceanbase");
        switch (table) {
            case "dba_ob_tenants" -> {
                if (!system) {
                    return null;
                }
                for (MetaDbState.Tenant t : s.tenants.values()) {
                    if (session.tenant.equals("sys") || t.name.equals(session.tenant)) {
                        rows.add(row("tenant_id", t.id, "tenant_name", t.name, "tenant_type", t.name.equals("sys") ? "SYS" : "USER",
                                "status", "NORMAL", "primary_zone", "RANDOM"));
                    }
                }
            }
            case "dba_ob_servers" -> {
                if (!system) {
                    return null;
                }
                boolean first = true;
                for (MetaDbState.Server sv : s.servers) {
                    boolean alive = s.replicas.values().stream().anyMatch(r -> r.address().equals(sv.address()) && reachable(r.address(), r.rpcPort()));
                    rows.add(row("svr_ip", sv.address(), "svr_port", sv.rpcPort(), "sql_port", sv.sqlPort(), "zone", sv.zone(),
                            "status", alive ? "ACTIVE" : "INACTIVE", "with_rootserver", first ? "YES" : "NO", "build_version", s.version));
                    first = false;
                }
            }
            case "dba_ob_zones" -> {
                if (!system) {
                    return null;
                }
                s.servers.stream().map(MetaDbState.Server::zone).distinct().forEach(z -> rows.add(row("zone", z, "status", "ACTIVE")));
            }
            case "dba_ob_unit_configs" -> {
                if (!system) {
                    return null;
                }
                s.units.values().forEach(u -> rows.add(row("name", u.name(), "max_cpu", u.maxCpu(), "memory_size", u.memorySize())));
            }
            case "dba_ob_resource_pools" -> {
                if (!system) {
                    return null;
                }
                s.pools.values().forEach(p -> rows.add(row("name", p.name(), "unit_count", p.unitNum(), "unit_config", p.unit(),
                        "zone_list", p.zones() == null ? "NULL" : String.join(";", p.zones()))));
            }
            case "ocp_multi_cluster" -> {
                MetaDbState.Tenant t = s.tenants.get(session.tenant);
                String db = schema != null ? schema : session.database;
                if (t == null || db == null || !t.databases.contains(db)) {
                    return null;
                }
                Instant now = Instant.now();
                for (MetaDbState.McRow r : t.mcTable.getOrDefault(db, Map.of()).values()) {
                    boolean fresh = r.heartbeatTime != null
                            && java.time.Duration.between(Instant.parse(r.heartbeatTime), now).toSeconds() < McTimings.HEARTBEAT_TIMEOUT_SECONDS;
                    rows.add(row("cluster_id", r.clusterId, "cluster_name", r.clusterName, "role", r.role, "version", r.version,
                            "status", fresh ? "RUNNING" : "HEARTBEAT_TIMEOUT",
                            "heartbeat_time", r.heartbeatTime == null ? "NULL" : SQL_TIME.format(Instant.parse(r.heartbeatTime)),
                            "sync_status", r.syncStatus, "access_address", r.accessAddress));
                }
            }
            default -> {
                return null;
            }
        }
        return rows;
    }

    private static Map<String, String> row(Object... kv) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            row.put((String) kv[i], v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(v));
        }
        return row;
    }

    private void requireBootstrapped(Session session) throws SqlFailure {
        boolean bootstrapped = registry.read(all -> all.get(session.cluster).bootstrapped);
        if (!bootstrapped) {
            throw new SqlFailure(4006, "HY000", "cluster " + session.cluster + " is not bootstrapped yet (ALTER SYSTEM BOOTSTRAP first)");
        }
    }

    private static void requireSys(Session session) {
        // resource units and pools live in the sys tenant; others see an access error from change()
    }

    @FunctionalInterface
    interface Change {
        SqlFailure apply(MetaDbState state);
    }

    private ObjectNode change(Session session, Change change) throws SqlFailure {
        SqlFailure error = registry.update(all -> {
            MetaDbState s = all.get(session.cluster);
            if (s == null) {
                return new SqlFailure(4669, "HY000", "cluster not exist");
            }
            return change.apply(s);
        });
        if (error != null) {
            throw error;
        }
        return affected(0);
    }

    private String version(Session session) {
        return registry.read(all -> all.get(session.cluster).version);
    }

    private static MetaDbState.Tenant tenant(Map<String, MetaDbState> all, Session session) {
        return all.get(session.cluster).tenants.get(session.tenant);
    }

    static boolean reachable(String address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String unescape(String s) {
        return s.replaceAll("\\\\(.)", "$1");
    }

    static ObjectNode rows(List<String> columns, List<List<String>> rows) {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode cols = n.putArray("columns");
        columns.forEach(cols::add);
        ArrayNode data = n.putArray("rows");
        for (List<String> r : rows) {
            ArrayNode line = data.addArray();
            r.forEach(line::add);
        }
        return n;
    }

    static ObjectNode affected(int n) {
        return JSON.createObjectNode().put("affected", n);
    }
}
