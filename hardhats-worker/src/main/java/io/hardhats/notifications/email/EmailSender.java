package io.hardhats.notifications.email;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.hardhats.notifications.Alert;
import io.hardhats.notifications.AlertSummary;
import io.hardhats.notifications.AlertWording;
import io.hardhats.notifications.ChannelAddress;
import io.hardhats.notifications.ChannelKind;
import io.hardhats.notifications.ChannelSender;
import io.hardhats.notifications.DeliveryAttempt;
import io.hardhats.notifications.DeliveryAttempt.Result;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * E-mail alerts: HTML with the annotated frame inline, a plain-text alternative, and a link to the
 * event. Exists only while SMTP is configured.
 */
@Component
@Conditional(MailConfigured.class)
public class EmailSender implements ChannelSender {

    private final SmtpMail mail;

    public EmailSender(SmtpMail mail) {
        this.mail = mail;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public DeliveryAttempt send(ChannelAddress to, Alert alert) {
        EmailBody.Builder body = EmailBody.builder().heading(AlertWording.headline(alert));
        if (alert.sample()) {
            body.paragraph(AlertWording.sampleNote());
        }
        if (alert.frameJpeg() != null) {
            body.frame("The annotated frame of " + alert.cameraName() + " at that moment");
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Camera", alert.cameraName());
        facts.put("Time", AlertWording.time(alert.occurredAt(), alert.zone()));
        facts.put("Type", AlertWording.type(alert.type()));
        facts.put("Severity", AlertWording.severity(alert.severity()));
        facts.put("Confidence", AlertWording.confidence(alert.confidence()));
        body.facts(facts).link(AlertWording.OPEN_EVENT, alert.eventUrl().toString());
        String subject = Email.SUBJECT_PREFIX + AlertWording.headline(alert) + " (" + AlertWording.severity(alert.severity()) + ")";
        return send(to, subject, body.build(), alert.frameJpeg());
    }

    @Override
    public boolean showsFrame() {
        return true;
    }

    @Override
    public DeliveryAttempt sendSummary(ChannelAddress to, AlertSummary summary) {
        EmailBody body = EmailBody.builder()
                .heading(AlertWording.summaryHeadline(summary))
                .paragraph(AlertWording.summaryNote(summary))
                .table(List.of("Type", "Alerts"), rows(AlertWording.byType(summary)))
                .table(List.of("Camera", "Alerts"), rows(AlertWording.byCamera(summary)))
                .link(AlertWording.OPEN_EVENTS, summary.eventsUrl().toString())
                .build();
        return send(to, Email.SUBJECT_PREFIX + AlertWording.summaryHeadline(summary), body, null);
    }

    private DeliveryAttempt send(ChannelAddress to, String subject, EmailBody body, byte[] frame) {
        List<String> recipients = recipients(to.target());
        if (recipients.isEmpty()) {
            return new DeliveryAttempt(Result.FAILED, null, null, "the channel names no e-mail address");
        }
        return mail.send(new Email(recipients, subject, body, frame));
    }

    /** A channel's target: addresses separated by commas. */
    public static List<String> recipients(String target) {
        return Arrays.stream(target.split(",")).map(String::strip).filter(address -> !address.isEmpty()).toList();
    }

    private static List<List<String>> rows(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(entry -> List.of(entry.getKey(), String.valueOf(entry.getValue()))).toList();
    }
}
