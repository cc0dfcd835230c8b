package io.hardhats.web;

import io.hardhats.persistence.WireValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Query parameters use the same lowercase enum spellings as JSON ({@code ?violation_type=no_vest}). */
@Configuration(proxyBeanMethods = false)
public class WireValueFormatting implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new StringToWireValue());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class StringToWireValue implements ConverterFactory<String, Enum> {

        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
            if (!WireValue.class.isAssignableFrom(targetType)) {
                return value -> (T) Enum.valueOf(targetType, value.trim());
            }
            return value -> (T) WireValue.parse((Class) targetType, value.trim());
        }
    }
}
