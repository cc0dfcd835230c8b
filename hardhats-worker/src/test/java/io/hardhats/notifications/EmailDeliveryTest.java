package io.hardhats.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.hardhats.TestDatabase;
import io.hardhats.events.EventView;
import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;
import io.hardhats.notifications.NotificationTestData.AttemptRow;
import io.hardhats.notifications.email.EmailSender;
import io.hardhats.notifications.email.SmtpTestServer;
import io.hardhats.pipeline.EventRecorder;
import io.hardhats.pipeline.PipelineTestData;
import io.hardhats.rules.Violation;
import io.hardhats.vision.BoundingBox;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With SMTP configured, the dispatcher picks the e-mail sender for e-mail channels and the HTTP
 * sender for Slack and Teams; a recorded violation reaches a real mail server with its annotated
 * frame inline, and the attempt is in the log.
 */
@NotificationTestContext
class EmailDeliveryTest {

    private static final byte[] THUMBNAIL = {(byte) 0xFF, (byte) 0xD8, 1, (byte) 0xFF, (byte) 0xD9};
    private static final byte[] ANNOTATED = {(byte) 0xFF, (byte) 0xD8, 2, 3, (byte) 0xFF, (byte) 0xD9};
    private static final SmtpTestServer smtp = SmtpTestServer.start();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("hardhats.database-url", TestDatabase::url);
        registry.add("hardhats.mail.host", () -> "127.0.0.1");
        registry.add("hardhats.mail.port", smtp::port);
        registry.add("hardhats.mail.tls", () -> "none");
        registry.add("hardhats.mail.username", () -> SmtpTestServer.USERNAME);
        registry.add("hardhats.mail.password", () -> SmtpTestServer.PASSWORD);
        registry.add("hardhats.mail.from", () -> SmtpTestServer.FROM);
        registry.add("hardhats.digest.enabled", () -> "false");
    }

    @AfterAll
    static void stopServer() {
        smtp.stop();
    }

    @Autowired
    EventRecorder recorder;
    @Autowired
    PipelineTestData pipeline;
    @Autowired
    NotificationTestData data;
    @Autowired
    DeliveryQueue queue;
    @Autowired
    Courier courier;
    @Autowired
    ChannelSenders senders;
    @Autowired
    MutableClock clock;
    @Autowired
    NotificationSettings settings;
    @Autowired
    TenantTransactions transactions;
    @Autowired
    JdbcClient jdbc;

    private DeliveryDispatcher dispatcher;

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    @Test
    void eachKindHasItsSender() {
        assertThat(senders.of(ChannelKind.EMAIL)).containsInstanceOf(EmailSender.class);
        for (ChannelKind kind : List.of(ChannelKind.SLACK, ChannelKind.TEAMS, ChannelKind.WEBHOOK)) {
            assertThat(senders.of(kind)).get().isInstanceOfSatisfying(HttpChannelSender.class,
                    sender -> assertThat(sender.payloads().kind()).isEqualTo(kind));
        }
    }

    @Test
    void aRecordedViolationArrivesByEmailWithItsAnnotatedFrameInline() throws Exception {
        clock.set(Instant.now());
        UUID organization = pipeline.organization("Mailed");
        UUID camera = pipeline.placeholderCamera(organization, "South gate", defaults -> { });
        UUID channel = data.email(organization, "foreman@mailed.example, safety@mailed.example", true);

        EventView event = recorder.record(organization, camera, List.of(new EventRecorder.Flagged(new Violation(
                ViolationType.NO_VEST, Severity.HIGH, 0.9f, 1, new BoundingBox(10, 10, 50, 90),
                new double[] {0.1, 0.1, 0.2, 0.4}), THUMBNAIL)), ANNOTATED, clock.instant()).get(0);
        dispatcher = new DeliveryDispatcher(queue, courier, clock, settings.dispatch());
        dispatcher.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> data.deliveries(organization, channel).get(0).status()
                .equals("delivered"));

        MimeMessage message = Arrays.stream(smtp.received()).filter(mail -> subject(mail).contains("South gate"))
                .findFirst().orElseThrow();
        assertThat(message.getRecipients(RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("foreman@mailed.example", "safety@mailed.example");
        assertThat(message.getSubject()).isEqualTo("[Hard Hats] No hi-vis vest at South gate (High)");
        assertThat(SmtpTestServer.text(message, "text/html")).contains("<img src=\"cid:frame\"")
                .contains("href=\"https://hardhats.example/#/event/" + event.id() + "\"");
        assertThat(SmtpTestServer.text(message, "text/plain"))
                .contains("https://hardhats.example/#/event/" + event.id());
        assertThat(frame(message)).as("the annotated frame, not the thumbnail").isEqualTo(ANNOTATED);
        assertThat(data.attempts(organization, data.deliveries(organization, channel).get(0).id()))
                .extracting(AttemptRow::result).containsExactly("delivered");
    }

    @Test
    void theFrameIsReadOncePerEventHoweverManyChannelsShowIt() throws Exception {
        clock.set(Instant.now());
        UUID organization = pipeline.organization("Two offices");
        UUID camera = pipeline.placeholderCamera(organization, "East gate", defaults -> { });
        data.email(organization, "east@offices.example", true);
        data.email(organization, "west@offices.example", true);
        EventView event = recorder.record(organization, camera, List.of(new EventRecorder.Flagged(new Violation(
                ViolationType.NO_VEST, Severity.HIGH, 0.9f, 1, new BoundingBox(10, 10, 50, 90),
                new double[] {0.1, 0.1, 0.2, 0.4}), THUMBNAIL)), ANNOTATED, clock.instant()).get(0);
        List<ClaimedDelivery> claimed = queue.claim(clock.instant(), 100).stream()
                .filter(delivery -> delivery.organizationId().equals(organization)).toList();
        assertThat(claimed).hasSize(2);

        send(claimed.get(0));
        // Had the second channel read the frame again, it would find these bytes.
        transactions.run(organization, () -> jdbc.sql(
                "UPDATE blob_chunks SET data = ? WHERE blob_id = (SELECT frame_blob FROM events WHERE id = ?)")
                .params(new byte[] {(byte) 0xFF, (byte) 0xD8, 9, (byte) 0xFF, (byte) 0xD9}, event.id()).update());
        send(claimed.get(1));

        int sent = 0;
        for (MimeMessage message : smtp.received()) {
            if (message.getSubject().contains("East gate")) {
                sent++;
                assertThat(frame(message)).as("the frame as it was when the event was first sent").isEqualTo(ANNOTATED);
            }
        }
        assertThat(sent).isEqualTo(2);
    }

    private void send(ClaimedDelivery delivery) {
        DeliveryAttempt attempt = courier.deliver(delivery);
        assertThat(attempt.result()).as(String.valueOf(attempt.error())).isEqualTo(DeliveryAttempt.Result.DELIVERED);
        queue.record(delivery, attempt, clock.instant());
    }

    /** The message's one image, which the HTML shows as {@code cid:frame}. */
    private static byte[] frame(MimeMessage message) throws Exception {
        List<Part> images = SmtpTestServer.leaves(message).stream().filter(EmailDeliveryTest::isImage).toList();
        assertThat(images).hasSize(1);
        assertThat(((MimeBodyPart) images.get(0)).getContentID()).isEqualTo("<frame>");
        try (InputStream bytes = images.get(0).getInputStream()) {
            return bytes.readAllBytes();
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean isImage(Part part) {
        try {
            return part.isMimeType("image/jpeg");
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
