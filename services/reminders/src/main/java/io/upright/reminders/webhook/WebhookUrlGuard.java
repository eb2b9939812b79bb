package io.upright.reminders.webhook;

import io.upright.platform.problem.ProblemException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps webhook URLs from turning the service into a proxy into its own network (SSRF): only http(s), and,
 * unless private webhooks are allowed, only hosts whose every address is public. Checked when an endpoint is
 * registered and again before each delivery, because a name can be re-pointed after registration.
 */
public final class WebhookUrlGuard {

    /** Resolves a host name; a seam so tests can pretend a name points somewhere. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final int MAX_LENGTH = 2048;

    private final boolean allowPrivate;
    private final Resolver resolver;

    public WebhookUrlGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    public WebhookUrlGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    /**
     * @return the URL, parsed
     * @throws ProblemException 400 naming {@code url} when the URL may not be called
     */
    public URI check(String url) {
        return check(url, "url");
    }

    /** As {@link #check(String)}, naming {@code field} in the 400 problem. */
    public URI check(String url, String field) {
        if (url == null || url.isBlank()) {
            throw ProblemException.invalid(field, "is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw ProblemException.invalid(field, "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.invalid(field, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw ProblemException.invalid(field, "must be an http or https URL");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw ProblemException.invalid(field, "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw ProblemException.invalid(field, "must not contain credentials");
        }
        if (allowPrivate) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw ProblemException.invalid(field, "host cannot be resolved");
        }
        if (addresses == null || addresses.length == 0) {
            throw ProblemException.invalid(field, "host cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw ProblemException.invalid(field, "must not point at a loopback, private or link-local address");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 0/8 "this network", 100.64/10 carrier-grade NAT, 198.18/15 benchmarking, 240/4 reserved
            return first != 0 && !(first == 100 && second >= 64 && second < 128)
                    && !(first == 198 && (second == 18 || second == 19)) && first < 240;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local addresses; IPv4-mapped addresses are judged by their IPv4 part
            if ((b[0] & 0xfe) == 0xfc) {
                return false;
            }
            if (isIpv4Mapped(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
