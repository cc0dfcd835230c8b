package io.hardhats.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON bodies mean exactly one thing or are refused:
 * <ul>
 * <li>a number or a boolean where the API expects text ({@code "name": 12345}) is a client
 * mistake, refused with a 400 instead of silently storing its spelling;</li>
 * <li>a key given twice ({@code "role": "operator", "role": "admin"}) is refused, because a
 * proxy or a log reader may honour the first one while the server would honour the last;</li>
 * <li>text containing the NUL character is refused, since PostgreSQL cannot store it in text
 * or jsonb.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer noScalarToTextCoercion() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, config -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    JsonMapperBuilderCustomizer noDuplicateKeys() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    @Bean
    JsonMapperBuilderCustomizer noNulCharacters() {
        return builder -> builder.addModule(new SimpleModule("no-nul-characters")
                .addDeserializer(String.class, new NulFreeText())
                .addKeyDeserializer(String.class, new NulFreeKey()));
    }

    /** Text values, including those inside free-form maps such as organisation settings. */
    private static final class NulFreeText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return NulCharacterException.refuse(parser, super.deserialize(parser, context));
        }
    }

    private static final class NulFreeKey extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            return NulCharacterException.refuse(context.getParser(), key);
        }
    }
}
