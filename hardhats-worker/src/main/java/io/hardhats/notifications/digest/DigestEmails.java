package io.hardhats.notifications.digest;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.hardhats.events.ViolationType;
import io.hardhats.notifications.AlertWording;
import io.hardhats.notifications.email.Email;
import io.hardhats.notifications.email.EmailBody;

/** The daily digest as an e-mail: a table of cameras, the worst first, one column per violation type. */
final class DigestEmails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

    private DigestEmails() {
    }

    static Email email(DigestReport report, String recipient) {
        String day = DAY.format(report.day());
        int total = report.total();
        String count = total + (total == 1 ? " violation" : " violations");
        EmailBody.Builder body = EmailBody.builder().heading(report.organizationName() + ": " + count + " on " + day);
        if (report.cameras().isEmpty()) {
            body.paragraph("No violation was recorded that day.");
        } else {
            body.paragraph("Violations by camera, the most first. The day runs from midnight to midnight, "
                    + report.zone().getId() + ".");
            body.table(headers(), rows(report));
        }
        String subject = Email.SUBJECT_PREFIX + "Daily digest for " + day + ": " + count;
        return new Email(List.of(recipient), subject, body.build(), null);
    }

    private static List<String> headers() {
        List<String> headers = new ArrayList<>(List.of("Camera"));
        Arrays.stream(ViolationType.values()).map(AlertWording::type).forEach(headers::add);
        headers.add("Total");
        return headers;
    }

    private static List<List<String>> rows(DigestReport report) {
        return report.cameras().stream().map(camera -> {
            List<String> row = new ArrayList<>(List.of(camera.camera()));
            Arrays.stream(ViolationType.values())
                    .map(type -> String.valueOf(camera.byType().getOrDefault(type, 0))).forEach(row::add);
            row.add(String.valueOf(camera.total()));
            return List.copyOf(row);
        }).toList();
    }
}
