package dev.ocpha.lab.standins;

import dev.ocpha.lab.net.HostNetworks;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The OAT container
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/200.prepare-the-deployment-environment/100.install-oat.md):
 * its web console on port 7000 (or the host port {@code -p} maps to it).
 */
final class OatServer implements ContainerProcess {
    private final HostRuntime host;
    private final Container container;
    private HttpServer http;

    OatServer(HostRuntime host, Container container) {
        this.host = host;
        this.container = container;
    }

    @Override
    public List<Integer> ports() {
        return List.of(container.hostPort(7000));
    }

    @Override
    public synchronized void start() {
        try {
            http = HostNetworks.inside(host.address(),
                    () -> HttpServer.create(new InetSocketAddress(host.address(), ports().get(0)), 20));
            http.createContext("/", exchange -> {
                byte[] body = ("<html><title>OAT " + container.version + "</title><body>OceanBase Admin Toolkit</body></html>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            http.start();
            host.docker().log(container, "OAT " + container.version + " listening on " + host.address() + ":" + ports().get(0));
        } catch (IOException e) {
            http = null;
            host.docker().exited(container, 1, "OAT failed to listen on " + ports().get(0) + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (http != null) {
            http.stop(0);
            http = null;
        }
    }

    @Override
    public String processLine() {
        return http == null ? null : "1 python /oat/oat-server.py --port 7000";
    }
}
