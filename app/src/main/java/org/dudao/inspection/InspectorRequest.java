package org.dudao.inspection;

/**
 * An inspector to create or change: {@code kind} FULL_TIME (专职) or PART_TIME (兼职), dates as yyyy-MM-dd,
 * {@code office} the code of the county or city whose office they belong to (fixed once created), {@code username}
 * the sign-in of an inspector user there (optional), {@code version} the one read (a stale one → 409).
 */
public record InspectorRequest(
        String name,
        String username,
        String kind,
        String certificate,
        String certificateExpires,
        Integer term,
        String termStart,
        String termEnd,
        String phone,
        String office,
        Boolean chief,
        Integer version) {}
