package io.hardhats.notifications.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.notifications.NotificationTestData;
import io.hardhats.notifications.email.SmtpMail;
import io.hardhats.notifications.email.SmtpTestServer;
import io.hardhats.tenancy.SystemTransactions;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The daily digest with a real SMTP server and PostgreSQL, driven by a clock the test sets: it
 * goes out after the organisation's midnight (in its own time zone) to the addresses of its
 * enabled e-mail channels, once per address even with two workers, with the
 * worst camera first, and again after the mail server comes back.
 */
@SpringBootTest(classes = HardhatsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"hardhats.role=worker", "hardhats.fleet.enabled=false", "hardhats.digest.enabled=false",
                "hardhats.secret-key=test-only-signing-key-0123456789-abcdefghij",
                "hardhats.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "hardhats.mail.host=127.0.0.1", "hardhats.mail.tls=none", "hardhats.mail.timeout=3s"})
@Import(NotificationTestData.class)
@ExtendWith(OutputCaptureExtension.class)
class DailyDigestTest {

    private static SmtpTestServer smtp = SmtpTestServer.start();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("hardhats.database-url", TestDatabase::url);
        registry.add("hardhats.mail.port", smtp::port);
        registry.add("hardhats.mail.username", () -> SmtpTestServer.USERNAME);
        registry.add("hardhats.mail.password", () -> SmtpTestServer.PASSWORD);
        registry.add("hardhats.mail.from", () -> SmtpTestServer.FROM);
    }

    @AfterAll
    static void stopServer() {
        smtp.stop();
    }

    @Autowired
    NotificationTestData channels;
    @Autowired
    DigestRecipients recipients;
    @Autowired
    DigestQueue queue;
    @Autowired
    DigestReports reports;
    @Autowired
    SmtpMail mail;
    @Autowired
    SystemTransactions system;
    @Autowired
    DataSource dataSource;

    private JdbcClient jdbc;

    @BeforeEach
    void database() {
        jdbc = JdbcClient.create(dataSource);
    }

    @Test
    void afterMidnightEachAddressGetsTheDaysCountsOnceWorstCameraFirst() throws Exception {
        UUID acme = organization("Acme Builders");
        UUID gate = camera(acme, "North gate");
        UUID crane = camera(acme, "Crane <east>");
        UUID yard = camera(acme, "Yard");
        events(acme, crane, "zone_breach", "2026-12-01T08:00:00Z");
        events(acme, gate, "no_hardhat", "2026-12-01T00:00:00Z", "2026-12-01T09:30:00Z", "2026-12-01T23:59:59Z");
        events(acme, gate, "no_vest", "2026-12-01T12:00:00Z");
        events(acme, yard, "no_hardhat", "2026-11-30T23:59:59Z", "2026-12-02T00:00:00Z");
        UUID quiet = organization("Quiet Works");
        channels.email(acme, "ann@acme.example, bob@acme.example", true);
        channels.email(acme, "bob@acme.example", true);
        channels.email(acme, "eve@acme.example", false);
        channels.webhook(acme, "https://192.0.2.10/hook", "whsec-digest", "{}", 5, 120);
        channels.email(quiet, "zoe@quiet.example", true);
        assertThat(recipients.addresses(acme)).containsExactly("ann@acme.example", "bob@acme.example");
        assertThat(recipients.addresses(quiet)).containsExactly("zoe@quiet.example");

        // A minute before midnight the day is not over: only the day before goes out.
        digestsAt("2026-12-01T23:59:00Z").run();
        assertThat(subjects("ann@acme.example")).containsExactly("[Hard Hats] Daily digest for Mon 30 Nov 2026: 1 violation");

        // Two workers just after midnight: each address gets the day once.
        DailyDigests first = digestsAt("2026-12-02T00:00:30Z");
        DailyDigests second = digestsAt("2026-12-02T00:00:30Z");
        CompletableFuture.allOf(CompletableFuture.runAsync(first::run), CompletableFuture.runAsync(second::run)).get();
        digestsAt("2026-12-02T06:00:00Z").run();

        assertThat(subjects("ann@acme.example")).containsExactly(
                "[Hard Hats] Daily digest for Mon 30 Nov 2026: 1 violation",
                "[Hard Hats] Daily digest for Tue 1 Dec 2026: 5 violations");
        assertThat(subjects("bob@acme.example")).hasSize(2);
        MimeMessage digest = messages("bob@acme.example").get(1);
        assertThat(digest.getRecipients(RecipientType.TO)).hasSize(1);
        String text = SmtpTestServer.text(digest, "text/plain");
        assertThat(text).contains("Acme Builders: 5 violations on Tue 1 Dec 2026")
                .contains("North gate: No hard hat 3, No hi-vis vest 1, Zone breach 0, Total 4")
                .contains("Crane <east>: No hard hat 0, No hi-vis vest 0, Zone breach 1, Total 1")
                .doesNotContain("Yard");
        assertThat(text.indexOf("North gate")).isLessThan(text.indexOf("Crane"));
        String html = SmtpTestServer.text(digest, "text/html");
        assertThat(html).contains("Crane &lt;east&gt;").contains("<th");

        assertThat(subjects("zoe@quiet.example")).contains("[Hard Hats] Daily digest for Tue 1 Dec 2026: 0 violations");
        assertThat(SmtpTestServer.text(messages("zoe@quiet.example").get(1), "text/plain"))
                .contains("No violation was recorded that day.").doesNotContain("North gate");
        assertThat(status(acme, "ann@acme.example", "2026-12-01")).isEqualTo("delivered");
        assertThat(messages("eve@acme.example")).as("a disabled channel gets no digest").isEmpty();
    }

    @Test
    void theDayEndsAtTheOrganisationsMidnight() throws Exception {
        UUID auckland = organization("Harbour Works");
        channels.timeZone(auckland, "Pacific/Auckland"); // UTC+13 in December
        UUID wharf = camera(auckland, "Wharf");
        events(auckland, wharf, "no_vest", "2026-11-30T11:30:00Z", // 00:30 on 1 December in Auckland
                "2026-12-01T10:30:00Z", // 23:30 on 1 December
                "2026-12-01T11:30:00Z"); // 00:30 on 2 December: the next day
        channels.email(auckland, "tui@harbour.example", true);
        assertThat(reports.zone(auckland)).isEqualTo(ZoneId.of("Pacific/Auckland"));

        // Still 1 December in UTC, already 2 December in Auckland.
        digestsAt("2026-12-01T11:00:30Z").run();

        assertThat(subjects("tui@harbour.example"))
                .containsExactly("[Hard Hats] Daily digest for Tue 1 Dec 2026: 2 violations");
        assertThat(SmtpTestServer.text(messages("tui@harbour.example").get(0), "text/plain"))
                .contains("Wharf: No hard hat 0, No hi-vis vest 2, Zone breach 0, Total 2")
                .contains("Pacific/Auckland");
    }

    @Test
    void aDigestTheMailServerMissedGoesOutWhenItIsBack(CapturedOutput output) throws Exception {
        UUID site = organization("Riverside");
        events(site, camera(site, "Gate"), "no_vest", "2026-12-04T10:00:00Z");
        channels.email(site, "kim@river.example", true);
        int port = smtp.port();
        smtp.stop();

        digestsAt("2026-12-05T00:10:00Z").run();
        assertThat(status(site, "kim@river.example", "2026-12-04")).isEqualTo("retrying");
        assertThat(system.call(() -> jdbc.sql(
                "SELECT last_error FROM digest_deliveries WHERE organization_id = ? AND day = '2026-12-04'")
                .param(site).query(String.class).single())).startsWith("could not reach the mail server");

        smtp = SmtpTestServer.startOn(port);
        // Not due yet: a retry waits at least a second, at most the first retry delay (10 s).
        digestsAt("2026-12-05T00:10:00.500Z").run();
        assertThat(subjects("kim@river.example")).isEmpty();

        digestsAt("2026-12-05T00:10:11Z").run();
        assertThat(subjects("kim@river.example")).containsExactly("[Hard Hats] Daily digest for Fri 4 Dec 2026: 1 violation");
        assertThat(status(site, "kim@river.example", "2026-12-04")).isEqualTo("delivered");
        // The test's mail server logs whom it created a mailbox for; the product never names an address.
        assertThat(output.getAll().lines().filter(line -> !line.contains("icegreen.greenmail")))
                .noneMatch(line -> line.contains("kim@river.example"));
    }

    @Test
    void theMailServerIsTalkedToWithNoTransactionHoldingTheDigest() throws Exception {
        UUID site = organization("Slow relay");
        channels.email(site, "lee@slow.example", true);
        int port = smtp.port();
        smtp.stop();
        try (ServerSocket stalling = new ServerSocket()) {
            stalling.setReuseAddress(true);
            stalling.bind(new InetSocketAddress("127.0.0.1", port));
            stalling.setSoTimeout(30_000);
            CompletableFuture<Void> run = CompletableFuture.runAsync(digestsAt("2026-12-07T00:05:00Z")::run);
            try (Socket connection = stalling.accept()) {
                // The sender waits for the server's greeting: its digest is claimed, and no row is locked.
                assertThat(system.call(() -> jdbc.sql(
                        "SELECT claim_token FROM digest_deliveries FOR UPDATE NOWAIT").query(UUID.class).list()))
                        .filteredOn(token -> token != null).hasSize(1);
            }
            run.get();
        } finally {
            smtp = SmtpTestServer.startOn(port);
        }
        assertThat(status(site, "lee@slow.example", "2026-12-06")).isEqualTo("retrying");
    }

    @Test
    void addressesAreDecryptedOncePerOrganisationAndDay(CapturedOutput output) throws Exception {
        UUID site = organization("Rotated key");
        channels.email(site, "ida@rotated.example", true);
        UUID unreadable = channels.email(site, "old@rotated.example", true);
        system.run(() -> jdbc.sql("UPDATE notification_channels SET target_encrypted = 'not-a-fernet-token' WHERE id = ?")
                .param(unreadable).update());
        String warning = "Organisation " + site + ": an e-mail channel's addresses cannot be decrypted";

        digestsAt("2026-12-09T00:00:30Z").run();
        digestsAt("2026-12-09T00:01:30Z").run();
        digestsAt("2026-12-09T00:02:30Z").run();

        assertThat(subjects("ida@rotated.example")).containsExactly("[Hard Hats] Daily digest for Tue 8 Dec 2026: 0 violations");
        assertThat(output.getAll().lines().filter(line -> line.contains(warning))).hasSize(1);

        digestsAt("2026-12-10T00:00:30Z").run();
        assertThat(output.getAll().lines().filter(line -> line.contains(warning))).hasSize(2);
    }

    private DailyDigests digestsAt(String instant) {
        return new DailyDigests(recipients, queue, reports, mail, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private UUID organization(String name) {
        UUID id = UUID.randomUUID();
        system.run(() -> jdbc.sql("INSERT INTO organizations (id, name, slug, max_cameras, max_users) VALUES (?, ?, ?, 5, 5)")
                .params(id, name, "digest-" + id).update());
        return id;
    }

    private UUID camera(UUID organization, String name) {
        UUID id = UUID.randomUUID();
        system.run(() -> jdbc.sql("INSERT INTO cameras (id, organization_id, name, source_type) VALUES (?, ?, ?, 'file')")
                .params(id, organization, name).update());
        return id;
    }

    private void events(UUID organization, UUID camera, String type, String... instants) {
        system.run(() -> Arrays.stream(instants).forEach(at -> jdbc.sql("""
                INSERT INTO events (id, organization_id, camera_id, violation_type, severity, confidence,
                                    bbox_x, bbox_y, bbox_w, bbox_h, created_at)
                VALUES (?, ?, ?, ?, 'high', 0.9, 0, 0, 10, 10, ?)
                """).params(UUID.randomUUID(), organization, camera, type, Timestamp.from(Instant.parse(at))).update()));
    }

    private String status(UUID organization, String recipient, String day) {
        return system.call(() -> jdbc.sql(
                "SELECT status FROM digest_deliveries WHERE organization_id = ? AND recipient = ? AND day = ?::date")
                .params(organization, recipient, day).query(String.class).single());
    }

    private List<MimeMessage> messages(String recipient) throws Exception {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : smtp.received()) {
            if (message.getRecipients(RecipientType.TO)[0].toString().equals(recipient)) {
                messages.add(message);
            }
        }
        return messages;
    }

    private List<String> subjects(String recipient) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : messages(recipient)) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }
}
