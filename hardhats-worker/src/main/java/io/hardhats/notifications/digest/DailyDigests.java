package io.hardhats.notifications.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.hardhats.notifications.email.SmtpMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Once an organisation's day has ended (midnight in its time zone), each address of its e-mail
 * channels receives that day's violations by camera. Every worker runs this; the queue makes sure
 * each digest goes out once, and again later when sending failed.
 */
public class DailyDigests {

    private static final Logger log = LoggerFactory.getLogger(DailyDigests.class);

    private final DigestRecipients recipients;
    private final DigestQueue queue;
    private final DigestReports reports;
    private final SmtpMail mail;
    private final Clock clock;

    public DailyDigests(DigestRecipients recipients, DigestQueue queue, DigestReports reports, SmtpMail mail, Clock clock) {
        this.recipients = recipients;
        this.queue = queue;
        this.reports = reports;
        this.mail = mail;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 30_000)
    public void run() {
        try {
            claimEndedDays();
            sendDue();
        } catch (RuntimeException e) {
            // The next run picks up where this one stopped: claimed digests stay due.
            log.warn("Daily digests paused until the next run: {}", e.toString());
        }
    }

    /** Claims yesterday's digest (in each organisation's zone) for every address that has none yet. */
    void claimEndedDays() {
        Instant now = clock.instant();
        for (Map.Entry<UUID, Set<String>> organization : recipients.byOrganization().entrySet()) {
            LocalDate yesterday = LocalDate.ofInstant(now, reports.zone(organization.getKey())).minusDays(1);
            organization.getValue().forEach(address -> queue.claim(organization.getKey(), yesterday, address, now));
        }
    }

    void sendDue() {
        while (queue.sendNext(clock.instant(),
                due -> mail.send(DigestEmails.email(reports.report(due.organizationId(), due.day()), due.recipient())))
                .isPresent()) {
            // Each round sends one digest and records it.
        }
    }
}
