package dev.burnrate.portal.notification;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which hosts webhooks may be sent to. A webhook URL is set by an admin but the portal makes the request from inside
 * the network, so by default a host that resolves to a loopback, private, link-local (cloud metadata), unique-local,
 * shared (carrier NAT), unspecified or multicast address, IPv4 or IPv6, is refused: when the URL is saved and again
 * before each delivery (DNS may have changed). {@code burnrate.webhooks.allow-private-targets=true} lets an admin
 * allow them, e.g. for a receiver on the same network.
 */
@Component
public class WebhookTargets {

    private final boolean allowPrivate;

    public WebhookTargets(@Value("${burnrate.webhooks.allow-private-targets:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Thrown when a webhook host is refused or cannot be resolved; the message says which address and why. */
    public static class RefusedTarget extends IllegalArgumentException {
        RefusedTarget(String message) {
            super(message);
        }
    }

    /** Resolves the URL's host and throws {@link RefusedTarget} unless every address it has may be reached. */
    public void check(URI url) {
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedTarget("The webhook URL has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedTarget("Cannot resolve the webhook host " + host);
        }
        if (allowPrivate) {
            return;
        }
        InetAddress refused = Arrays.stream(addresses).filter(WebhookTargets::isInternal).findFirst().orElse(null);
        if (refused != null) {
            throw new RefusedTarget("The webhook host " + host + " resolves to " + refused.getHostAddress()
                    + ", a loopback, private, link-local or multicast address; an admin can allow such targets with"
                    + " burnrate.webhooks.allow-private-targets=true");
        }
    }

    /** True for addresses inside the portal's host or network rather than on the internet. */
    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // "this network"
                    || (first == 100 && (second & 0xc0) == 64)  // 100.64.0.0/10, shared address space
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24, protocol assignments
                    || first >= 240;                            // reserved and broadcast
        }
        if (address instanceof Inet6Address v6) {
            if ((b[0] & 0xfe) == 0xfc) {                        // fc00::/7, unique local
                return true;
            }
            InetAddress embedded = embeddedIpv4(v6, b);
            return embedded != null && isInternal(embedded);
        }
        return false;
    }

    /** The IPv4 address inside an IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static InetAddress embeddedIpv4(Inet6Address v6, byte[] b) {
        try {
            if (v6.isIPv4CompatibleAddress() || (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff
                    && (b[3] & 0xff) == 0x9b && Arrays.equals(b, 4, 12, new byte[8], 0, 8))) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 2, 6));
            }
            return null;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
