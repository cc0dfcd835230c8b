package io.hardhats.audit;

import io.hardhats.persistence.WireValue;

/**
 * Every action the audit trail records, and so every value of {@code audit_logs.action}: the
 * audit page's filter offers this list, whatever one organisation's trail happens to hold.
 */
public enum AuditAction implements WireValue {
    REGISTER,
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    PASSWORD_CHANGE,
    USER_CREATE,
    USER_UPDATE,
    USER_DEACTIVATE,
    ORGANIZATION_UPDATE,
    PRIVACY_MODE_ON,
    PRIVACY_MODE_OFF,
    CAMERA_CREATE,
    CAMERA_UPDATE,
    CAMERA_DELETE,
    CAMERA_TEST,
    CAMERA_PLACEHOLDER_UPLOAD,
    EVENT_ACKNOWLEDGE,
    EVENT_DELETE,
    NOTIFICATION_CHANNEL_CREATE,
    NOTIFICATION_CHANNEL_UPDATE,
    NOTIFICATION_CHANNEL_DELETE,
    NOTIFICATION_CHANNEL_TEST
}
