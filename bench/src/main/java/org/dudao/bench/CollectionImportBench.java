package org.dudao.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dudao.collection.internal.ValueBatches;
import org.dudao.collection.internal.excel.ExcelImport;
import org.dudao.data.DataItemForm;
import org.dudao.data.DataItems;
import org.dudao.org.OrgTree;
import org.dudao.org.OrgUnitForm;
import org.dudao.shared.Access;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Imports 100,000 values (5,000 units × 20 items) through the app's own services, in-process: once as an Excel
 * workbook (streaming read) and once as a JSON batch like {@code POST /api/data-values}; then the same JSON
 * again with every value changed (updates). Prints wall time and peak heap of each run.
 *
 * <p>Usage: {@code CollectionImportBench h2|postgres [units] [items]}. H2 runs on a file under bench/target;
 * PostgreSQL uses DUDAO_DB_URL / DUDAO_DB_USER / DUDAO_DB_PASSWORD and cleans that database first.
 */
public final class CollectionImportBench {

    private CollectionImportBench() {}

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int unitCount = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int itemCount = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        ConfigurableApplicationContext app = InProcessApp.start(
                db,
                "jdbc:postgresql://127.0.0.1:5432/dudao_collection",
                "h2-bench",
                List.of("org.dudao.data", "org.dudao.collection"));
        try {
            run(app, db, unitCount, itemCount);
        } finally {
            app.close();
        }
    }

    private static void run(ConfigurableApplicationContext app, String db, int unitCount, int itemCount)
            throws Exception {
        OrgTree units = app.getBean(OrgTree.class);
        DataItems items = app.getBean(DataItems.class);
        ValueBatches batches = app.getBean(ValueBatches.class);
        ExcelImport importer = app.getBean(ExcelImport.class);
        ObjectMapper json = app.getBean(ObjectMapper.class);
        List<String> schools = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        long setup = System.nanoTime();
        Access.runAsSystem(() -> {
            units.create(form("BP", "基准省", "省", null));
            units.create(form("BP01", "基准市", "市", "BP"));
            units.create(form("BP0101", "基准县", "县", "BP01"));
            int perTown = 100;
            for (int t = 0; t * perTown < unitCount; t++) {
                String town = "BP0101" + String.format("%03d", t);
                units.create(form(town, "基准镇" + t, "乡镇", "BP0101"));
                for (int s = 0; s < perTown && schools.size() < unitCount; s++) {
                    String code = town + String.format("%03d", s);
                    units.create(form(code, "基准小学" + t + "-" + s, "小学", town));
                    schools.add(code);
                }
            }
            for (int i = 0; i < itemCount; i++) {
                String code = "bench_item_" + String.format("%02d", i);
                items.create(new DataItemForm(
                        code,
                        "基准数据项" + i,
                        "个",
                        i % 2 == 0 ? "INTEGER" : "NUMBER",
                        "0",
                        null,
                        false,
                        "SUM",
                        "YEAR",
                        null,
                        null));
                codes.add(code);
            }
        });
        System.out.printf(
                "db=%s units=%d items=%d values=%d (setup %.1f s)%n",
                db, schools.size(), codes.size(), schools.size() * codes.size(), (System.nanoTime() - setup) / 1e9);

        Path workbook = Files.createTempFile("bench-collection", ".xlsx");
        writeWorkbook(workbook, schools, codes, "2026", 1);
        System.out.printf("workbook: %,d bytes%n", Files.size(workbook));
        InProcessApp.measure("excel import (100k new values)", () -> {
            ExcelImport.Report[] r = new ExcelImport.Report[1];
            Access.runAsSystem(() -> {
                try {
                    r[0] = importer.importFile(workbook, null, false, new ExcelImport.Listener() {
                        @Override
                        public void phase(String phase) {}

                        @Override
                        public void rows(int read, int total) {}
                    });
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            return "imported=" + r[0].imported() + " updated=" + r[0].updated() + " rejected="
                    + r[0].rejected().size();
        });
        Files.deleteIfExists(workbook);

        String batch = jsonBatch(schools, codes, "2027", 1);
        String changed = jsonBatch(schools, codes, "2027", 2);
        System.out.printf("json batch: %,d bytes%n", batch.length());
        InProcessApp.measure("json batch (100k new values)", () -> writeJson(json, batches, batch));
        InProcessApp.measure("json batch (100k changed values)", () -> writeJson(json, batches, changed));
    }

    record Batch(String period, List<ValueBatches.Entry> values) {}

    private static String writeJson(ObjectMapper json, ValueBatches batches, String body) {
        String[] result = new String[1];
        Access.runAsSystem(() -> {
            try {
                Batch b = json.readValue(body, Batch.class);
                ValueBatches.Report r = batches.write(b.period(), b.values(), false, "API");
                result[0] = "imported=" + r.imported() + " updated=" + r.updated() + " rejected="
                        + r.rejected().size();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return result[0];
    }

    private static OrgUnitForm form(String code, String name, String kind, String parent) {
        return new OrgUnitForm(code, name, kind, parent, null, null, null, null, null, null, null);
    }

    private static void writeWorkbook(Path file, List<String> schools, List<String> codes, String period, int seed)
            throws Exception {
        Random random = new Random(seed);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200);
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("数据填报");
            Row header = sheet.createRow(0);
            Row codeRow = sheet.createRow(1);
            header.createCell(0).setCellValue("单位代码");
            header.createCell(1).setCellValue("单位名称");
            codeRow.createCell(0).setCellValue("#code");
            codeRow.createCell(1).setCellValue("#name");
            for (int c = 0; c < codes.size(); c++) {
                header.createCell(c + 2).setCellValue("基准数据项" + c);
                codeRow.createCell(c + 2).setCellValue(codes.get(c));
            }
            codeRow.setZeroHeight(true);
            for (int r = 0; r < schools.size(); r++) {
                Row row = sheet.createRow(r + 2);
                row.createCell(0).setCellValue(schools.get(r));
                row.createCell(1).setCellValue("school " + r);
                for (int c = 0; c < codes.size(); c++) {
                    row.createCell(c + 2)
                            .setCellValue(c % 2 == 0 ? random.nextInt(5000) : random.nextInt(500000) / 100.0);
                }
            }
            Sheet meta = wb.createSheet("_dudao");
            Row m = meta.createRow(0);
            m.createCell(0).setCellValue("period");
            m.createCell(1).setCellValue(period);
            wb.setSheetVisibility(1, SheetVisibility.VERY_HIDDEN);
            wb.write(out);
            wb.dispose();
        }
    }

    private static String jsonBatch(List<String> schools, List<String> codes, String period, int seed) {
        Random random = new Random(seed);
        StringBuilder s = new StringBuilder(schools.size() * codes.size() * 64);
        s.append("{\"period\":\"").append(period).append("\",\"values\":[");
        boolean first = true;
        for (String school : schools) {
            for (int c = 0; c < codes.size(); c++) {
                if (!first) {
                    s.append(',');
                }
                first = false;
                String value = c % 2 == 0
                        ? String.valueOf(random.nextInt(5000))
                        : String.valueOf(random.nextInt(500000) / 100.0);
                s.append("{\"orgUnit\":\"")
                        .append(school)
                        .append("\",\"item\":\"")
                        .append(codes.get(c))
                        .append("\",\"value\":\"")
                        .append(value)
                        .append("\"}");
            }
        }
        return s.append("]}").toString();
    }
}
