package io.hardhats.notifications;

/** The JSON body one HTTP channel kind (Slack, Teams, generic webhook) expects. */
public interface AlertPayloads {

    ChannelKind kind();

    byte[] alert(Alert alert);

    byte[] summary(AlertSummary summary);
}
