package org.dudao.shared.web;

/**
 * What the forms anyone may send without signing in share (the plaque page's message, the public case form): a
 * field people never see ({@value #HONEYPOT}, in {@code fragments/public :: honeypot}) that robots fill in, whose
 * senders are answered as usual while nothing is kept. The rate limit per client address applies to every path
 * under {@code /public/} in the security filter chain.
 */
public final class PublicForms {

    /** The name of the hidden field. */
    public static final String HONEYPOT = "website";

    private PublicForms() {}

    /** Whether the hidden field came back filled in: a robot's post. */
    public static boolean robot(String honeypot) {
        return honeypot != null && !honeypot.isBlank();
    }
}
