package io.hardhats.cameras;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
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
 * checked address, so FFmpeg cannot resolve it differently a moment later.
 */
@Component
public class CameraHostGuard {

    /** {@code hardhats.cameras.allow-private-hosts}; unset means "only in all-in-one mode". */
    @ConfigurationProperties(prefix = "hardhats.cameras")
    public record Settings(Boolean allowPrivateHosts) {
    }

    /** A camera host the platform may not connect to; the message is safe to show. */
    public static final class ForbiddenHostException extends RuntimeException {
        ForbiddenHostException() {
            super("the host is a loopback, link-local or cloud-metadata address, which cameras may not use");
        }
    }

    private static final Set<String> METADATA_HOSTS = Set.of("169.254.169.254", "fd00:ec2:0:0:0:0:0:254",
            "100.100.100.200", "metadata.google.internal");

    private final boolean allowPrivate;

    @Autowired
    public CameraHostGuard(Settings settings, HardhatsProperties properties) {
        this(settings.allowPrivateHosts() != null ? settings.allowPrivateHosts() : properties.allInOne());
    }

    public CameraHostGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /**
     * Refuses a forbidden host. A name that does not resolve from here passes: the connection
     * will report it unreachable (and {@link #pinned} checks it again then).
     */
    public void check(String host) {
        if (!allowPrivate) {
            vettedAddresses(host);
        }
    }

    /**
     * The URL to connect to: unchanged when private hosts are allowed or the URL has no host;
     * otherwise with its host replaced by the address it resolves to now, after checking every
     * address it resolves to.
     *
     * @throws ForbiddenHostException the host is, or resolves to, a forbidden address
     */
    public String pinned(String url) {
        if (allowPrivate || url == null) {
            return url;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return url; // not a URL FFmpeg can open either; it reports the error
        }
        String host = uri.getHost();
        InetAddress[] addresses = host == null ? null : vettedAddresses(host);
        if (addresses == null) {
            return url;
        }
        String literal = addresses[0] instanceof Inet6Address
                ? "[" + addresses[0].getHostAddress() + "]" : addresses[0].getHostAddress();
        String authority = uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + userInfo + literal + port + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Every address {@code host} resolves to, all allowed; null when it does not resolve from here. */
    private static InetAddress[] vettedAddresses(String host) {
        if (METADATA_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
            throw new ForbiddenHostException();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                    || METADATA_HOSTS.contains(address.getHostAddress())) {
                throw new ForbiddenHostException();
            }
        }
        return addresses;
    }
}
