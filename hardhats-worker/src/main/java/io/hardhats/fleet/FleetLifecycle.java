package io.hardhats.fleet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Starts this process's {@link LeaseCoordinator} once every bean exists, so the camera pipeline
 * is looked up after it was created whatever the configuration order; without a pipeline the
 * worker claims nothing (a claimed camera nobody runs would only block other workers).
 * Stopping runs the graceful path: cameras stopped, leases released at once.
 */
public class FleetLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FleetLifecycle.class);

    private final ObjectProvider<CameraAssignments> assignments;
    private final CoordinatorFactory factory;
    private volatile LeaseCoordinator coordinator;

    /** Builds the coordinator around the pipeline found at start. */
    @FunctionalInterface
    public interface CoordinatorFactory {
        LeaseCoordinator create(CameraAssignments assignments);
    }

    public FleetLifecycle(ObjectProvider<CameraAssignments> assignments, CoordinatorFactory factory) {
        this.assignments = assignments;
        this.factory = factory;
    }

    @Override
    public synchronized void start() {
        if (coordinator != null) {
            return;
        }
        CameraAssignments pipeline = assignments.getIfUnique();
        if (pipeline == null) {
            log.warn("No camera pipeline (CameraAssignments) in this process: the worker claims no cameras");
            return;
        }
        coordinator = factory.create(pipeline);
        coordinator.start();
    }

    @Override
    public synchronized void stop() {
        if (coordinator != null) {
            coordinator.stop();
            coordinator = null;
        }
    }

    @Override
    public boolean isRunning() {
        return coordinator != null;
    }

    /** The running coordinator, if any. */
    public LeaseCoordinator coordinator() {
        return coordinator;
    }
}
