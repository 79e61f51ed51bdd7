package org.dudao.inspection.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dudao.inspection.*}: at most {@code zoneMaxSchools} schools in a zone (SPEC §7: about 20), a warning when
 * an inspector covers more than {@code schoolsPerInspector} (about 5), the public address the plaque's QR code
 * points at ({@code publicBaseUrl}, e.g. https://dudao.example.gov.cn), the visits every school should get a month
 * ({@code visitsPerMonth}, 1) and the working day of the month after a period by which an inspector's 一月一小结
 * or 半年一总结 is due ({@code summaryDueWorkingDay}, the 5th).
 */
@ConfigurationProperties("dudao.inspection")
public record InspectionProperties(
        Integer zoneMaxSchools,
        Integer schoolsPerInspector,
        String publicBaseUrl,
        Integer visitsPerMonth,
        Integer summaryDueWorkingDay) {

    public InspectionProperties {
        zoneMaxSchools = zoneMaxSchools == null ? 20 : zoneMaxSchools;
        schoolsPerInspector = schoolsPerInspector == null ? 5 : schoolsPerInspector;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank()
                ? "http://localhost:8080"
                : publicBaseUrl.replaceAll("/+$", "");
        visitsPerMonth = visitsPerMonth == null || visitsPerMonth < 1 ? 1 : visitsPerMonth;
        summaryDueWorkingDay = summaryDueWorkingDay == null || summaryDueWorkingDay < 1 ? 5 : summaryDueWorkingDay;
    }
}
