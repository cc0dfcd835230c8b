package io.hardhats.cameras;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.hardhats.web.ApiException;

/**
 * A validated camera URL split into the URL without credentials (what is stored and shown) and
 * the credentials from its user info, if any. Only rtsp:// and rtsps:// with a host are accepted.
 */
public record RtspUrl(String withoutCredentials, String host, String username, String password) {

    public static RtspUrl parse(String value) {
        if (!value.contains("://")) {
            throw ApiException.invalid("rtsp_url: " + withScheme(value.trim()));
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw ApiException.invalid("rtsp_url: is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("rtsp") && !scheme.equals("rtsps")) {
            throw ApiException.invalid("rtsp_url: must start with rtsp:// or rtsps://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            // Java sees no host in forms like 127.1 or 1.2.3.4.5 that FFmpeg would still connect to.
            throw ApiException.invalid("rtsp_url: must name a host: a name, a dotted IPv4 address such as"
                    + " 192.0.2.10 or a bracketed IPv6 address");
        }
        String username = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            username = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        try {
            URI clean = new URI(scheme, null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
            return new RtspUrl(clean.toString(), uri.getHost(), username, password);
        } catch (URISyntaxException e) {
            throw ApiException.invalid("rtsp_url: is not a valid URL");
        }
    }

    /** People type the address a camera's manual shows, often without its scheme. */
    private static String withScheme(String value) {
        boolean quotable = !value.contains("@") && value.length() <= 200 && !value.isBlank();
        return quotable
                ? "add rtsp:// in front of the address, as in rtsp://" + value
                : "add rtsp:// in front of the address, as in rtsp://192.0.2.10:554/stream1";
    }

    public boolean hasCredentials() {
        return username != null;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RtspUrl[" + withoutCredentials + "]";
    }
}
