package io.hardhats.notifications.digest;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.hardhats.crypto.CredentialCipher;
import io.hardhats.notifications.email.EmailSender;
import io.hardhats.notifications.email.MailConfigured;
import io.hardhats.tenancy.SystemTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who receives the daily digest: the distinct addresses of each organisation's enabled e-mail
 * channels. Addresses are stored encrypted like every channel target and are decrypted only here,
 * once a day per organisation (when its day has ended and its digests are not added yet), and
 * never written to a log.
 */
@Component
@Conditional(MailConfigured.class)
public class DigestRecipients {

    private static final Logger log = LoggerFactory.getLogger(DigestRecipients.class);

    private final JdbcClient jdbc;
    private final SystemTransactions transactions;
    private final CredentialCipher cipher;

    public DigestRecipients(JdbcClient jdbc, SystemTransactions transactions, CredentialCipher cipher) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
    }

    /** An organisation's day that has ended and has no digest yet. */
    public record EndedDay(UUID organizationId, LocalDate day) {
    }

    /** The organisation's time zone and the latest day it has digests of ({@code null}: none yet). */
    private record Latest(UUID organizationId, ZoneId zone, LocalDate day) {
    }

    /**
     * For each organisation with an enabled e-mail channel, yesterday in its time zone, unless
     * its digests of that day are added already. Reads no address.
     */
    public List<EndedDay> endedDaysWithoutDigests(Instant now) {
        List<Latest> latest = transactions.call(() -> jdbc.sql("""
                SELECT o.id, o.time_zone,
                    (SELECT max(d.day) FROM digest_deliveries d WHERE d.organization_id = o.id) AS latest_day
                FROM organizations o
                WHERE EXISTS (SELECT 1 FROM notification_channels c
                              WHERE c.organization_id = o.id AND c.kind = 'email' AND c.enabled)
                """).query((row, i) -> new Latest(row.getObject("id", UUID.class),
                        ZoneId.of(row.getString("time_zone")), day(row.getDate("latest_day")))).list());
        List<EndedDay> ended = new ArrayList<>();
        for (Latest organization : latest) {
            LocalDate yesterday = LocalDate.ofInstant(now, organization.zone()).minusDays(1);
            if (organization.day() == null || organization.day().isBefore(yesterday)) {
                ended.add(new EndedDay(organization.organizationId(), yesterday));
            }
        }
        return ended;
    }

    /** The organisation's addresses, read across tenants. */
    public Set<String> addresses(UUID organization) {
        Set<String> addresses = new TreeSet<>();
        transactions.run(() -> jdbc.sql("""
                SELECT target_encrypted FROM notification_channels
                WHERE organization_id = ? AND kind = 'email' AND enabled
                """).param(organization).query(row -> {
                    try {
                        addresses.addAll(EmailSender.recipients(cipher.decrypt(row.getString("target_encrypted"))));
                    } catch (RuntimeException e) {
                        // One unreadable channel (the encryption key changed since) must not cost
                        // every other channel and organisation its digest.
                        log.warn("Organisation {}: an e-mail channel's addresses cannot be decrypted; "
                                + "its digest leaves them out", organization);
                    }
                }));
        return addresses;
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
