package io.hardhats.notifications.email;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.hardhats.notifications.AlertWording;
import io.hardhats.notifications.DeliveryAttempt;
import io.hardhats.notifications.DeliveryAttempt.Result;
import jakarta.mail.MessagingException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * What a failed SMTP conversation means for the delivery: a 4xx reply and an unreachable server
 * are worth another try, a 5xx reply is final. Mail libraries nest the server's reply a few
 * exceptions deep; it is the first line that starts with a reply code.
 */
final class SmtpReplies {

    private static final Pattern REPLY = Pattern.compile("^([245]\\d\\d)[ -].*$", Pattern.MULTILINE);
    private static final int REPLY_MAX = 500;

    private SmtpReplies() {
    }

    static DeliveryAttempt failure(MailException failure) {
        Optional<String> reply = reply(failure);
        if (reply.isPresent()) {
            String text = AlertWording.limit(reply.get(), REPLY_MAX);
            return text.startsWith("4")
                    ? new DeliveryAttempt(Result.RETRY, null, text, "the mail server asked to try again later")
                    : new DeliveryAttempt(Result.FAILED, null, text, failure instanceof MailAuthenticationException
                            ? "the mail server refused the login: check SMTP_USERNAME and SMTP_PASSWORD"
                            : "the mail server refused the message");
        }
        if (failure instanceof MailAuthenticationException) {
            return new DeliveryAttempt(Result.FAILED, null, null,
                    "the mail server refused the login: check SMTP_USERNAME and SMTP_PASSWORD");
        }
        Optional<IOException> io = find(failure, IOException.class);
        if (io.isPresent()) {
            return new DeliveryAttempt(Result.RETRY, null, null,
                    "could not reach the mail server (" + io.get().getClass().getSimpleName() + ": " + io.get().getMessage() + ")");
        }
        return new DeliveryAttempt(failure instanceof MailSendException ? Result.RETRY : Result.FAILED, null, null,
                "the message could not be sent: " + failure.getMessage());
    }

    private static Optional<String> reply(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            Matcher reply = cause.getMessage() == null ? null : REPLY.matcher(cause.getMessage());
            if (reply != null && reply.find()) {
                return Optional.of(reply.group().strip());
            }
        }
        return Optional.empty();
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        return chain(failure).stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The failure and everything it wraps: causes, Jakarta Mail's next exceptions, Spring's per-message ones. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> seen = new ArrayList<>();
        Deque<Throwable> next = new ArrayDeque<>();
        next.add(failure);
        while (!next.isEmpty()) {
            Throwable current = next.poll();
            if (seen.stream().anyMatch(known -> known == current)) {
                continue;
            }
            seen.add(current);
            if (current.getCause() != null) {
                next.add(current.getCause());
            }
            if (current instanceof MessagingException messaging && messaging.getNextException() != null) {
                next.add(messaging.getNextException());
            }
            if (current instanceof MailSendException send) {
                next.addAll(List.of(send.getMessageExceptions()));
            }
        }
        return seen;
    }
}
