package org.dudao.scheme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.dudao.scheme.internal.SchemeEditor;
import org.dudao.scheme.internal.SchemeExcel;
import org.dudao.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Schemes as files: export of a version as JSON or Excel, import of either as a new scheme or version. */
@Service
public class SchemeFiles {

    private final Schemes schemes;
    private final SchemeEditor editor;
    private final ObjectMapper json;

    SchemeFiles(Schemes schemes, SchemeEditor editor, ObjectMapper json) {
        this.schemes = schemes;
        this.editor = editor;
        this.json = json;
    }

    /** A readable version (null: latest) as an Excel workbook, one row per indicator. */
    @Transactional(readOnly = true)
    public byte[] exportExcel(String code, Integer number) {
        return SchemeExcel.write(schemes.version(code, number));
    }

    /** A readable version (null: latest) as JSON: the definition without version metadata, ready to import. */
    @Transactional(readOnly = true)
    public byte[] exportJson(String code, Integer number) {
        try {
            return json.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(schemes.version(code, number).definition());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Imports a scheme file, JSON or Excel (told apart by content): a new scheme or a new version of the scheme
     * with the file's code. {@code orgUnit} is the owner of a new scheme (optional, as in
     * {@link SchemeEditor#save}).
     */
    @Transactional
    public SchemeDoc importFile(byte[] content, String orgUnit) {
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "scheme.import.empty");
        }
        SchemeDoc doc;
        boolean zip = content.length > 2 && content[0] == 'P' && content[1] == 'K';
        if (zip) {
            doc = SchemeExcel.read(new ByteArrayInputStream(content));
        } else {
            try {
                doc = json.readValue(content, SchemeDoc.class);
            } catch (IOException e) {
                throw InvalidInputException.of("file", "scheme.import.unreadable");
            }
        }
        if (doc == null) { // the JSON literal null
            throw InvalidInputException.of("file", "scheme.import.unreadable");
        }
        String owner = orgUnit == null || orgUnit.isBlank() ? doc.orgUnit() : orgUnit;
        return editor.save(new SchemeDoc(
                doc.code(),
                doc.name(),
                doc.maxScore(),
                doc.grades(),
                doc.indicators(),
                doc.vetoes(),
                null,
                owner,
                null,
                null,
                doc.note(),
                null));
    }
}
