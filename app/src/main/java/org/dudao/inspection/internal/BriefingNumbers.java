package org.dudao.inspection.internal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 期号 of the briefings, one gapless sequence per office and year in {@code document_number} (as the 文号 of
 * {@code IssuingOffices}): the counter row stays locked until the issuing transaction ends, so two nodes never
 * hand out one number twice and a briefing that is not issued gives its number back.
 */
@Component
public class BriefingNumbers {

    private static final String COUNT =
            "update document_number set last_number = last_number + 1 where office = ? and doc_year = ?";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separately;

    BriefingNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int next(String officeCode, int year) {
        String key = "BRIEF:" + officeCode;
        if (jdbc.update(COUNT, key, year) == 0) {
            try {
                separately.executeWithoutResult(s -> jdbc.update(
                        "insert into document_number (office, doc_year, last_number) values (?, ?, 0)", key, year));
            } catch (DuplicateKeyException e) {
                // another request started the year at the same moment: its row is the one to count on
            }
            jdbc.update(COUNT, key, year);
        }
        return jdbc.queryForObject(
                "select last_number from document_number where office = ? and doc_year = ?", Integer.class, key, year);
    }
}
