/**
 * Violation rules: turn a camera's per-frame detections into a few meaningful events.
 *
 * <p>Pure Java, no I/O, no clock: the caller passes each analysed frame's detections, its size and
 * the {@link java.time.Instant} it was taken at, so the rules are deterministic and testable.
 * Flow per frame: {@link io.hardhats.rules.WorkerAssembler} groups detections into workers,
 * {@link io.hardhats.rules.Tracker} gives them identities across frames, and
 * {@link io.hardhats.rules.ViolationRules} applies inertia, once-per-track and cooldown so that a
 * worker standing still without a helmet is one event, not one per frame.
 */
package io.hardhats.rules;
