package io.hardhats.notifications;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hardhats.audit.AuditAction;
import io.hardhats.audit.AuditTrail;
import io.hardhats.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of managing channels: every request checked whole before anything changes, at most
 * {@code max_channels_per_org} channels per organisation (counted under the organisation's row
 * lock, like cameras and users), and an audit record of each change, without targets.
 */
@Service
public class NotificationChannelService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ChannelStore store;
    private final ChannelRequestValidator validator;
    private final AuditTrail audit;
    private final NotificationSettings settings;
    private final MailSettings mail;

    NotificationChannelService(ChannelStore store, ChannelRequestValidator validator, AuditTrail audit,
            NotificationSettings settings, MailSettings mail) {
        this.store = store;
        this.validator = validator;
        this.audit = audit;
        this.settings = settings;
        this.mail = mail;
    }

    /** The answer of the list: the channels, and whether e-mail channels can be made here. */
    public record Channels(boolean emailConfigured, List<ChannelView> channels) {
    }

    @Transactional(readOnly = true)
    public Channels list() {
        return new Channels(mail.configured(), store.all());
    }

    @Transactional
    public ChannelView create(ChannelRequest request) {
        validator.checkNew(request);
        if (store.countUnderOrganizationLock() >= settings.maxChannelsPerOrg()) {
            throw ApiException.conflict("plan_limit", "an organisation may have at most "
                    + settings.maxChannelsPerOrg() + " notification channels");
        }
        String secret = request.kind() == ChannelKind.WEBHOOK ? newSigningSecret() : null;
        StormLimit storm = request.storm() == null ? StormLimit.DEFAULT : new StormLimit(
                orDefault(request.storm().maxAlerts(), StormLimit.DEFAULT_MAX_ALERTS),
                orDefault(request.storm().windowSeconds(), StormLimit.DEFAULT_WINDOW_SECONDS));
        UUID id = store.insert(new ChannelStore.Settings(request.name().trim(), request.kind(),
                ChannelRequestValidator.normalisedTarget(request.kind(), request.target()),
                request.enabled() == null || request.enabled(),
                request.filters() == null ? ChannelFilters.EVERYTHING : request.filters(), storm), secret);
        audit.record(AuditAction.NOTIFICATION_CHANNEL_CREATE, "notification_channel", id,
                Map.of("name", request.name().trim(), "kind", request.kind().wire()));
        return store.find(id).orElseThrow().withSigningSecret(secret);
    }

    @Transactional
    public ChannelView update(UUID id, ChannelRequest request) {
        ChannelView current = store.find(id).orElseThrow(() -> ApiException.notFound("notification channel"));
        validator.checkChange(request, current.kind());
        StormLimit storm = request.storm() == null ? current.storm() : new StormLimit(
                orDefault(request.storm().maxAlerts(), current.storm().maxAlerts()),
                orDefault(request.storm().windowSeconds(), current.storm().windowSeconds()));
        String target = request.target() == null ? null
                : ChannelRequestValidator.normalisedTarget(current.kind(), request.target());
        store.update(id, new ChannelStore.Settings(request.name() == null ? current.name() : request.name().trim(),
                current.kind(), target, request.enabled() == null ? current.enabled() : request.enabled(),
                request.filters() == null ? current.filters() : request.filters(), storm), target);
        audit.record(AuditAction.NOTIFICATION_CHANNEL_UPDATE, "notification_channel", id,
                Map.of("target_changed", target != null));
        return store.find(id).orElseThrow();
    }

    @Transactional
    public void delete(UUID id) {
        ChannelView current = store.find(id).orElseThrow(() -> ApiException.notFound("notification channel"));
        store.delete(id);
        audit.record(AuditAction.NOTIFICATION_CHANNEL_DELETE, "notification_channel", id, Map.of("name", current.name()));
    }

    /** 32 random bytes, for HMAC-SHA256, shown once. */
    private static String newSigningSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
