package io.hardhats.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMTP server alerts and digests go out through ({@code SMTP_*}). E-mail is off while no host
 * is set, and the dashboard says so.
 *
 * @param tls {@code starttls} (default, port 587), {@code tls} (implicit TLS, port 465) or {@code none} (port 25)
 * @param timeout how long one connect, read or write may take: an SMTP server that hangs would
 *        otherwise hold a delivery forever
 */
@ConfigurationProperties(prefix = "hardhats.mail")
public record MailSettings(String host, Integer port, String username, String password, String from, Tls tls,
        Duration timeout) {

    public enum Tls {
        STARTTLS(587), TLS(465), NONE(25);

        private final int defaultPort;

        Tls(int defaultPort) {
            this.defaultPort = defaultPort;
        }
    }

    public MailSettings {
        tls = tls == null ? Tls.STARTTLS : tls;
        port = port == null || port <= 0 ? tls.defaultPort : port;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    public boolean configured() {
        return host != null && !host.isBlank();
    }

    public boolean authenticates() {
        return username != null && !username.isBlank();
    }

    /** The sender address: {@code SMTP_FROM}, else the login when it is an address, else one on the server's name. */
    public String sender() {
        if (from != null && !from.isBlank()) {
            return from;
        }
        return authenticates() && username.contains("@") ? username : "hardhats@" + host;
    }

    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", tls=" + tls + ", username=" + username + "]";
    }
}
