package io.hardhats.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

class YoloOutputDecoderTest {

    @Test
    void recognisesLayoutsFromShapeAndClassCount() {
        assertThat(ModelOutputLayout.recognise(new long[] {1, 8, 8400}, 4)).isEqualTo(ModelOutputLayout.V8);
        assertThat(ModelOutputLayout.recognise(new long[] {1, 84, 33600}, 80)).isEqualTo(ModelOutputLayout.V8);
        assertThat(ModelOutputLayout.recognise(new long[] {1, 25200, 9}, 4)).isEqualTo(ModelOutputLayout.V5);
        assertThat(ModelOutputLayout.recognise(new long[] {1, 300, 6}, 4)).isEqualTo(ModelOutputLayout.END_TO_END);
        // Ambiguous widths: a one-class v5 has 6 columns too, but thousands of rows.
        assertThat(ModelOutputLayout.recognise(new long[] {1, 25200, 6}, 1)).isEqualTo(ModelOutputLayout.V5);
        assertThat(ModelOutputLayout.recognise(new long[] {1, 6, 8400}, 2)).isEqualTo(ModelOutputLayout.V8);
        assertThat(ModelOutputLayout.recognise(new long[] {1, 300, 6}, 2)).isEqualTo(ModelOutputLayout.END_TO_END);
        // Unknown class count: inferred from the shape.
        assertThat(ModelOutputLayout.recognise(new long[] {1, 8, 8400}, 0)).isEqualTo(ModelOutputLayout.V8);
        assertThat(ModelOutputLayout.V8.classCount(new long[] {1, 8, 8400})).isEqualTo(4);
        assertThat(ModelOutputLayout.recognise(new long[] {1, 25200, 9}, 0)).isEqualTo(ModelOutputLayout.V5);
        assertThatThrownBy(() -> ModelOutputLayout.recognise(new long[] {1, 10, 8400}, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, 10, 8400]");
        assertThatThrownBy(() -> ModelOutputLayout.recognise(new long[] {1, 3, 640, 640}, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodesV8AttributeMajorOutput() {
        // 2 classes, 3 anchors: rows cx, cy, w, h, score0, score1; columns are anchors.
        float[] data = {
                100, 200, 300, // cx
                50, 60, 70, // cy
                20, 10, 40, // w
                10, 30, 20, // h
                0.9f, 0.1f, 0.2f, // class 0
                0.3f, 0.2f, 0.6f, // class 1
        };
        List<Candidate> out = YoloOutputDecoder.decode(FloatBuffer.wrap(data), new long[] {1, 6, 3},
                ModelOutputLayout.V8, 2, 0.25f);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).classIndex()).isZero();
        assertThat(out.get(0).confidence()).isEqualTo(0.9f);
        assertThat(out.get(0).box()).isEqualTo(new BoundingBox(90, 45, 110, 55));
        assertThat(out.get(1).classIndex()).isEqualTo(1);
        assertThat(out.get(1).box()).isEqualTo(new BoundingBox(280, 60, 320, 80));
    }

    @Test
    void decodesV5WithObjectnessTimesClassScore() {
        // 2 classes, 3 anchors: each row cx, cy, w, h, obj, s0, s1.
        float[] data = {
                100, 50, 20, 10, 0.9f, 0.5f, 0.9f, // 0.45 / 0.81 → class 1 at 0.81
                200, 60, 10, 30, 0.2f, 1.0f, 1.0f, // objectness below threshold
                300, 70, 40, 20, 0.8f, 0.25f, 0.1f, // 0.2 / 0.08 → dropped
        };
        List<Candidate> out = YoloOutputDecoder.decode(FloatBuffer.wrap(data), new long[] {1, 3, 7},
                ModelOutputLayout.V5, 2, 0.25f);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).classIndex()).isEqualTo(1);
        assertThat(out.get(0).confidence()).isCloseTo(0.81f, within(1e-6f));
        assertThat(out.get(0).box()).isEqualTo(new BoundingBox(90, 45, 110, 55));
    }

    @Test
    void decodesEndToEndCorners() {
        float[] data = {
                10, 20, 30, 40, 0.95f, 3,
                50, 60, 70, 80, 0.10f, 1,
                0, 0, 0, 0, 0, 0, // padding rows of an end-to-end export
        };
        List<Candidate> out = YoloOutputDecoder.decode(FloatBuffer.wrap(data), new long[] {1, 3, 6},
                ModelOutputLayout.END_TO_END, 4, 0.25f);
        assertThat(out).containsExactly(new Candidate(3, 0.95f, new BoundingBox(10, 20, 30, 40)));
    }

    @Test
    void readsFromTheBufferPositionWithoutMovingIt() {
        FloatBuffer buffer = FloatBuffer.wrap(new float[] {-1, 10, 20, 30, 40, 0.95f, 0});
        buffer.position(1);
        List<Candidate> out = YoloOutputDecoder.decode(buffer, new long[] {1, 1, 6}, ModelOutputLayout.END_TO_END, 4, 0.5f);
        assertThat(out).hasSize(1);
        assertThat(buffer.position()).isEqualTo(1);
        assertThatThrownBy(() -> YoloOutputDecoder.decode(FloatBuffer.wrap(new float[5]), new long[] {1, 1, 6},
                ModelOutputLayout.END_TO_END, 4, 0.5f)).isInstanceOf(IllegalArgumentException.class);
    }
}
