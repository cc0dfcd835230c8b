package io.hardhats.pipeline;

import io.hardhats.bus.LiveBus;
import io.hardhats.publish.FrameAnnotator;
import io.hardhats.publish.ViewerDemand;

/** Where a camera's live frames go: drawn and encoded by the annotator, only while the demand says someone watches, onto the bus. */
record LiveOutput(FrameAnnotator annotator, ViewerDemand viewers, LiveBus bus) {
}
