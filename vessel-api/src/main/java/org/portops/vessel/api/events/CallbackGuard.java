package org.portops.vessel.api.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps webhooks from being turned against the terminal's own network (SSRF): a callback URL must be https and every
 * address its host resolves to must be public — not loopback, link-local (cloud metadata at 169.254.169.254),
 * private (RFC 1918, IPv6 unique local), carrier-grade NAT, unspecified or multicast — unless the {@link Policy}
 * allows it. The check runs when a subscription is made and again before every delivery, and a delivery connects to
 * the address that was checked, so a name that re-resolves to an internal address later (DNS rebinding) is refused
 * rather than called.
 */
public final class CallbackGuard {

    /** What callbacks may point at; the strict policy is the default. */
    public record Policy(boolean allowHttp, boolean allowPrivateAddresses) {

        public static Policy strict() {
            return new Policy(false, false);
        }

        /** For tests and closed networks: plain http and any address. */
        public static Policy permissive() {
            return new Policy(true, true);
        }

        /** {@code PORTOPS_WEBHOOK_ALLOW_HTTP} and {@code PORTOPS_WEBHOOK_ALLOW_PRIVATE} ({@code true}; default false). */
        public static Policy fromEnvironment(Map<String, String> environment) {
            return new Policy(flag(environment, "PORTOPS_WEBHOOK_ALLOW_HTTP"),
                    flag(environment, "PORTOPS_WEBHOOK_ALLOW_PRIVATE"));
        }

        private static boolean flag(Map<String, String> environment, String name) {
            String value = environment.get(name);
            if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
                return false;
            }
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            throw new IllegalArgumentException(name + " must be true or false, not " + value);
        }
    }

    /** A callback cleared for one delivery: connect to {@code address}, send Host and SNI of the URL's host. */
    public record Target(URI uri, InetAddress address, int port, boolean https) {

        public String host() {
            return uri.getHost();
        }

        /** The URL's path with {@code under} appended as a further segment (none when empty), then its query. */
        public String requestUri(String under) {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (!under.isEmpty()) {
                path = path.endsWith("/") ? path + under : path + "/" + under;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    /** The outcome of a check: a target to call, or why the URL may not be called. */
    public sealed interface Checked {
        record Allowed(Target target) implements Checked {
        }

        record Refused(String reason) implements Checked {
        }
    }

    private final Vertx vertx;
    private final Policy policy;

    public CallbackGuard(Vertx vertx, Policy policy) {
        this.vertx = vertx;
        this.policy = policy;
    }

    /** Checks the URL's form, resolves its host (off the event loop) and checks every address. */
    public Future<Checked> check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Future.succeededFuture(new Checked.Refused("callback URL " + url + " is not a URL: "
                    + e.getMessage()));
        }
        Optional<String> form = form(uri);
        if (form.isPresent()) {
            return Future.succeededFuture(new Checked.Refused(form.get()));
        }
        String host = uri.getHost();
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        return vertx.executeBlocking(() -> resolve(host), false).map(addresses -> {
            if (addresses.isEmpty()) {
                return new Checked.Refused("callback host " + host + " does not resolve");
            }
            for (InetAddress address : addresses) {
                Optional<String> range = policy.allowPrivateAddresses() ? Optional.empty() : forbiddenRange(address);
                if (range.isPresent()) {
                    return new Checked.Refused("callback host " + host + " resolves to " + address.getHostAddress()
                            + ", a " + range.get() + " address; callbacks go to public addresses only");
                }
            }
            return new Checked.Allowed(new Target(uri, addresses.getFirst(), port, https));
        });
    }

    private Optional<String> form(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && policy.allowHttp())) {
            return Optional.of("callback URL " + uri + " must use https" + (policy.allowHttp() ? " or http" : ""));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("callback URL " + uri + " has no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("callback URL " + uri.getHost() + " must not carry credentials");
        }
        return Optional.empty();
    }

    private static List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    /** The name of the non-public range {@code address} is in, empty when it is a public address. */
    public static Optional<String> forbiddenRange(InetAddress address) {
        if (address instanceof Inet6Address v6 && isIpv4Mapped(v6)) {
            byte[] b = v6.getAddress();
            try {
                return forbiddenRange(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("four bytes are an IPv4 address", e);
            }
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return Optional.of("\"this network\" (0.0.0.0/8)");
            }
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("carrier-grade NAT (100.64.0.0/10)");
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return Optional.of("benchmarking (198.18.0.0/15)");
            }
            if (first >= 240) {
                return Optional.of("reserved (240.0.0.0/4)");
            }
        } else if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("unique local (fc00::/7)");
        }
        return Optional.empty();
    }

    private static boolean isIpv4Mapped(Inet6Address address) {
        byte[] b = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
