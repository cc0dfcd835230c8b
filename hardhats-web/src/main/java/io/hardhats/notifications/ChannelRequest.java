package io.hardhats.notifications;

/**
 * A channel to create, or the fields of one to change (null = unchanged). {@code target} (a
 * webhook URL, or e-mail recipients separated by commas) is write-only. {@code filters} replaces
 * the stored filters whole; {@code storm} changes the limits it names.
 */
public record ChannelRequest(String name, ChannelKind kind, String target, Boolean enabled, ChannelFilters filters,
        StormLimit storm) {

    @Override
    public String toString() {
        return "ChannelRequest[" + name + ", " + kind + "]";
    }
}
