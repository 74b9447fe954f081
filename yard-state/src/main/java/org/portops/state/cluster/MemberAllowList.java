package org.portops.state.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Hazelcast members allowed into PortOps's cluster: the configured {@code hz.members}, each {@code host} (any
 * port of the member port range) or {@code host:port}, host names resolved once at start. Hazelcast's open-source
 * edition has no member authentication (no TLS, no credentials, no socket interceptor), so this checks the address a
 * joining member states; it keeps out a machine that merely knows a member's address and the cluster name, not one
 * that also takes over an allowed address: that is the isolated network segment's job (docs/security.md, C1).
 */
public final class MemberAllowList {

    /** One allowed entry: every address its host resolves to, and its port or the whole range. */
    private record Allowed(String entry, List<InetAddress> addresses, int fromPort, int toPort) {

        boolean admits(InetAddress address, int port) {
            return port >= fromPort && port <= toPort && addresses.contains(address);
        }
    }

    private final List<Allowed> allowed;
    private final List<String> entries;

    private MemberAllowList(List<Allowed> allowed, List<String> entries) {
        this.allowed = allowed;
        this.entries = entries;
    }

    /**
     * @param members   {@code host} or {@code host:port} entries, as {@code hz.members} lists them
     * @param firstPort the member port range's first port, for entries without a port
     * @param portCount how many ports the range has
     * @throws IllegalArgumentException naming an entry whose host does not resolve or whose port is not a number
     */
    public static MemberAllowList of(List<String> members, int firstPort, int portCount) {
        List<Allowed> allowed = new ArrayList<>();
        for (String member : members) {
            String entry = member.strip();
            int colon = entry.lastIndexOf(':');
            String host = colon < 0 ? entry : entry.substring(0, colon);
            int from = firstPort;
            int to = firstPort + portCount - 1;
            if (colon >= 0) {
                try {
                    from = Integer.parseInt(entry.substring(colon + 1));
                    to = from;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("hz.members: '" + entry + "' has no port number after ':'", e);
                }
            }
            try {
                allowed.add(new Allowed(entry, List.of(InetAddress.getAllByName(host)), from, to));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("hz.members: the host of '" + entry + "' does not resolve", e);
            }
        }
        return new MemberAllowList(List.copyOf(allowed), members.stream().map(String::strip).toList());
    }

    /** Why a member at {@code address:port} may not join, if it may not. */
    public Optional<String> refusal(InetAddress address, int port) {
        for (Allowed entry : allowed) {
            if (entry.admits(address, port)) {
                return Optional.empty();
            }
        }
        return Optional.of("Hazelcast member " + address.getHostAddress() + ":" + port + " is not in hz.members "
                + entries + ": refused to join");
    }
}
