package org.dudao.data;

public enum ValueType {
    INTEGER,
    NUMBER,
    PERCENT,
    BOOLEAN,
    TEXT,
    DATE
}
