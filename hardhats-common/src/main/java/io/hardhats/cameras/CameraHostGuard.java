package io.hardhats.cameras;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.hardhats.config.HardhatsProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Keeps a tenant from pointing the product at the platform's own network: camera hosts on
 * loopback, link-local or cloud-metadata addresses are refused unless
 * {@code ALLOW_PRIVATE_CAMERA_HOSTS=true} (the all-in-one default, where the "platform" is the
 * user's own laptop). Site cameras on private ranges (10/8, 192.168/16 over a VPN) stay allowed.
 *
 * <p>Checking a camera's URL when it is saved is not enough: a hostname can resolve to a public
 * address then and to 169.254.169.254 when a worker connects (DNS rebinding). So whatever
 * connects asks for {@link #pinned} URL: the host resolved and checked now, and replaced by the
 * checked address, so FFmpeg cannot resolve it differently a moment later. Address literals are
 * read as FFmpeg's C library reads them ({@link HostAddressParser}) and handed over in canonical
 * form, in every mode.
 */
@Component
public class CameraHostGuard {

    /** {@code hardhats.cameras.allow-private-hosts}; unset means "only in all-in-one mode". */
    @ConfigurationProperties(prefix = "hardhats.cameras")
    public record Settings(Boolean allowPrivateHosts) {
    }

    /** A camera host the platform may not connect to; the message is safe to show. */
    public static final class ForbiddenHostException extends RuntimeException {
        private ForbiddenHostException(String message) {
            super(message);
        }

        static ForbiddenHostException forbidden() {
            return new ForbiddenHostException(
                    "the host is a loopback, link-local or cloud-metadata address, which cameras may not use");
        }

        static ForbiddenHostException ambiguous() {
            return new ForbiddenHostException("the host is not a name, a dotted IPv4 address such as 192.0.2.10"
                    + " or a bracketed IPv6 address, and could be read as another address");
        }
    }

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal");
    private static final Set<InetAddress> METADATA_ADDRESSES = Set.of(address(169, 254, 169, 254),
            address(100, 100, 100, 200), address(0xfd, 0, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54));

    private final boolean allowPrivate;

    @Autowired
    public CameraHostGuard(Settings settings, HardhatsProperties properties) {
        this(settings.allowPrivateHosts() != null ? settings.allowPrivateHosts() : properties.allInOne());
    }

    public CameraHostGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /**
     * Refuses a host written so that it could be read as another address, and, unless private
     * hosts are allowed, a forbidden one. A name that does not resolve from here passes: the
     * connection will report it unreachable (and {@link #pinned} checks it again then).
     */
    public void check(String host) {
        InetAddress[] addresses = addressesOf(host);
        if (!allowPrivate) {
            vet(addresses);
        }
    }

    /**
     * The URL to connect to, its host replaced by the address that was checked: the canonical
     * form of an address literal, so FFmpeg cannot read it differently; and, unless private hosts
     * are allowed, the address a name resolves to now, after checking every address it resolves to.
     *
     * @throws ForbiddenHostException the host is, or resolves to, a forbidden address, or is ambiguous
     */
    public String pinned(String url) {
        if (url == null || !url.contains("://")) {
            return url; // a local file: nothing to connect to
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ForbiddenHostException.ambiguous(); // FFmpeg's reading of it could be anything
        }
        String host = uri.getHost();
        if (host == null) {
            throw ForbiddenHostException.ambiguous(); // Java sees no host where FFmpeg will find one
        }
        if (allowPrivate && literal(host).isEmpty()) {
            return url; // a name, and every address allowed: nothing to pin
        }
        InetAddress[] addresses = addressesOf(host);
        if (addresses == null) {
            return url;
        }
        if (!allowPrivate) {
            vet(addresses);
        }
        InetAddress target = addresses[0];
        String authority = uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + userInfo + urlForm(target) + port
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /**
     * The addresses a client may connect to for the host: every one it stands for now, each
     * checked unless private hosts are allowed. Other clients than FFmpeg (webhook deliveries)
     * connect to exactly these, so a name re-pointed after the check cannot redirect them.
     *
     * @throws UnknownHostException the name does not resolve from here
     * @throws ForbiddenHostException the host is, or resolves to, a forbidden address, or is ambiguous
     */
    public InetAddress[] vettedAddresses(String host) throws UnknownHostException {
        InetAddress[] addresses = addressesOf(host);
        if (addresses == null) {
            throw new UnknownHostException("the name does not resolve");
        }
        if (!allowPrivate) {
            vet(addresses);
        }
        return addresses;
    }

    /** The address a literal stands for, or what a name resolves to now (null when it does not). */
    private static InetAddress[] addressesOf(String host) {
        Optional<InetAddress> literal = literal(host);
        return literal.isPresent() ? new InetAddress[] {literal.get()} : resolve(host);
    }

    private static Optional<InetAddress> literal(String host) {
        try {
            return HostAddressParser.literal(host);
        } catch (HostAddressParser.Ambiguous e) {
            throw ForbiddenHostException.ambiguous();
        }
    }

    /** Every address a name resolves to; null when it does not resolve from here. */
    private static InetAddress[] resolve(String name) {
        String unrooted = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (METADATA_HOSTS.contains(unrooted.toLowerCase(Locale.ROOT))) {
            throw ForbiddenHostException.forbidden();
        }
        try {
            return InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static void vet(InetAddress[] addresses) {
        if (addresses == null) {
            return;
        }
        for (InetAddress address : addresses) {
            if (forbidden(address) || embeddedIpv4(address).map(CameraHostGuard::forbidden).orElse(false)) {
                throw ForbiddenHostException.forbidden();
            }
        }
    }

    private static boolean forbidden(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean thisNetwork = bytes.length == 4 && bytes[0] == 0; // 0.0.0.0/8 reaches this host on Linux
        return thisNetwork || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || METADATA_ADDRESSES.contains(address);
    }

    /**
     * The IPv4 address inside an IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4
     * (2002::/16) address, which a gateway may forward to; IPv4-mapped ones Java already reads
     * as IPv4.
     */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        boolean zeroPrefix = true;
        for (int i = 0; i < 12; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (zeroPrefix || nat64) {
            return Optional.of(address(b[12] & 0xff, b[13] & 0xff, b[14] & 0xff, b[15] & 0xff));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Optional.of(address(b[2] & 0xff, b[3] & 0xff, b[4] & 0xff, b[5] & 0xff));
        }
        return Optional.empty();
    }

    private static String urlForm(InetAddress address) {
        return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    }

    private static InetAddress address(int... parts) {
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) parts[i];
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
