package org.dudao.inspection;

import java.util.List;

/**
 * Launching a 专项督查 ({@code kind} SPECIAL, default) or 回头看 (REVISIT) in a {@code county}: the checklist is the
 * top indicators of {@code scheme} (scored; {@code passLine} defaults to the scheme's lowest passing grade) or, with
 * no scheme, the supervision {@code items} (rated; default all eight). The schools are those of the county matching
 * every criterion given: {@code kinds} (小学 …), {@code townships} (codes), {@code plaqueSince} (plaque holders
 * awarded in that year or later; a 回头看 requires it).
 */
public record SpecialInspectionRequest(
        String kind,
        String title,
        String county,
        String scheme,
        Double passLine,
        List<String> items,
        String deadline,
        List<String> kinds,
        List<String> townships,
        Integer plaqueSince) {}
