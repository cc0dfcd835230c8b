package io.hardhats.notifications;

import io.hardhats.persistence.WireValue;

/** Why a delivery exists: one violation, a storm summary standing for several, or a channel's test. */
public enum DeliveryPurpose implements WireValue {
    ALERT, SUMMARY, TEST
}
