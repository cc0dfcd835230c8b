package io.hardhats.notifications.digest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.hardhats.crypto.CredentialCipher;
import io.hardhats.notifications.email.EmailSender;
import io.hardhats.notifications.email.MailConfigured;
import io.hardhats.tenancy.SystemTransactions;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who receives the daily digest: the distinct addresses of each organisation's enabled e-mail
 * channels. Addresses are stored encrypted like every channel target and are decrypted only here,
 * never written to a log.
 */
@Component
@Conditional(MailConfigured.class)
public class DigestRecipients {

    private static final Logger log = LoggerFactory.getLogger(DigestRecipients.class);

    private final JdbcClient jdbc;
    private final SystemTransactions transactions;
    private final CredentialCipher cipher;

    public DigestRecipients(DataSource dataSource, SystemTransactions transactions, CredentialCipher cipher) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = transactions;
        this.cipher = cipher;
    }

    /** Organisations with at least one address, read across tenants. */
    public Map<UUID, Set<String>> byOrganization() {
        Map<UUID, Set<String>> addresses = new LinkedHashMap<>();
        transactions.run(() -> jdbc.sql("""
                SELECT organization_id, target_encrypted FROM notification_channels
                WHERE kind = 'email' AND enabled ORDER BY organization_id
                """).query(row -> {
                    UUID organization = row.getObject("organization_id", UUID.class);
                    Set<String> known = addresses.computeIfAbsent(organization, id -> new TreeSet<>());
                    try {
                        known.addAll(EmailSender.recipients(cipher.decrypt(row.getString("target_encrypted"))));
                    } catch (RuntimeException e) {
                        // One unreadable channel (the encryption key changed since) must not cost
                        // every other channel and organisation its digest.
                        log.warn("Organisation {}: an e-mail channel's addresses cannot be decrypted; "
                                + "its digest leaves them out", organization);
                    }
                }));
        addresses.values().removeIf(Set::isEmpty);
        return addresses;
    }
}
