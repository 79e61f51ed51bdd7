package org.dudao.cases.internal;

import java.security.SecureRandom;

/**
 * The code a reporter tracks a case with: 12 characters from 31 letters and digits that cannot be mistaken for
 * each other (no 0/O, 1/I/L), about 59 bits, so codes cannot be guessed or walked like the case numbers.
 */
final class TrackingCodes {

    static final int LENGTH = 12;
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {}

    static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return code.toString();
    }

    /** A typed code as stored: upper case, without spaces or dashes; null when it cannot be one. */
    static String normalize(String typed) {
        if (typed == null) return null;
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
        return code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) ? code : null;
    }
}
