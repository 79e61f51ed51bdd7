package org.dudao.evaluation.internal;

import java.time.LocalDate;
import java.util.List;
import org.dudao.evaluation.ChainLevel;

/**
 * A project as the API and screens show it; {@code countyDeadline} and {@code cityDeadline} are the optional
 * 初评 and 复核 deadlines, {@code overdue} the number of files past the deadline of their stage,
 * {@code collectionTask} the collection task through which the schools fill the project's data (null: none yet);
 * {@code version} the version to send back with a quota plan (409 when someone changed the project meanwhile);
 * {@code template} the review chain's template (CUSTOM: edited), {@code unitKinds} the evaluated kinds and
 * {@code chain} the review levels in order.
 */
public record ProjectView(
        String code,
        String name,
        int year,
        String scheme,
        Long schemeVersionId,
        String orgUnit,
        String orgUnitName,
        LocalDate deadline,
        int publicityDays,
        Quota quota,
        long schools,
        boolean canManage,
        LocalDate countyDeadline,
        LocalDate cityDeadline,
        long overdue,
        Long collectionTask,
        int version,
        String template,
        List<String> unitKinds,
        List<ChainLevel> chain) {

    /** The quota plan: target = 小学 + 中学. */
    public record Quota(int target, int primary, int secondary) {}
}
