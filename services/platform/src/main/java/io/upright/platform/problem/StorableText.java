package io.upright.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * PostgreSQL cannot store a NUL character in text, so a JSON string holding one would fail deep in a
 * transaction as a 500. Every service reads request bodies through this check instead: a NUL in any text field is
 * a 400 naming that field, before anything is written.
 */
@Singleton
public class StorableText implements ObjectMapperCustomizer {

    public static final String MESSAGE = "must not contain a NUL character";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("upright-storable-text").addDeserializer(String.class, new NulFreeStrings()));
    }

    public static boolean storable(String text) {
        return text == null || text.indexOf('\u0000') < 0;
    }

    /** Thrown with the field's path, so the problem mapper can name it. */
    public static final class NulInText extends InvalidFormatException {
        NulInText(JsonParser parser, String value) {
            super(parser, MESSAGE, value, String.class);
        }
    }

    private static final class NulFreeStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = super.deserialize(p, ctxt);
            if (!storable(text)) {
                throw new NulInText(p, text);
            }
            return text;
        }
    }
}
