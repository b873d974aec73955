package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ports of the roles placed on the host
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/2100.appendix/400.component-listening-port-list.md) are not listened on at the host's
 * own address or the wildcard address. Read from {@code /proc/net/tcp[6]} as obd does, so no tool needs to be
 * installed.
 */
@ApplicationScoped
public class PortsFreeCheck extends CatalogCheck {

    static final String NAME = "port-free";

    public PortsFreeCheck() {
        super(NAME, Scope.EVERY_HOST, Weight.CRITICAL);
    }

    @Override
    public boolean appliesTo(CheckContext context) {
        return !context.thresholds().ports().isEmpty();
    }

    @Override
    public String probe(CheckContext context) {
        return "awk '$4 == \"0A\" {print $2}' /proc/net/tcp /proc/net/tcp6 2>/dev/null";
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        List<Listener> listeners = new ArrayList<>();
        for (String line : output.split("\n")) {
            Listener listener = Listener.parse(line.trim());
            if (listener != null) {
                listeners.add(listener);
            }
        }
        InetAddress own = literal(context.address());
        List<CheckResult> results = new ArrayList<>();
        for (int port : context.thresholds().ports()) {
            String check = NAME + ":" + port;
            String expected = "nothing listening on " + context.address() + ":" + port;
            Listener taken = listeners.stream()
                    .filter(l -> l.port == port && l.conflictsWith(own))
                    .findFirst().orElse(null);
            results.add(taken == null
                    ? Verdicts.pass(context.name(), check, "free", expected, "port " + port + " is free")
                    : Verdicts.fail(context.name(), check, "listening on " + taken, expected, "port " + port
                    + " is already in use on " + context.address() + "; stop the process listening there "
                    + "(ss -ltnp 'sport = :" + port + "') or plan another port"));
        }
        return results;
    }

    private static InetAddress literal(String address) {
        if (!address.matches("[0-9.]+|.*:.*")) {
            return null; // a name: every non-loopback listener on the port counts
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** A listening socket from /proc/net/tcp: the address is hex in host (little-endian) byte order per word. */
    record Listener(InetAddress address, int port) {

        static Listener parse(String local) {
            int colon = local.indexOf(':');
            if (colon < 0 || !local.matches("[0-9A-Fa-f]+:[0-9A-Fa-f]{4}")) {
                return null;
            }
            String hex = local.substring(0, colon);
            byte[] bytes = new byte[hex.length() / 2];
            for (int word = 0; word < bytes.length / 4; word++) {
                for (int b = 0; b < 4; b++) {
                    int at = (word * 4 + 3 - b) * 2;
                    bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
                }
            }
            try {
                return new Listener(InetAddress.getByAddress(bytes), Integer.parseInt(local.substring(colon + 1), 16));
            } catch (UnknownHostException e) {
                return null;
            }
        }

        boolean conflictsWith(InetAddress own) {
            if (address.isAnyLocalAddress()) {
                return true;
            }
            if (own == null) {
                return !address.isLoopbackAddress();
            }
            return address.equals(own);
        }

        @Override
        public String toString() {
            String host = address.getHostAddress().toLowerCase(Locale.ROOT);
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
