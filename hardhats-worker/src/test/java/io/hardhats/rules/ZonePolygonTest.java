package io.hardhats.rules;

import io.hardhats.vision.BoundingBox;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZonePolygonTest {

    private final ZonePolygon square = ZonePolygon.of(0.2, 0.2, 0.6, 0.2, 0.6, 0.6, 0.2, 0.6);

    @Test
    void insideAndOutside() {
        assertThat(square.contains(0.4, 0.4)).isTrue();
        assertThat(square.contains(0.1, 0.4)).isFalse();
        assertThat(square.contains(0.7, 0.4)).isFalse();
        assertThat(square.contains(0.4, 0.1)).isFalse();
        assertThat(square.contains(0.4, 0.61)).isFalse();
    }

    @Test
    void pointsOnEdgesAndVerticesAreInside() {
        assertThat(square.contains(0.4, 0.2)).as("top edge").isTrue();
        assertThat(square.contains(0.6, 0.4)).as("right edge").isTrue();
        assertThat(square.contains(0.4, 0.6)).as("bottom edge").isTrue();
        assertThat(square.contains(0.2, 0.3)).as("left edge").isTrue();
        assertThat(square.contains(0.2, 0.2)).as("vertex").isTrue();
        assertThat(square.contains(0.6, 0.6)).as("vertex").isTrue();
        ZonePolygon slanted = ZonePolygon.of(0.1, 0.1, 0.9, 0.5, 0.1, 0.9);
        assertThat(slanted.contains(0.5, 0.3)).as("on a slanted edge").isTrue();
        assertThat(slanted.contains(0.5, 0.29)).isFalse();
    }

    @Test
    void rayThroughAVertexIsCountedOnce() {
        ZonePolygon diamond = ZonePolygon.of(0.5, 0.1, 0.9, 0.5, 0.5, 0.9, 0.1, 0.5);
        // y = 0.5 passes exactly through the left and right vertices.
        assertThat(diamond.contains(0.5, 0.5)).isTrue();
        assertThat(diamond.contains(0.05, 0.5)).isFalse();
        assertThat(diamond.contains(0.95, 0.5)).isFalse();
    }

    @Test
    void concavePolygon() {
        // A "U": two arms joined at the bottom; the notch between the arms is outside.
        ZonePolygon u = ZonePolygon.of(0.1, 0.1, 0.3, 0.1, 0.3, 0.6, 0.7, 0.6, 0.7, 0.1, 0.9, 0.1,
                0.9, 0.9, 0.1, 0.9);
        assertThat(u.contains(0.2, 0.3)).as("left arm").isTrue();
        assertThat(u.contains(0.8, 0.3)).as("right arm").isTrue();
        assertThat(u.contains(0.5, 0.3)).as("notch").isFalse();
        assertThat(u.contains(0.5, 0.8)).as("base").isTrue();
        // A horizontal ray at y = 0.6 runs along the notch's bottom edge.
        assertThat(u.contains(0.5, 0.6)).as("notch floor is an edge").isTrue();
        assertThat(u.contains(0.05, 0.6)).isFalse();
    }

    @Test
    void selfTouchingPolygon() {
        // Two triangles sharing the vertex (0.5, 0.5), drawn as one ring.
        ZonePolygon bow = ZonePolygon.of(0.5, 0.5, 0.1, 0.2, 0.1, 0.8, 0.5, 0.5, 0.9, 0.2, 0.9, 0.8);
        assertThat(bow.isDegenerate()).isFalse();
        assertThat(bow.contains(0.2, 0.5)).isTrue();
        assertThat(bow.contains(0.8, 0.5)).isTrue();
        assertThat(bow.contains(0.5, 0.5)).as("touching vertex").isTrue();
        assertThat(bow.contains(0.5, 0.3)).isFalse();
        assertThat(bow.contains(0.5, 0.7)).isFalse();
    }

    @Test
    void selfCrossingBowtieFollowsEvenOdd() {
        ZonePolygon bowtie = ZonePolygon.of(0.1, 0.1, 0.9, 0.9, 0.9, 0.1, 0.1, 0.9);
        assertThat(bowtie.isDegenerate()).as("zero signed area but real lobes").isFalse();
        assertThat(bowtie.contains(0.8, 0.5)).isTrue();
        assertThat(bowtie.contains(0.2, 0.5)).isTrue();
        assertThat(bowtie.contains(0.5, 0.3)).isFalse();
    }

    @Test
    void degeneratePolygonsContainNothing() {
        assertThat(ZonePolygon.of().contains(0.5, 0.5)).isFalse();
        assertThat(ZonePolygon.of(0.5, 0.5).contains(0.5, 0.5)).isFalse();
        ZonePolygon segment = ZonePolygon.of(0.1, 0.1, 0.9, 0.9);
        assertThat(segment.isDegenerate()).isTrue();
        assertThat(segment.contains(0.5, 0.5)).isFalse();
        ZonePolygon line = ZonePolygon.of(0.1, 0.1, 0.5, 0.5, 0.9, 0.9);
        assertThat(line.isDegenerate()).isTrue();
        assertThat(line.contains(0.5, 0.5)).as("even on its 'edge'").isFalse();
        ZonePolygon point = ZonePolygon.of(0.3, 0.3, 0.3, 0.3, 0.3, 0.3);
        assertThat(point.contains(0.3, 0.3)).isFalse();
    }

    @Test
    void normalisedCoordinatesAtZeroAndOne() {
        ZonePolygon whole = ZonePolygon.of(0, 0, 1, 0, 1, 1, 0, 1);
        assertThat(whole.contains(0, 0)).isTrue();
        assertThat(whole.contains(1, 1)).isTrue();
        assertThat(whole.contains(0.5, 1)).isTrue();
        assertThat(whole.contains(1, 0.5)).isTrue();
        ZonePolygon bottomStrip = ZonePolygon.of(0, 0.8, 1, 0.8, 1, 1, 0, 1);
        assertThat(bottomStrip.contains(0.5, 1)).as("feet on the frame's bottom row").isTrue();
        assertThat(bottomStrip.contains(0.5, 0.79)).isFalse();
    }

    @Test
    void footPointIsBottomCentreNormalisedAndClamped() {
        ZonePolygon bottomRight = ZonePolygon.of(0.5, 0.5, 1, 0.5, 1, 1, 0.5, 1);
        // Box centre is above the zone, but its bottom-centre (x 700/1000, y 600/800) is in it.
        Worker standing = new Worker(new BoundingBox(650, 200, 750, 600), null, null, null);
        assertThat(bottomRight.containsFoot(standing, 1000, 800)).isTrue();
        Worker leftOfZone = new Worker(new BoundingBox(300, 200, 400, 600), null, null, null);
        assertThat(bottomRight.containsFoot(leftOfZone, 1000, 800)).isFalse();
        // A box spilling below the frame is clamped onto the bottom edge, which the zone includes.
        Worker spilling = new Worker(new BoundingBox(650, 500, 750, 900), null, null, null);
        assertThat(bottomRight.containsFoot(spilling, 1000, 800)).isTrue();
    }

    @Test
    void rejectsBadPoints() {
        assertThatThrownBy(() -> ZonePolygon.of(0.1, 0.1, 1.2, 0.1, 0.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZonePolygon.of(List.of(List.of(0.1, 0.1, 0.2))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZonePolygon.of(0.1, Double.NaN, 0.2, 0.2, 0.3, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ZonePolygon.of(List.of(List.of(0, 0), List.of(1, 0), List.of(1, 1))).contains(0.9, 0.5))
                .as("integers from JSON are fine").isTrue();
    }
}
