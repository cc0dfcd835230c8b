package io.hardhats.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;

/** A JSON text value or key that contains the NUL character (see {@link StrictJson}). */
public final class NulCharacterException extends DatabindException {

    private NulCharacterException(JsonParser parser) {
        super(parser, "text must not contain the NUL character");
    }

    static String refuse(JsonParser parser, String text) {
        if (text != null && text.indexOf('\0') >= 0) {
            throw new NulCharacterException(parser);
        }
        return text;
    }
}
