package org.dudao.collection.internal.excel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
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

    /** The workbook unpacks to more than the allowed bytes (or POI saw a zip bomb in it). */
    static final class TooLargeException extends RuntimeException {
        TooLargeException() {
            super("unpacked workbook too large");
        }
    }

    /** A cap was passed while reading: the message key naming it and the limit. */
    static final class LimitException extends RuntimeException {
        final String key;
        final long limit;

        LimitException(String key, long limit) {
            super(key, null, false, false);
            this.key = key;
            this.limit = limit;
        }
    }

    /**
     * What one workbook may take: bytes unpacked from the zip, entries in its shared strings table (at most
     * one per cell read) and characters of text kept (shared strings and cell values), so that neither the
     * table, read before any row, nor a few huge cells can fill the heap (issue 11).
     */
    record Bounds(long unpackedBytes, int sharedStrings, long textChars) {}

    /** What is left of a workbook's {@link Bounds} while it is read. */
    private static final class Budget {
        final Bounds bounds;
        long unpacked;
        long text;

        Budget(Bounds bounds) {
            this.bounds = bounds;
            this.unpacked = bounds.unpackedBytes();
            this.text = bounds.textChars();
        }

        void text(int chars) {
            text -= chars;
            if (text < 0) {
                throw new LimitException("collection.import.too-much-text", bounds.textChars());
            }
        }
    }

    private SheetReader() {}

    /**
     * Streams every sheet's rows to {@code rows} within {@code bounds}: the shared strings and sheets together
     * may unpack to at most so many bytes (counted as they are read, whatever the zip claims) and hold at most
     * so much text; past a bound {@link TooLargeException} or {@link LimitException}.
     */
    static void read(Path file, Rows rows, Bounds bounds) throws NotExcelException {
        Budget budget = new Budget(bounds);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            List<String> strings = sharedStrings(pkg, budget);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = new Bounded(it.next(), budget)) {
                    String name = it.getSheetName();
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new Handler(name, strings, rows, budget));
                    xml.parse(new InputSource(in));
                }
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Zip bomb")) {
                throw new TooLargeException();
            }
            throw new NotExcelException(e);
        } catch (OpenXML4JException
                | SAXException
                | ParserConfigurationException
                | IllegalArgumentException
                | IllegalStateException
                | org.apache.poi.ooxml.POIXMLException
                | org.apache.poi.openxml4j.exceptions.InvalidOperationException e) {
            if (bomb(e)) {
                throw new TooLargeException();
            }
            throw new NotExcelException(e);
        }
    }

    private static boolean bomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLargeException
                    || t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                return true;
            }
        }
        return false;
    }

    /** The shared strings table, read within the workbook's budget (POI's table would take any size). */
    private static List<String> sharedStrings(OPCPackage pkg, Budget budget)
            throws IOException, SAXException, ParserConfigurationException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return List.of();
        }
        try (InputStream in = new Bounded(parts.get(0).getInputStream(), budget)) {
            SharedStrings table = new SharedStrings(budget);
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(table);
            xml.parse(new InputSource(in));
            return table.strings;
        }
    }

    /** Each {@code <si>}: the text of its runs without phonetic hints, as POI's table reads it. */
    private static final class SharedStrings extends DefaultHandler {
        final List<String> strings = new ArrayList<>();
        private final Budget budget;
        private final StringBuilder text = new StringBuilder();
        private boolean inText;
        private boolean inPhonetic;

        SharedStrings(Budget budget) {
            this.budget = budget;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attrs) {
            switch (localName == null || localName.isEmpty() ? qName : localName) {
                case "si" -> text.setLength(0);
                case "rPh" -> inPhonetic = true;
                case "t" -> inText = !inPhonetic;
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                budget.text(length);
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName == null || localName.isEmpty() ? qName : localName) {
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                case "si" -> {
                    if (strings.size() >= budget.bounds.sharedStrings()) {
                        throw new LimitException("collection.import.too-many-cells", budget.bounds.sharedStrings());
                    }
                    strings.add(text.toString());
                }
                default -> {}
            }
        }
    }

    /** Counts the bytes read against the workbook's budget; past it, {@link TooLargeException}. */
    private static final class Bounded extends FilterInputStream {
        private final Budget budget;

        Bounded(InputStream in, Budget budget) {
            super(in);
            this.budget = budget;
        }

        private int count(int n) {
            if (n > 0) {
                budget.unpacked -= n;
                if (budget.unpacked < 0) {
                    throw new TooLargeException();
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return count(super.read(b, off, len));
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count((int) Math.min(Integer.MAX_VALUE, skipped));
            return skipped;
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
        private final List<String> strings;
        private final Rows rows;
        private final Budget budget;
        private final StringBuilder text = new StringBuilder();
        private TreeMap<Integer, Cell> cells;
        private int row;
        private int nextRow = 1;
        private String ref;
        private String type;
        private boolean formula;
        private boolean inValue;
        private String value;

        Handler(String sheet, List<String> strings, Rows rows, Budget budget) {
            this.sheet = sheet;
            this.strings = strings;
            this.rows = rows;
            this.budget = budget;
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
                budget.text(length);
                text.append(ch, start, length);
            }
        }

        /** The shared string a cell refers to; an index outside the table is not a workbook Excel writes. */
        private String shared(String index) {
            int i = Integer.parseInt(index.trim());
            if (i < 0 || i >= strings.size()) {
                throw new IllegalArgumentException("no shared string " + i);
            }
            return strings.get(i);
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
                        cell = value == null ? null : new Cell(col, Kind.TEXT, shared(value));
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
