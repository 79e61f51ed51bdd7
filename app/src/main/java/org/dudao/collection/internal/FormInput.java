package org.dudao.collection.internal;

import java.util.Map;

/**
 * What a clerk sends from a form: item code → value text, item code → the version read (-1: no value read),
 * and for parents with mismatches the explanation of the difference.
 */
public record FormInput(Map<String, String> values, Map<String, Integer> versions, String explanation) {}
