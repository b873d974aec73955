package dev.ocpha.lab.metadb;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A tenant's allowlist, the system variable {@code ob_tcp_invited_nodes}: comma-separated entries, each an address
 * ({@code 10.10.10.10}), a subnet ({@code 10.10.10.0/24} or {@code 10.10.10.0/255.255.255.0}), a pattern with
 * {@code %} and {@code _} ({@code 10.10.10.%}), or {@code %} for every client; OceanBase's default is
 * {@code 127.0.0.1,::1}, clients on the server itself (oceanbase/oceanbase-doc@V4.2.5
 * {@code en-US/700.reference/800.configuration-items-and-system-variables/200.system-variable/300.global-system-variable/9700.ob_tcp_invited_nodes-global.md}).
 */
final class Allowlist {
    /** What a tenant created without {@code ob_tcp_invited_nodes} allows. */
    static final String DEFAULT = "127.0.0.1,::1";
    private static final Pattern VALUE = Pattern.compile("[0-9A-Fa-f.:%_/, ]*");

    private Allowlist() {
    }

    /** Whether {@code value} is an allowlist OceanBase accepts (addresses, subnets, patterns, commas). */
    static boolean valid(String value) {
        return VALUE.matcher(value).matches();
    }

    static boolean permits(String value, String client) {
        for (String entry : value.split(",")) {
            String e = entry.strip();
            if (e.equals("%") || e.equals(client)
                    || (e.contains("/") && inSubnet(e, client))
                    || ((e.contains("%") || e.contains("_")) && like(e, client))) {
                return true;
            }
        }
        return false;
    }

    private static boolean like(String pattern, String client) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return client.matches(regex.toString());
    }

    private static boolean inSubnet(String subnet, String client) {
        String[] parts = subnet.split("/", 2);
        try {
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] address = InetAddress.getByName(client).getAddress();
            if (network.length != address.length) {
                return false;
            }
            byte[] mask = parts[1].contains(".") ? InetAddress.getByName(parts[1]).getAddress() : prefixMask(Integer.parseInt(parts[1]), network.length);
            for (int i = 0; i < network.length; i++) {
                if ((network[i] & mask[i]) != (address[i] & mask[i])) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    private static byte[] prefixMask(int bits, int length) {
        byte[] mask = new byte[length];
        for (int i = 0; i < length; i++) {
            int left = Math.max(0, Math.min(8, bits - 8 * i));
            mask[i] = (byte) (0xff << (8 - left));
        }
        return mask;
    }
}
