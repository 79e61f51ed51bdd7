package org.dudao.shared.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Refuses text with control characters in request bodies: NUL cannot be stored in PostgreSQL, and other C0/C1
 * controls and bidirectional overrides only serve to disguise a name. Tab and line breaks stay allowed. Applied
 * to the bodies the API reads, not to JSON the server writes and reads back itself.
 */
final class SafeText extends StringDeserializer {

    private SafeText() {}

    static Module module() {
        return new SimpleModule("SafeText").addDeserializer(String.class, new SafeText());
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = super.deserialize(p, ctxt);
        if (text != null && text.chars().anyMatch(SafeText::unsafe)) {
            throw new UnsafeTextException(p);
        }
        return text;
    }

    static boolean unsafe(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }

    /** A text with a control character; Jackson adds the field's path as it unwinds. */
    static final class UnsafeTextException extends JsonMappingException {
        UnsafeTextException(JsonParser p) {
            super(p, "text contains control characters");
        }
    }
}
