package io.hardhats.notifications;

import io.hardhats.persistence.WireValue;

/**
 * Where one delivery stands. Only {@code PENDING} and {@code RETRYING} rows are due for sending;
 * a {@code HELD} alert is never sent alone: the storm summary that covers it carries it.
 */
public enum DeliveryStatus implements WireValue {
    PENDING, RETRYING, DELIVERED, FAILED, HELD
}
