package io.hardhats.vision;

/**
 * The classes the product reasons about. Every model's own class names are mapped onto these
 * (see {@link ClassMap}) so that the violation rules never depend on how a model was labelled.
 */
public enum ProductClass {
    HELMET("helmet"),
    NO_HELMET("no_helmet"),
    VEST("vest"),
    NO_VEST("no_vest"),
    PERSON("person");

    private final String label;

    ProductClass(String label) {
        this.label = label;
    }

    /** The wire name, as used in events and drawn on annotated frames. */
    public String label() {
        return label;
    }
}
