package dev.ocpha.planner.domain;

import java.util.regex.Pattern;

/** Checks that go beyond the character allow-list: IPv4 octets, DNS labels, port ranges. */
public final class Addresses {

    private static final Pattern IPV4_SHAPE = Pattern.compile("\\d+(\\.\\d+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private Addresses() {
    }

    /** Why {@code host} is not an IPv4 address or DNS name, or null when it is one. */
    public static String problemWithHost(String host) {
        if (IPV4_SHAPE.matcher(host).matches()) {
            String[] octets = host.split("\\.", -1);
            if (octets.length != 4) {
                return "is not an IPv4 address: it needs 4 octets";
            }
            for (String octet : octets) {
                if (octet.length() > 3 || Integer.parseInt(octet) > 255) {
                    return "is not an IPv4 address: octet " + octet + " is above 255";
                }
            }
            return null;
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return "is not a DNS name: label '" + label + "' must be 1–63 letters, digits or inner dashes";
            }
        }
        return null;
    }

    /** Why {@code hostPort} (host or host:port) is unusable, or null. */
    public static String problemWithHostPort(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            return problemWithHost(hostPort);
        }
        String hostProblem = problemWithHost(hostPort.substring(0, colon));
        if (hostProblem != null) {
            return hostProblem;
        }
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        return port < 1 || port > 65535 ? "has port " + port + ", outside 1–65535" : null;
    }

    /** Why an http(s)://host[:port] URL is unusable, or null. */
    public static String problemWithUrl(String url) {
        return problemWithHostPort(url.substring(url.indexOf("://") + 3));
    }

    public static String withDefaultPort(String hostPort, int port) {
        return hostPort == null || hostPort.contains(":") ? hostPort : hostPort + ":" + port;
    }

    public static String host(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }
}
