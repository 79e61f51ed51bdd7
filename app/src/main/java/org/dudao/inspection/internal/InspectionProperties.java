package org.dudao.inspection.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dudao.inspection.*}: at most {@code zoneMaxSchools} schools in a zone (SPEC §7: about 20), a warning when
 * an inspector covers more than {@code schoolsPerInspector} (about 5), and the public address the plaque's QR code
 * points at ({@code publicBaseUrl}, e.g. https://dudao.example.gov.cn).
 */
@ConfigurationProperties("dudao.inspection")
public record InspectionProperties(Integer zoneMaxSchools, Integer schoolsPerInspector, String publicBaseUrl) {

    public InspectionProperties {
        zoneMaxSchools = zoneMaxSchools == null ? 20 : zoneMaxSchools;
        schoolsPerInspector = schoolsPerInspector == null ? 5 : schoolsPerInspector;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank()
                ? "http://localhost:8080"
                : publicBaseUrl.replaceAll("/+$", "");
    }
}
