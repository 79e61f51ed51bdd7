package org.dudao.shared;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Ids kept in one text column as "3,17,42" (evidence of a finding, the units of a group): written and read back. */
public final class IdList {

    private IdList() {}

    /** The column's text; null for no ids. */
    public static String text(Collection<Long> ids) {
        return ids == null || ids.isEmpty()
                ? null
                : String.join(",", ids.stream().map(String::valueOf).toList());
    }

    /** The ids of a column's text; none for null or blank. */
    public static List<Long> of(String text) {
        return text == null || text.isBlank()
                ? List.of()
                : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }
}
