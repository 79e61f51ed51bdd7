package org.dudao.inspection;

/**
 * What a school's 挂牌 plaque shows the public: the school, its responsible inspector's name, phone and whether a
 * photo exists (no inspector yet: nulls), and the absolute address of the public page the QR code encodes.
 */
public record PlaqueView(
        String school, String schoolName, String inspectorName, String phone, boolean photo, String url) {}
