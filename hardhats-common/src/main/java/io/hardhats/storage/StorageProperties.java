package io.hardhats.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** @param defaultLimit the plan's storage per organisation, for organisations without their own limit */
@ConfigurationProperties(prefix = "hardhats.storage")
public record StorageProperties(DataSize defaultLimit) {

    public StorageProperties {
        defaultLimit = defaultLimit == null ? DataSize.ofGigabytes(50) : defaultLimit;
    }

    /** The limit in force: the organisation's own, else the plan's. */
    public long limitFor(Long chosenBytes) {
        return chosenBytes == null ? defaultLimit.toBytes() : chosenBytes;
    }
}
