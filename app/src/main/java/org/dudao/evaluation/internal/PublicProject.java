package org.dudao.evaluation.internal;

public record PublicProject(String code, String name, int year, String owner, int publicityDays) {}
