package dev.ocpha.planner.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where a webhook may be POSTed: https unless http is allowed, and no address in a range that reaches the planner's
 * own host or network (loopback, link-local, private, unique local, CGNAT, cloud metadata, unspecified, multicast)
 * unless an administrator allowed it by CIDR. A name is refused when any of its addresses is.
 */
public final class WebhookTargets {

    private static final List<InetAddress> METADATA = List.of(literal("169.254.169.254"), literal("fd00:ec2::254"));
    private static final Cidr UNIQUE_LOCAL = Cidr.parse("fc00::/7");
    private static final Cidr SHARED_CGNAT = Cidr.parse("100.64.0.0/10");

    private WebhookTargets() {
    }

    /** Resolves a host name (or IP literal) to its addresses, as {@link InetAddress#getAllByName} does. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** What an administrator allows: http as well as https, and CIDRs inside the refused ranges. */
    public record Policy(boolean allowHttp, List<Cidr> allowedCidrs) {
    }

    /** Why {@code url} (absolute http or https, with a host) may not be sent to, or empty when it may. */
    public static Optional<String> refusal(URI url, Policy policy, Resolver resolver) {
        if ("http".equalsIgnoreCase(url.getScheme()) && !policy.allowHttp()) {
            return Optional.of("must be https");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(url.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names host " + url.getHost() + ", which does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> range = refusedRange(address);
            if (range.isPresent() && policy.allowedCidrs().stream().noneMatch(cidr -> cidr.contains(address))) {
                return Optional.of("reaches " + address.getHostAddress() + ", " + range.get());
            }
        }
        return Optional.empty();
    }

    /** The refused range {@code address} is in, or empty for an address of the public internet. */
    public static Optional<String> refusedRange(InetAddress address) {
        if (METADATA.contains(address)) {
            return Optional.of("a cloud metadata address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address (RFC 1918)");
        }
        if (UNIQUE_LOCAL.contains(address)) {
            return Optional.of("a unique local address (RFC 4193)");
        }
        if (SHARED_CGNAT.contains(address)) {
            return Optional.of("a shared CGNAT address (RFC 6598)");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        return Optional.empty();
    }

    private static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip + " is not an IP literal", e);
        }
    }

    /** An IPv4 or IPv6 network, {@code 10.0.0.0/8} or {@code fd00::/8}. */
    public record Cidr(InetAddress network, int prefix) {

        /** Parses {@code address/prefix}; only IP literals, never a name to resolve. */
        public static Cidr parse(String cidr) {
            int slash = cidr.indexOf('/');
            String ip = slash < 0 ? cidr.trim() : cidr.substring(0, slash).trim();
            if (!ip.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
                throw new IllegalArgumentException(cidr + " is not a CIDR: " + ip + " is not an IP address");
            }
            InetAddress network = literal(ip);
            int bits = network.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(cidr + " is not a CIDR: the prefix is not a number", e);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException(cidr + " is not a CIDR: the prefix is outside 0–" + bits);
            }
            return new Cidr(network, prefix);
        }

        public boolean contains(InetAddress address) {
            byte[] net = network.getAddress();
            byte[] candidate = address.getAddress();
            if (net.length != candidate.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((net[bit / 8] & mask) != (candidate[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return network.getHostAddress() + "/" + prefix;
        }
    }
}
