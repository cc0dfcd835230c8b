package io.hardhats.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassNamesTest {

    @TempDir
    Path dir;

    @Test
    void parsesTheMetadataDict() {
        assertThat(ClassNames.parseDict("{0: 'helmet', 1: 'no_helmet', 2: 'no_vest', 3: 'vest'}").names())
                .containsExactly("helmet", "no_helmet", "no_vest", "vest");
        assertThat(ClassNames.parseDict("{1: \"NO-Hardhat\", 0: \"Hardhat\"}").names())
                .containsExactly("Hardhat", "NO-Hardhat");
        assertThatThrownBy(() -> ClassNames.parseDict("[]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sidecarBesideTheModelWinsOverMetadata() throws Exception {
        Path model = dir.resolve("site.onnx");
        Files.writeString(model, "");
        Map<String, String> metadata = Map.of("names", "{0: 'a'}");
        assertThat(ClassNames.forModel(model, metadata).names()).containsExactly("a");

        Files.writeString(dir.resolve("site.names"), "hardhat\n\n# comment\nhead\n");
        assertThat(ClassNames.forModel(model, metadata).names()).containsExactly("hardhat", "head");
    }

    @Test
    void readsYamlSidecarsInEverySpelling() throws Exception {
        Path model = dir.resolve("m.onnx");
        Files.writeString(dir.resolve("m.yaml"), "path: data\nnames:\n  0: helmet\n  1: 'no_helmet'  # heads\nnc: 2\n");
        assertThat(ClassNames.fromSidecar(model).orElseThrow().names()).containsExactly("helmet", "no_helmet");

        assertThat(ClassNames.parseYaml(List.of("names:", "- vest", "- \"no_vest\"", "train: x")).names())
                .containsExactly("vest", "no_vest");
        assertThat(ClassNames.parseYaml(List.of("nc: 2", "names: ['person', 'vest']")).names())
                .containsExactly("person", "vest");
        assertThat(ClassNames.parseYaml(List.of("names: {0: person, 1: vest}")).names())
                .containsExactly("person", "vest");
    }

    @Test
    void readsATxtSidecarAndFailsClearlyWithoutNames() throws Exception {
        Path model = dir.resolve("x.onnx");
        assertThatThrownBy(() -> ClassNames.forModel(model, Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("names no classes");
        Files.writeString(dir.resolve("x.txt"), "person\n");
        assertThat(ClassNames.forModel(model, Map.of()).names()).containsExactly("person");
    }

    @Test
    void mapsSynonymsToProductClasses() {
        assertThat(ClassMap.productClassOf("Hardhat")).isEqualTo(ProductClass.HELMET);
        assertThat(ClassMap.productClassOf("head_helmet")).isEqualTo(ProductClass.HELMET);
        assertThat(ClassMap.productClassOf("NO-Hardhat")).isEqualTo(ProductClass.NO_HELMET);
        assertThat(ClassMap.productClassOf("head")).isEqualTo(ProductClass.NO_HELMET);
        assertThat(ClassMap.productClassOf("Safety Vest")).isEqualTo(ProductClass.VEST);
        assertThat(ClassMap.productClassOf("wear")).isEqualTo(ProductClass.VEST);
        assertThat(ClassMap.productClassOf("no_wear")).isEqualTo(ProductClass.NO_VEST);
        assertThat(ClassMap.productClassOf("NO-Safety Vest")).isEqualTo(ProductClass.NO_VEST);
        assertThat(ClassMap.productClassOf("Person")).isEqualTo(ProductClass.PERSON);
        assertThat(ClassMap.productClassOf("machinery")).isNull();

        ClassMap map = new ClassMap(new ClassNames(List.of("helmet", "mask", "no_vest")));
        assertThat(map.productClass(0)).isEqualTo(ProductClass.HELMET);
        assertThat(map.productClass(1)).isNull();
        assertThat(map.productClass(2)).isEqualTo(ProductClass.NO_VEST);
        assertThat(map.productClass(7)).isNull();
    }
}
