package org.dudao.shared.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.dudao.shared.Problems;

/**
 * Refuses text with control characters in request bodies: NUL cannot be stored in PostgreSQL, and other C0/C1
 * controls and bidirectional overrides only serve to disguise a name. Tab and line breaks stay allowed. Applied
 * to the bodies the API reads, not to JSON the server writes and reads back itself. No text field of the API
 * takes more than {@link #MAX_LENGTH} characters (each field's own limit is checked where it is used): a
 * longer one is refused here as too long, before it reaches a service or a column.
 */
final class SafeText extends StringDeserializer {

    static final int MAX_LENGTH = 20_000;

    private SafeText() {}

    static Module module() {
        return new SimpleModule("SafeText").addDeserializer(String.class, new SafeText());
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = super.deserialize(p, ctxt);
        if (text != null && text.chars().anyMatch(Problems::unsafe)) {
            throw new UnsafeTextException(p);
        }
        if (text != null && text.length() > MAX_LENGTH) {
            throw new TooLongTextException(p);
        }
        return text;
    }

    /** A text with a control character; Jackson adds the field's path as it unwinds. */
    static final class UnsafeTextException extends JsonMappingException {
        UnsafeTextException(JsonParser p) {
            super(p, "text contains control characters");
        }
    }

    /** A text beyond {@link #MAX_LENGTH}; refused as a problem of its field. */
    static final class TooLongTextException extends JsonMappingException {
        TooLongTextException(JsonParser p) {
            super(p, "text longer than " + MAX_LENGTH + " characters");
        }
    }
}
