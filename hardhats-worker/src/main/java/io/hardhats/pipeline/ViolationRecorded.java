package io.hardhats.pipeline;

import java.util.UUID;

import io.hardhats.events.EventView;

/**
 * A violation is on record: its event row, thumbnail and day's count are committed. Published by
 * {@link EventRecorder} inside the recording transaction; reactions listen after commit, so a
 * rolled-back violation never reaches them.
 */
public record ViolationRecorded(UUID organizationId, EventView event) {
}
