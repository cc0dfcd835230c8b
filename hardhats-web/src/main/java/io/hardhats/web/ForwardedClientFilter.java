package io.hardhats.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides each request's client address ({@link ClientAddress}). {@code X-Forwarded-For} is read
 * only when the peer is a configured proxy, from the right: trusted proxies are skipped and the
 * first other address is the client. Anyone else could write any address there, and would pick a
 * fresh one for every attempt to escape the per-address rate limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ForwardedClientFilter extends OncePerRequestFilter {

    private final List<Cidr> trusted;

    public ForwardedClientFilter(ForwardedHeadersProperties properties) {
        this.trusted = properties.trustedProxies().stream().map(Cidr::parse).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ClientAddress.ATTRIBUTE, resolve(request).map(InetAddress::getHostAddress).orElse(null));
        chain.doFilter(request, response);
    }

    private Optional<InetAddress> resolve(HttpServletRequest request) {
        Optional<InetAddress> peer = IpLiteral.parse(request.getRemoteAddr());
        if (peer.isEmpty() || !isTrusted(peer.get())) {
            return peer;
        }
        InetAddress client = peer.get();
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            Optional<InetAddress> hop = IpLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                // Whatever a trusted proxy could not vouch for ends the chain at that proxy.
                break;
            }
            client = hop.get();
        }
        return Optional.of(client);
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(cidr -> cidr.contains(address));
    }

    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }
}
