package io.hardhats.notifications.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.hardhats.notifications.MailSettings;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) on a free loopback port, with one login, and the readers that
 * open what it received.
 */
public final class SmtpTestServer implements AutoCloseable {

    public static final String USERNAME = "alerts@hardhats.test";
    public static final String PASSWORD = "smtp-test-password";
    public static final String FROM = "Hard Hats <alerts@hardhats.test>";

    private final GreenMail server;

    private SmtpTestServer(GreenMail server) {
        this.server = server;
    }

    public static SmtpTestServer start() {
        return start(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    }

    /** A server on the port an earlier one used: the same server back after an outage. */
    public static SmtpTestServer startOn(int port) {
        return start(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    private static SmtpTestServer start(ServerSetup setup) {
        GreenMail server = new GreenMail(setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(USERNAME, PASSWORD));
        server.start();
        return new SmtpTestServer(server);
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /** What the product reads from SMTP_HOST, SMTP_PORT, … to reach this server. */
    public MailSettings settings(String password) {
        return new MailSettings("127.0.0.1", port(), USERNAME, password, FROM, MailSettings.Tls.NONE, Duration.ofSeconds(5));
    }

    public MailSettings settings() {
        return settings(PASSWORD);
    }

    public MimeMessage[] received() {
        return server.getReceivedMessages();
    }

    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** Every leaf part of a message (text, HTML, images), depth first. */
    public static List<Part> leaves(Part part) throws Exception {
        List<Part> leaves = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                leaves.addAll(leaves(multipart.getBodyPart(i)));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    /** The text of the one leaf of the given type ({@code text/plain}, {@code text/html}). */
    public static String text(MimeMessage message, String type) throws Exception {
        for (Part leaf : leaves(message)) {
            if (leaf.isMimeType(type)) {
                return (String) leaf.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
