package org.dudao.shared;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an office signs the documents it issues (公示, 限期整改通知书): the 文号, gapless per office and year, with
 * the office's prefix ({@code dudao.documents.prefixes.<code>}, else the first character of its name and 督:
 * 青山县 → 青督〔2026〕1号), the 落款 ({@code dudao.documents.issuers.<code>}, else the name and 人民政府教育督导室) and
 * the contact for objections to a 公示 ({@code dudao.documents.contacts.<code>}).
 */
@Service
public class IssuingOffices {

    private static final String COUNT =
            "update document_number set last_number = last_number + 1 where office = ? and doc_year = ?";

    private final JdbcTemplate jdbc;
    private final Map<String, String> prefixes;
    private final Map<String, String> issuers;
    private final Map<String, String> contacts;

    IssuingOffices(JdbcTemplate jdbc, Environment env) {
        this.jdbc = jdbc;
        Binder binder = Binder.get(env);
        Bindable<Map<String, String>> map = Bindable.mapOf(String.class, String.class);
        this.prefixes = binder.bind("dudao.documents.prefixes", map).orElse(Map.of());
        this.issuers = binder.bind("dudao.documents.issuers", map).orElse(Map.of());
        this.contacts = binder.bind("dudao.documents.contacts", map).orElse(Map.of());
    }

    /**
     * The next 文号 of the office for {@code year}. The counter row stays locked until the caller's transaction
     * ends, so numbers are handed out one at a time and a rolled-back document leaves no gap.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String nextNumber(String officeCode, String officeName, int year) {
        return prefix(officeCode, officeName) + "〔" + year + "〕" + nextCount(officeCode, year) + "号";
    }

    /**
     * The next of a gapless counter per year in {@code document_number} (文号 count under the office's code; other
     * series, such as the briefings' 期号, under a key of their own). The row update locks the counter until the
     * caller's transaction ends: concurrent callers on any node wait their turn, and a rollback gives it back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int nextCount(String counter, int year) {
        if (jdbc.update(COUNT, counter, year) == 0) {
            startYear(counter, year);
            jdbc.update(COUNT, counter, year);
        }
        return jdbc.queryForObject(
                "select last_number from document_number where office = ? and doc_year = ?",
                Integer.class,
                counter,
                year);
    }

    /** The 落款 the office signs with. */
    public String signature(String officeCode, String officeName) {
        return issuers.getOrDefault(officeCode, officeName + "人民政府教育督导室");
    }

    /** Where objections to the office's 公示 may also go (e.g. a telephone), or null. */
    public String contact(String officeCode) {
        return contacts.get(officeCode);
    }

    String prefix(String officeCode, String officeName) {
        return prefixes.getOrDefault(officeCode, officeName.substring(0, 1) + "督");
    }

    /**
     * The year's counter at 0, in the caller's transaction: a second caller starting the same year waits for the
     * first one's row and then leaves it be. (A transaction of its own would need a second connection while this
     * one is held: twenty first issues of a year at once on a pool of ten would wait for each other until the
     * pool times out.)
     */
    private void startYear(String officeCode, int year) {
        jdbc.update(
                "insert into document_number (office, doc_year, last_number) values (?, ?, 0) on conflict do nothing",
                officeCode,
                year);
    }
}
