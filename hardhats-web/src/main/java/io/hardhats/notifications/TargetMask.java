package io.hardhats.notifications;

import java.net.URI;

/**
 * How a channel's target is shown: a webhook URL as its scheme and host and the last four
 * characters (Slack and Teams URLs carry their secret in the path); e-mail recipients in full.
 */
final class TargetMask {

    private static final int SHOWN_TAIL = 4;

    private TargetMask() {
    }

    static String of(ChannelKind kind, String target) {
        if (kind == ChannelKind.EMAIL) {
            return target;
        }
        URI uri = URI.create(target);
        String tail = target.length() <= SHOWN_TAIL ? "" : target.substring(target.length() - SHOWN_TAIL);
        return uri.getScheme() + "://" + uri.getHost() + "/…" + tail;
    }
}
