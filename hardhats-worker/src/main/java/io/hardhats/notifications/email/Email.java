package io.hardhats.notifications.email;

import java.util.List;

import io.hardhats.notifications.AlertWording;

/**
 * One message to send.
 *
 * @param frameJpeg the image the HTML refers to as {@code cid:frame}, or {@code null}
 */
public record Email(List<String> recipients, String subject, EmailBody body, byte[] frameJpeg) {

    /** Every subject starts so, for people who file the product's mail by rule. */
    public static final String SUBJECT_PREFIX = "[" + AlertWording.PRODUCT + "] ";
}
