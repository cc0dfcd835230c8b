package io.hardhats.web;

import java.util.function.Consumer;

/** Partial updates: a field the request leaves out (null) keeps its value. */
public final class Patch {

    private Patch() {
    }

    public static <T> void ifGiven(T value, Consumer<? super T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
