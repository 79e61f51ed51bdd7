package org.dudao.collection.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bounds of an Excel import ({@code dudao.import.*}): rows and cells read, bytes unpacked from the zip,
 * characters of text held (shared strings and cell values: what a node keeps of a workbook while it checks it),
 * rejections listed (the rest are counted), imports running at once on one node and the {@code Retry-After}
 * sent when the node is busy. Missing values take the defaults below.
 */
@ConfigurationProperties("dudao.import")
public record ImportLimits(
        Integer maxRows,
        Integer maxCells,
        Long maxUnpackedBytes,
        Long maxTextChars,
        Integer maxRejections,
        Integer concurrent,
        Integer retryAfterSeconds) {

    public ImportLimits {
        maxRows = positive(maxRows, 200_000);
        maxCells = positive(maxCells, 200_000);
        maxUnpackedBytes = maxUnpackedBytes == null || maxUnpackedBytes <= 0 ? 200L * 1024 * 1024 : maxUnpackedBytes;
        maxTextChars = maxTextChars == null || maxTextChars <= 0 ? 20_000_000L : maxTextChars;
        maxRejections = positive(maxRejections, 1_000);
        concurrent = positive(concurrent, 2);
        retryAfterSeconds = positive(retryAfterSeconds, 30);
    }

    /** The defaults, for code that builds an importer by hand (benchmarks, tests). */
    public static ImportLimits defaults() {
        return new ImportLimits(null, null, null, null, null, null, null);
    }

    private static Integer positive(Integer value, int fallback) {
        return value == null || value <= 0 ? fallback : value;
    }
}
