package io.hardhats.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The proxies whose {@code X-Forwarded-For} is believed, as CIDR blocks ({@code 10.0.0.0/8},
 * {@code fd00::/8}); a request from any other peer is taken at its own address. Empty trusts no
 * one, which is right when clients connect directly.
 */
@ConfigurationProperties(prefix = "hardhats.forwarded")
public record ForwardedHeadersProperties(List<String> trustedProxies) {

    public ForwardedHeadersProperties {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::trim).filter(cidr -> !cidr.isEmpty()).toList();
    }
}
