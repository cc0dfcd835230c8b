package io.hardhats.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.hardhats.notifications.Alert;
import io.hardhats.notifications.ChannelAddress;
import io.hardhats.notifications.ChannelKind;
import io.hardhats.notifications.DeliveryAttempt;
import io.hardhats.notifications.DeliveryAttempt.Result;
import io.hardhats.notifications.MailSettings;
import io.hardhats.notifications.SampleAlerts;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** E-mail alerts through a real SMTP server: what arrives, and what each SMTP failure means for the delivery. */
class EmailSenderTest {

    private static final ChannelAddress TWO_PEOPLE =
            new ChannelAddress(ChannelKind.EMAIL, "ann@site.example, bob@site.example", null);

    private final SmtpTestServer smtp = SmtpTestServer.start();

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void anAlertArrivesAsHtmlWithTheFrameInlineAndAPlainTextAlternative() throws Exception {
        byte[] frame = jpeg();
        Alert alert = SampleAlerts.alert("North gate", frame);

        DeliveryAttempt attempt = sender(smtp.settings()).send(TWO_PEOPLE, alert);

        assertThat(attempt.result()).isEqualTo(Result.DELIVERED);
        MimeMessage[] received = smtp.received();
        assertThat(received).hasSize(2);
        MimeMessage message = received[0];
        assertThat(message.getRecipients(RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("ann@site.example", "bob@site.example");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("alerts@hardhats.test");
        assertThat(message.getSubject()).isEqualTo("[Hard Hats] No hard hat at North gate (High)");

        String html = SmtpTestServer.text(message, "text/html");
        assertThat(html).contains("<img src=\"cid:frame\"")
                .contains("href=\"" + alert.eventUrl() + "\"")
                .contains("North gate").contains("Wed 2 Dec 2026, 14:05:09 CET").contains("No hard hat")
                .contains("High").contains("87 %");
        String text = SmtpTestServer.text(message, "text/plain");
        assertThat(text).contains("Camera: North gate").contains("Time: Wed 2 Dec 2026, 14:05:09 CET")
                .contains("Severity: High").contains("Open in Hard Hats: " + alert.eventUrl());

        List<Part> images = SmtpTestServer.leaves(message).stream().filter(this::isJpeg).toList();
        assertThat(images).hasSize(1);
        MimeBodyPart image = (MimeBodyPart) images.get(0);
        assertThat(image.getContentID()).isEqualTo("<frame>");
        assertThat(image.getDisposition()).isEqualTo(Part.INLINE);
        try (InputStream bytes = image.getInputStream()) {
            assertThat(bytes.readAllBytes()).isEqualTo(frame);
        }
    }

    @Test
    void anAlertWithoutAFrameHasNoImageAndCameraNamesAreEscaped() throws Exception {
        DeliveryAttempt attempt = sender(smtp.settings())
                .send(new ChannelAddress(ChannelKind.EMAIL, "ann@site.example", null),
                        SampleAlerts.alert("<script>alert(1)</script> gate", null));

        assertThat(attempt.result()).isEqualTo(Result.DELIVERED);
        MimeMessage message = smtp.received()[0];
        String html = SmtpTestServer.text(message, "text/html");
        assertThat(html).doesNotContain("cid:").doesNotContain("<script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; gate");
        assertThat(SmtpTestServer.leaves(message)).noneMatch(this::isJpeg);
    }

    @Test
    void aSummaryCountsTheHeldBackAlertsByTypeAndCamera() throws Exception {
        DeliveryAttempt attempt = sender(smtp.settings()).sendSummary(TWO_PEOPLE, SampleAlerts.summary(2));

        assertThat(attempt.result()).isEqualTo(Result.DELIVERED);
        MimeMessage message = smtp.received()[0];
        assertThat(message.getSubject()).isEqualTo("[Hard Hats] 41 more violations from 14:05 to 14:07");
        String text = SmtpTestServer.text(message, "text/plain");
        assertThat(text).contains("No hard hat: Alerts 38").contains("No hi-vis vest: Alerts 3")
                .contains("Camera 1: Alerts 40").contains("Camera 2: Alerts 1")
                .contains("Open the events in Hard Hats: https://hardhats.example/#/events");
        assertThat(SmtpTestServer.text(message, "text/html")).contains("href=\"https://hardhats.example/#/events\"");
    }

    @Test
    void aRefusedLoginIsFinalWithTheServersReply() {
        DeliveryAttempt attempt = sender(smtp.settings("not-the-password"))
                .send(TWO_PEOPLE, SampleAlerts.alert("North gate", null));

        assertThat(attempt.result()).isEqualTo(Result.FAILED);
        assertThat(attempt.reply()).startsWith("535");
        assertThat(attempt.error()).contains("SMTP_USERNAME and SMTP_PASSWORD").doesNotContain("not-the-password");
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void aServerThatAsksToTryLaterIsRetriedWithItsReply() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerBusy(busy), "busy-smtp");
            server.setDaemon(true);
            server.start();
            MailSettings settings = new MailSettings("127.0.0.1", busy.getLocalPort(), null, null, SmtpTestServer.FROM,
                    MailSettings.Tls.NONE, Duration.ofSeconds(5));

            DeliveryAttempt attempt = sender(settings).send(TWO_PEOPLE, SampleAlerts.alert("North gate", null));

            assertThat(attempt.result()).isEqualTo(Result.RETRY);
            assertThat(attempt.reply()).isEqualTo("451 4.3.2 Too busy, try again later");
            server.join(5000);
        }
    }

    /** One SMTP conversation of a server that takes the greeting and refuses the mail for now. */
    private static void answerBusy(ServerSocket listener) {
        try (Socket client = listener.accept();
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII)) {
            out.write("220 busy.test ESMTP\r\n");
            out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.toUpperCase(Locale.ROOT);
                out.write(command.startsWith("EHLO") ? "250 busy.test\r\n"
                        : command.startsWith("MAIL FROM") ? "451 4.3.2 Too busy, try again later\r\n"
                        : command.startsWith("QUIT") ? "221 bye\r\n" : "250 OK\r\n");
                out.flush();
                if (command.startsWith("QUIT")) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client hung up first: nothing more to answer.
        }
    }

    @Test
    void anUnreachableServerIsRetried() {
        MailSettings settings = smtp.settings();
        smtp.stop();

        DeliveryAttempt attempt = sender(settings).send(TWO_PEOPLE, SampleAlerts.alert("North gate", null));

        assertThat(attempt.result()).isEqualTo(Result.RETRY);
        assertThat(attempt.error()).startsWith("could not reach the mail server");
    }

    @Test
    void aChannelWithoutAddressesFailsWithoutSending() {
        DeliveryAttempt attempt = sender(smtp.settings())
                .send(new ChannelAddress(ChannelKind.EMAIL, " , ", null), SampleAlerts.alert("North gate", null));

        assertThat(attempt.result()).isEqualTo(Result.FAILED);
        assertThat(smtp.received()).isEmpty();
    }

    private boolean isJpeg(Part part) {
        try {
            return part.isMimeType("image/jpeg");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] jpeg() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(32, 18, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    private static EmailSender sender(MailSettings settings) {
        return new EmailSender(new SmtpMail(settings));
    }
}
