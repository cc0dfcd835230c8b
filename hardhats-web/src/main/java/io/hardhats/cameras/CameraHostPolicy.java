package io.hardhats.cameras;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

import io.hardhats.config.HardhatsProperties;
import io.hardhats.web.ApiException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Keeps a tenant from pointing a worker at the platform's own network: camera hosts on
 * loopback, link-local or cloud-metadata addresses are refused unless
 * {@code ALLOW_PRIVATE_CAMERA_HOSTS=true} (the all-in-one default, where the "platform" is the
 * user's own laptop). Site cameras on private ranges (10/8, 192.168/16 over a VPN) stay allowed.
 */
@Component
public class CameraHostPolicy {

    /** {@code hardhats.cameras.allow-private-hosts}; unset means "only in all-in-one mode". */
    @ConfigurationProperties(prefix = "hardhats.cameras")
    public record Settings(Boolean allowPrivateHosts) {
    }

    private static final Set<String> METADATA_HOSTS = Set.of("169.254.169.254", "fd00:ec2:0:0:0:0:0:254",
            "100.100.100.200", "metadata.google.internal");

    private final boolean allowPrivate;

    public CameraHostPolicy(Settings settings, HardhatsProperties properties) {
        this.allowPrivate = settings.allowPrivateHosts() != null ? settings.allowPrivateHosts() : properties.allInOne();
    }

    public void check(String host) {
        if (allowPrivate) {
            return;
        }
        if (METADATA_HOSTS.contains(host.toLowerCase())) {
            throw refused();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            // Not resolvable from here (yet): the worker reports it as unreachable.
            return;
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                    || METADATA_HOSTS.contains(address.getHostAddress())) {
                throw refused();
            }
        }
    }

    private static ApiException refused() {
        return ApiException.invalid("rtsp_url: the host is a loopback, link-local or cloud-metadata address, "
                + "which cameras may not use");
    }
}
