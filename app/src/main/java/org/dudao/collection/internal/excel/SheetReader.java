package org.dudao.collection.internal.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.TreeMap;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads .xlsx sheets in streaming mode (POI's {@link XSSFReader} with a SAX handler over the sheet XML), so a
 * large workbook never sits in memory as a whole. Cells come out raw: shared strings resolved, numbers as
 * written, formulas and error cells flagged (an import refuses them instead of trusting cached results).
 */
final class SheetReader {

    enum Kind {
        TEXT,
        NUMBER,
        BOOLEAN,
        FORMULA,
        ERROR
    }

    record Cell(int column, Kind kind, String value) {}

    /** One non-empty row: its 1-based row number and cells by 0-based column. */
    record Line(int row, TreeMap<Integer, Cell> cells) {}

    interface Rows {
        void sheet(String name, int dimensionRows);

        void row(String sheet, Line line);
    }

    /** The file is not a readable .xlsx workbook. */
    static final class NotExcelException extends Exception {
        NotExcelException(Throwable cause) {
            super(cause);
        }
    }

    private SheetReader() {}

    static void read(Path file, Rows rows) throws NotExcelException, IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    String name = it.getSheetName();
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new Handler(name, strings, rows));
                    xml.parse(new InputSource(in));
                }
            }
        } catch (OpenXML4JException
                | SAXException
                | ParserConfigurationException
                | IllegalArgumentException
                | IllegalStateException
                | org.apache.poi.ooxml.POIXMLException
                | org.apache.poi.openxml4j.exceptions.InvalidOperationException e) {
            throw new NotExcelException(e);
        }
    }

    static int column(String ref) {
        int c = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return c - 1;
    }

    static String letter(int column) {
        StringBuilder s = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            s.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return s.toString();
    }

    private static final class Handler extends DefaultHandler {
        private final String sheet;
        private final ReadOnlySharedStringsTable strings;
        private final Rows rows;
        private final StringBuilder text = new StringBuilder();
        private TreeMap<Integer, Cell> cells;
        private int row;
        private int nextRow = 1;
        private String ref;
        private String type;
        private boolean formula;
        private boolean inValue;
        private String value;

        Handler(String sheet, ReadOnlySharedStringsTable strings, Rows rows) {
            this.sheet = sheet;
            this.strings = strings;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attrs) {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            switch (name) {
                case "dimension" -> {
                    String r = attrs.getValue("ref");
                    int last = 0;
                    if (r != null && r.contains(":")) {
                        String end = r.substring(r.indexOf(':') + 1).replaceAll("[A-Za-z]", "");
                        last = end.isEmpty() ? 0 : Integer.parseInt(end);
                    }
                    rows.sheet(sheet, last);
                }
                case "row" -> {
                    String r = attrs.getValue("r");
                    row = r == null ? nextRow : Integer.parseInt(r);
                    nextRow = row + 1;
                    cells = new TreeMap<>();
                }
                case "c" -> {
                    ref = attrs.getValue("r");
                    type = attrs.getValue("t");
                    formula = false;
                    value = null;
                }
                case "f" -> formula = true;
                case "v", "t" -> {
                    inValue = true;
                    text.setLength(0);
                }
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            switch (name) {
                case "v" -> {
                    value = text.toString();
                    inValue = false;
                }
                case "t" -> {
                    value = value == null ? text.toString() : value + text;
                    inValue = false;
                }
                case "c" -> {
                    int col = ref == null ? (cells.isEmpty() ? 0 : cells.lastKey() + 1) : column(ref);
                    Cell cell;
                    if (formula) {
                        cell = new Cell(col, Kind.FORMULA, value);
                    } else if ("e".equals(type)) {
                        cell = new Cell(col, Kind.ERROR, value);
                    } else if ("s".equals(type)) {
                        cell = value == null
                                ? null
                                : new Cell(
                                        col,
                                        Kind.TEXT,
                                        strings.getItemAt(Integer.parseInt(value.trim()))
                                                .getString());
                    } else if ("inlineStr".equals(type) || "str".equals(type)) {
                        cell = new Cell(col, Kind.TEXT, value);
                    } else if ("b".equals(type)) {
                        cell = new Cell(col, Kind.BOOLEAN, "1".equals(value) ? "true" : "false");
                    } else {
                        cell = value == null ? null : new Cell(col, Kind.NUMBER, value);
                    }
                    if (cell != null
                            && (cell.value() != null && !cell.value().isBlank()
                                    || cell.kind() == Kind.FORMULA
                                    || cell.kind() == Kind.ERROR)) {
                        cells.put(col, cell);
                    }
                }
                case "row" -> {
                    if (!cells.isEmpty()) {
                        rows.row(sheet, new Line(row, cells));
                    }
                }
                default -> {}
            }
        }
    }
}
