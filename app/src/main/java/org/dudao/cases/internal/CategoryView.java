package org.dudao.cases.internal;

/** A case category with its time limit in working days and the version an edit must carry. */
public record CategoryView(String code, String name, int timeLimit, int version) {

    public CategoryView(String code, String name, int timeLimit) {
        this(code, name, timeLimit, 0);
    }
}
