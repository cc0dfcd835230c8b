package io.hardhats.vision;

import java.util.Locale;
import java.util.Map;

/**
 * Which of the model's classes mean which product class. Public PPE data sets spell the same idea
 * many ways ("hardhat", "head_helmet", "NO-Hardhat", "wear"...), so names are normalised and looked
 * up in a synonym table; classes the product has no use for (e.g. "mask", "machinery") map to
 * nothing and are dropped before NMS.
 */
public final class ClassMap {

    private static final Map<String, ProductClass> SYNONYMS = Map.ofEntries(
            Map.entry("helmet", ProductClass.HELMET),
            Map.entry("hardhat", ProductClass.HELMET),
            Map.entry("hard_hat", ProductClass.HELMET),
            Map.entry("head_helmet", ProductClass.HELMET),
            Map.entry("safety_helmet", ProductClass.HELMET),
            Map.entry("with_helmet", ProductClass.HELMET),
            Map.entry("no_helmet", ProductClass.NO_HELMET),
            Map.entry("no_hardhat", ProductClass.NO_HELMET),
            Map.entry("no_hard_hat", ProductClass.NO_HELMET),
            Map.entry("without_helmet", ProductClass.NO_HELMET),
            Map.entry("head", ProductClass.NO_HELMET),
            Map.entry("vest", ProductClass.VEST),
            Map.entry("safety_vest", ProductClass.VEST),
            Map.entry("reflective_vest", ProductClass.VEST),
            Map.entry("with_vest", ProductClass.VEST),
            Map.entry("wear", ProductClass.VEST),
            Map.entry("no_vest", ProductClass.NO_VEST),
            Map.entry("no_safety_vest", ProductClass.NO_VEST),
            Map.entry("without_vest", ProductClass.NO_VEST),
            Map.entry("no_wear", ProductClass.NO_VEST),
            Map.entry("person", ProductClass.PERSON),
            Map.entry("worker", ProductClass.PERSON),
            Map.entry("people", ProductClass.PERSON));

    private final ClassNames names;
    private final ProductClass[] byIndex;

    public ClassMap(ClassNames names) {
        this.names = names;
        this.byIndex = new ProductClass[names.size()];
        for (int i = 0; i < byIndex.length; i++) {
            byIndex[i] = productClassOf(names.name(i));
        }
    }

    /** The product class a model class name means, or {@code null} when the product ignores it. */
    public static ProductClass productClassOf(String modelName) {
        if (modelName == null) {
            return null;
        }
        String key = modelName.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return SYNONYMS.get(key);
    }

    /** The product class of a model class index, or {@code null} for ignored or unknown indices. */
    public ProductClass productClass(int classIndex) {
        return classIndex >= 0 && classIndex < byIndex.length ? byIndex[classIndex] : null;
    }

    public String modelName(int classIndex) {
        return names.name(classIndex);
    }

    public ClassNames names() {
        return names;
    }
}
