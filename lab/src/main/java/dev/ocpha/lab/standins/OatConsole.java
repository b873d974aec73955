package dev.ocpha.lab.standins;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's OAT, already installed and with the fleet's hosts added as its servers: its "安装 OCP" form
 * (oceanbase/ocp-doc@V4.2.2 zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/200.deploying-ocp/
 * 200.deploying-a-high-availability-of-ocp/300.install-ocp-high-availability.md), which an operator (a test, the demo)
 * submits to the lab path {@code POST /lab/console/oat/install-ocp}: OAT's own HTTP calls are not documented, so the
 * lab does not pretend to know them. The fields are the form's: {@code image}, {@code productName}, {@code servers}
 * (comma-separated), {@code cpu}, {@code memoryGb}, {@code httpPort}, the MetaDB ("其他 OB_MySQL") {@code metaDbHost},
 * {@code metaDbPort}, {@code metaDbUser}, {@code metaPassword}, {@code metaDbDatabase}, {@code monitorDbUser},
 * {@code monitorPassword}, {@code monitorDbDatabase}, {@code adminPassword}, the load balancer's {@code siteUrl},
 * and with multi-AZ {@code az}, {@code azOcpProxy}, {@code azMetaDbProxy}. OAT then runs the OCP image on each server
 * (host network, container {@code ocp}: the name OCP's enterprise documents use for it, {@code docker exec -it ocp
 * bash} and {@code docker restart ocp} in zh-CN/1200.manage-disaster-recovery/300.ocp-multi-cluster-mode/
 * 900.multi-cluster-mode-switch.md), which must hold the image; what it did goes into that host's journal as tool
 * {@code oat}, the operator's tool, not the deployer's.
 */
public final class OatConsole implements AutoCloseable {

    public static final String PATH = "/lab/console/oat/install-ocp";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("image", "productName", "servers", "cpu", "memoryGb", "httpPort",
            "metaDbHost", "metaDbPort", "metaDbUser", "metaPassword", "metaDbDatabase", "monitorDbUser",
            "monitorPassword", "monitorDbDatabase", "adminPassword", "siteUrl");
    private static final String CONTAINER = "ocp";

    private final ControlServer hosts;
    private final HttpServer http;

    OatConsole(ControlServer hosts) {
        this.hosts = hosts;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/", this::handle);
        http.start();
    }

    /** Where the operator opens OAT ({@code http://127.0.0.1:<port>}). */
    public String url() {
        return "http://" + http.getAddress().getAddress().getHostAddress() + ":" + http.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Object[] answer;
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                answer = answer(404, "no such page in the lab's OAT: " + exchange.getRequestURI().getPath());
            } else if (!exchange.getRequestMethod().equals("POST")) {
                answer = answer(405, "the form is submitted with POST");
            } else {
                answer = install(ConsoleForm.parse(exchange.getRequestBody().readAllBytes()));
            }
            byte[] body = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders((int) answer[0], body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Checks the whole form and every server first, then installs on each: nothing is half-installed by a bad form. */
    synchronized Object[] install(Map<String, String> form) {
        for (String field : FIELDS) {
            if (form.getOrDefault(field, "").isBlank()) {
                return answer(400, "请输入 " + field + " (the form needs " + field + ")");
            }
        }
        for (String number : List.of("cpu", "memoryGb", "httpPort", "metaDbPort")) {
            if (!form.get(number).matches("[1-9]\\d{0,4}")) {
                return answer(400, number + " 格式错误 ('" + form.get(number) + "' is not a positive number)");
            }
        }
        if (form.containsKey("az") && (form.getOrDefault("azOcpProxy", "").isBlank()
                || form.getOrDefault("azMetaDbProxy", "").isBlank())) {
            return answer(400, "多可用区模式: 请输入 OCP 代理和 MetaDB 代理 (multi-AZ needs the AZ's OCP proxy and MetaDB proxy)");
        }
        List<HostRuntime> servers = new ArrayList<>();
        for (String address : form.get("servers").split(",")) {
            Optional<HostRuntime> host = hosts.hostAt(address.strip());
            if (host.isEmpty()) {
                return answer(400, "服务器 " + address.strip() + " 不在 OAT 的服务器列表中 (not one of OAT's servers)");
            }
            if (host.get().docker().image(form.get("image")).isEmpty()) {
                return answer(400, "服务器 " + address.strip() + " 上没有镜像 " + form.get("image")
                        + " (add the image in 管理镜像文件 first)");
            }
            if (host.get().docker().container(CONTAINER).isPresent()) {
                return answer(409, "服务器 " + address.strip() + " 上已安装 OCP (a container " + CONTAINER + " exists)");
            }
            servers.add(host.get());
        }
        List<String> installed = new ArrayList<>();
        for (HostRuntime host : servers) {
            DockerEngine engine = host.docker();
            DockerEngine.Image image = engine.image(form.get("image")).orElseThrow();
            Container ocp = new Container();
            ocp.name = CONTAINER;
            ocp.image = image.reference();
            ocp.imageId = image.id();
            ocp.kind = image.kind();
            ocp.version = image.version();
            ocp.network = "host";
            ocp.restart = "always";
            ocp.cpuPeriod = 100_000;
            ocp.cpuQuota = Long.parseLong(form.get("cpu")) * 100_000;
            ocp.memoryBytes = Long.parseLong(form.get("memoryGb")) << 30;
            ocp.env = environment(form);
            Container created = engine.create(ocp);
            List<Integer> taken = engine.takenPorts(created);
            if (!taken.isEmpty()) {
                engine.remove(created);
                host.journal().record("oat", List.of("install-ocp", form.get("productName")), 1,
                        "port " + taken.get(0) + " is in use");
                return answer(409, "服务器 " + host.address() + " 端口 " + taken.get(0) + " 已被占用 (port in use); installed on "
                        + installed);
            }
            engine.start(created);
            host.journal().record("oat", List.of("install-ocp", form.get("productName")), 0,
                    "OAT installed OCP " + image.reference() + " as container " + CONTAINER);
            installed.add(host.address());
        }
        ObjectNode done = JSON.createObjectNode();
        installed.forEach(done.putArray("installed")::add);
        return new Object[] {200, done.toString()};
    }

    /** What OAT gives its OCP image: the image's container environment, with the form's values. */
    private static Map<String, String> environment(Map<String, String> form) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OCP_METADB_HOST", form.get("metaDbHost"));
        env.put("OCP_METADB_PORT", form.get("metaDbPort"));
        env.put("OCP_METADB_USER", form.get("metaDbUser"));
        env.put("OCP_METADB_PASSWORD", form.get("metaPassword"));
        env.put("OCP_METADB_DBNAME", form.get("metaDbDatabase"));
        env.put("OCP_MONITORDB_USER", form.get("monitorDbUser"));
        env.put("OCP_MONITORDB_PASSWORD", form.get("monitorPassword"));
        env.put("OCP_MONITORDB_DBNAME", form.get("monitorDbDatabase"));
        env.put("OCP_INITIAL_ADMIN_PASSWORD", form.get("adminPassword"));
        env.put("OCP_CONFIG_PROPERTIES", "server.port:" + form.get("httpPort") + "\nocp.site.url:" + form.get("siteUrl")
                + "\nocp.config-url.site.url:" + form.get("siteUrl"));
        return env;
    }

    private static Object[] answer(int status, String error) {
        return new Object[] {status, JSON.createObjectNode().put("error", error).toString()};
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
