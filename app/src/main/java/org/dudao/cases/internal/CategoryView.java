package org.dudao.cases.internal;

/** A case category with its time limit in working days. */
public record CategoryView(String code, String name, int timeLimit) {}
