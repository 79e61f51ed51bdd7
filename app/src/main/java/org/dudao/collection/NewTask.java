package org.dudao.collection;

import java.util.List;

/**
 * Input for issuing a collection task: the form's sections of item codes, cross-field rules, the subtree root
 * and optionally the kinds of unit to send it to ("SCHOOL" for every school kind, "TOWNSHIP" for townships and
 * subdistricts, or single kinds such as "小学"/"PRIMARY"). {@code units}, when given, names exactly the units (codes
 * inside the subtree) to send it to instead, e.g. the candidate schools of an evaluation project.
 */
public record NewTask(
        String name,
        String period,
        String rootUnit,
        List<String> kinds,
        String deadline,
        String description,
        List<Section> sections,
        List<Rule> rules,
        List<String> units) {

    public record Section(String title, List<String> items) {}

    /** {@code left op sum(right)}; op is one of <=, <, >=, >, =. */
    public record Rule(String left, String op, List<String> right, String message) {}
}
