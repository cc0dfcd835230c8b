package io.hardhats.notifications.email;

import java.util.Properties;

import io.hardhats.notifications.DeliveryAttempt;
import io.hardhats.notifications.DeliveryAttempt.Result;
import io.hardhats.notifications.MailSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends one e-mail through the configured SMTP server and says how it went; never throws. */
@Component
@Conditional(MailConfigured.class)
public class SmtpMail {

    private final JavaMailSenderImpl sender;
    private final String from;

    public SmtpMail(MailSettings settings) {
        this.sender = javaMailSender(settings);
        this.from = settings.sender();
    }

    public DeliveryAttempt send(Email email) {
        MimeMessage message;
        try {
            message = compose(email);
        } catch (MessagingException e) {
            return new DeliveryAttempt(Result.FAILED, null, null, "the message could not be written: " + e.getMessage());
        }
        try {
            sender.send(message);
            return new DeliveryAttempt(Result.DELIVERED, null, null, null);
        } catch (MailException e) {
            return SmtpReplies.failure(e);
        }
    }

    private MimeMessage compose(Email email) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(from);
        helper.setTo(email.recipients().toArray(String[]::new));
        helper.setSubject(email.subject());
        helper.setText(email.body().text(), email.body().html());
        if (email.frameJpeg() != null) {
            helper.addInline(EmailBody.FRAME_ID, new ByteArrayResource(email.frameJpeg()), "image/jpeg");
        }
        return message;
    }

    /** A sender whose every wait is bounded, with TLS as configured. */
    static JavaMailSenderImpl javaMailSender(MailSettings settings) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        String protocol = settings.tls() == MailSettings.Tls.TLS ? "smtps" : "smtp";
        sender.setProtocol(protocol);
        sender.setHost(settings.host());
        sender.setPort(settings.port());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = sender.getJavaMailProperties();
        String timeout = String.valueOf(settings.timeout().toMillis());
        properties.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        properties.setProperty("mail." + protocol + ".timeout", timeout);
        properties.setProperty("mail." + protocol + ".writetimeout", timeout);
        if (settings.authenticates()) {
            sender.setUsername(settings.username());
            sender.setPassword(settings.password());
            properties.setProperty("mail." + protocol + ".auth", "true");
        }
        if (settings.tls() == MailSettings.Tls.STARTTLS) {
            // Required, not merely enabled: a server that drops STARTTLS must not receive the password in clear.
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        if (settings.tls() != MailSettings.Tls.NONE) {
            properties.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return sender;
    }
}
