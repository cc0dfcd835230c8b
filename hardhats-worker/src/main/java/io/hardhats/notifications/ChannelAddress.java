package io.hardhats.notifications;

/**
 * Where one channel delivers, decrypted only for the moment of sending.
 *
 * @param target the webhook URL, or the e-mail recipients separated by commas
 * @param signingSecret the generic webhook's HMAC key; {@code null} for other kinds
 */
public record ChannelAddress(ChannelKind kind, String target, String signingSecret) {

    @Override
    public String toString() {
        return "ChannelAddress[" + kind.wire() + "]";
    }
}
