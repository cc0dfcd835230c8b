package io.hardhats.notifications.digest;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.hardhats.notifications.DeliveryAttempt;
import io.hardhats.notifications.DeliveryStatus;
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
            addEndedDays();
            sendDue();
        } catch (RuntimeException e) {
            // The next run picks up where this one stopped: added digests stay due.
            log.warn("Daily digests paused until the next run: {}", e.toString());
        }
    }

    /** Adds yesterday's digest (in each organisation's zone) for every address, once per organisation and day. */
    void addEndedDays() {
        Instant now = clock.instant();
        for (DigestRecipients.EndedDay ended : recipients.endedDaysWithoutDigests(now)) {
            recipients.addresses(ended.organizationId())
                    .forEach(address -> queue.add(ended.organizationId(), ended.day(), address, now));
        }
    }

    /** Claims one due digest at a time, sends it with no transaction open, and records how it went. */
    void sendDue() {
        Optional<DigestQueue.Due> due;
        while ((due = queue.claimNext(clock.instant())).isPresent()) {
            DeliveryStatus status = queue.record(due.get(), send(due.get()), clock.instant());
            if (status != DeliveryStatus.DELIVERED) {
                log.info("Digest {} of {}: {} after attempt {}", due.get().id(), due.get().day(), status.wire(),
                        due.get().attempts());
            }
        }
    }

    private DeliveryAttempt send(DigestQueue.Due due) {
        try {
            return mail.send(DigestEmails.email(reports.report(due.organizationId(), due.day()), due.recipient()));
        } catch (RuntimeException e) {
            return new DeliveryAttempt(DeliveryAttempt.Result.RETRY, null, null,
                    "the digest could not be prepared (" + e.getClass().getSimpleName() + ")");
        }
    }
}
