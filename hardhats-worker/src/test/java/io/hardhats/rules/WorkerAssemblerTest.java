package io.hardhats.rules;

import io.hardhats.vision.BoundingBox;
import io.hardhats.vision.Detection;
import io.hardhats.vision.ProductClass;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static io.hardhats.rules.Frames.bareHead;
import static io.hardhats.rules.Frames.det;
import static io.hardhats.rules.Frames.helmet;
import static io.hardhats.rules.Frames.noVest;
import static io.hardhats.rules.Frames.vest;
import static org.assertj.core.api.Assertions.assertThat;

class WorkerAssemblerTest {

    private final WorkerAssembler assembler = new WorkerAssembler();

    @Test
    void headIsPairedWithTheTorsoBelowItAndTheBoxIsTheUnion() {
        Detection head = bareHead(120, 100);      // 120–160 × 100–140
        Detection torso = vest(100, 145);          // 100–180 × 145–245
        List<Worker> workers = assembler.assemble(List.of(torso, head));
        assertThat(workers).hasSize(1);
        Worker w = workers.get(0);
        assertThat(w.head()).isEqualTo(head);
        assertThat(w.torso()).isEqualTo(torso);
        assertThat(w.person()).isNull();
        assertThat(w.box()).isEqualTo(new BoundingBox(100, 100, 180, 245));
        assertThat(w.bareHeaded()).isTrue();
        assertThat(w.withoutVest()).isFalse();
    }

    @Test
    void twoWorkersSideBySideGetTheirOwnTorsos() {
        Detection leftHead = helmet(120, 100);
        Detection rightHead = bareHead(320, 105);
        Detection leftTorso = noVest(100, 142);
        Detection rightTorso = vest(300, 150);
        List<Worker> workers = assembler.assemble(List.of(rightTorso, leftHead, leftTorso, rightHead));
        assertThat(workers).hasSize(2);
        Worker left = workers.stream().filter(w -> w.head() == leftHead).findFirst().orElseThrow();
        Worker right = workers.stream().filter(w -> w.head() == rightHead).findFirst().orElseThrow();
        assertThat(left.torso()).isEqualTo(leftTorso);
        assertThat(right.torso()).isEqualTo(rightTorso);
        assertThat(left.withoutVest()).isTrue();
        assertThat(right.bareHeaded()).isTrue();
    }

    @Test
    void headSlightlyOffTheTorsoStillPairsButFarAwayPartsDoNot() {
        // Leaning: head centre (190) is right of the torso (100–180) but within the widened range.
        Detection leaning = bareHead(170, 100);
        Detection torso = vest(100, 140);
        assertThat(assembler.assemble(List.of(leaning, torso))).hasSize(1);

        // Too far sideways.
        assertThat(assembler.assemble(List.of(bareHead(260, 100), vest(100, 140)))).hasSize(2);
        // Torso starts more than 1.5 head heights (60 px) below the head.
        assertThat(assembler.assemble(List.of(bareHead(120, 100), vest(100, 210)))).hasSize(2);
        // Within 1.5 head heights.
        assertThat(assembler.assemble(List.of(bareHead(120, 100), vest(100, 195)))).hasSize(1);
        // A "head" below the torso is no head of it.
        assertThat(assembler.assemble(List.of(bareHead(120, 260), vest(100, 140)))).hasSize(2);
    }

    @Test
    void unmatchedPartsAreWorkersByThemselves() {
        Detection head = bareHead(500, 100);
        Detection torso = noVest(100, 300);
        List<Worker> workers = assembler.assemble(List.of(head, torso));
        assertThat(workers).hasSize(2);
        assertThat(workers).anySatisfy(w -> {
            assertThat(w.head()).isEqualTo(head);
            assertThat(w.torso()).isNull();
            assertThat(w.box()).isEqualTo(head.box());
        });
        assertThat(workers).anySatisfy(w -> {
            assertThat(w.torso()).isEqualTo(torso);
            assertThat(w.head()).isNull();
            assertThat(w.box()).isEqualTo(torso.box());
        });
    }

    @Test
    void personModelsUsePersonBoxesAndAttachPartsInsideThem() {
        Detection person = det(ProductClass.PERSON, 0.85f, 90, 90, 190, 400);
        Detection head = bareHead(120, 95);
        Detection torso = noVest(100, 140);
        Detection otherPerson = det(ProductClass.PERSON, 0.7f, 600, 100, 700, 420);
        List<Worker> workers = assembler.assemble(List.of(head, otherPerson, torso, person));
        assertThat(workers).hasSize(2);
        workers = workers.stream().sorted(Comparator.comparingDouble(w -> w.box().x1())).toList();
        Worker first = workers.get(0);
        assertThat(first.box()).as("the person box, not the union of parts").isEqualTo(person.box());
        assertThat(first.person()).isEqualTo(person);
        assertThat(first.head()).isEqualTo(head);
        assertThat(first.torso()).isEqualTo(torso);
        assertThat(first.confidence()).isEqualTo(0.85f);
        Worker second = workers.get(1);
        assertThat(second.person()).isEqualTo(otherPerson);
        assertThat(second.head()).isNull();
        assertThat(second.torso()).isNull();
    }

    @Test
    void partsOutsideEveryPersonStillCount() {
        Detection person = det(ProductClass.PERSON, 0.85f, 90, 90, 190, 400);
        Detection strayHead = bareHead(800, 100);
        List<Worker> workers = assembler.assemble(List.of(person, strayHead));
        assertThat(workers).hasSize(2);
        assertThat(workers).anySatisfy(w -> assertThat(w.head()).isEqualTo(strayHead));
    }

    @Test
    void nothingDetectedMeansNoWorkers() {
        assertThat(assembler.assemble(List.of())).isEmpty();
    }
}
