package org.dudao.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** 文号 are gapless per office and year: handed out one at a time, given back by a document that is not saved. */
@DudaoTest
class IssuingOfficesTest {

    @Autowired
    IssuingOffices offices;

    @Autowired
    TransactionTemplate transactions;

    private String next(String office, String name, int year) {
        return transactions.execute(s -> offices.nextNumber(office, name, year));
    }

    @Test
    void numbersFollowOnePerOfficeAndYearWithTheOfficesPrefix() {
        assertThat(next("T-DOC-A", "青山县", 2040)).isEqualTo("青督〔2040〕1号");
        assertThat(next("T-DOC-A", "青山县", 2040)).isEqualTo("青督〔2040〕2号");
        // another year and another office start again at 1
        assertThat(next("T-DOC-A", "青山县", 2041)).isEqualTo("青督〔2041〕1号");
        assertThat(next("T-DOC-B", "东湖区", 2040)).isEqualTo("东督〔2040〕1号");
        assertThat(offices.signature("T-DOC-B", "东湖区")).isEqualTo("东湖区人民政府教育督导室");
    }

    @Test
    void aDocumentNotSavedGivesItsNumberBack() {
        transactions.executeWithoutResult(s -> {
            offices.nextNumber("T-DOC-R", "青山县", 2040);
            s.setRollbackOnly();
        });
        assertThat(next("T-DOC-R", "青山县", 2040)).isEqualTo("青督〔2040〕1号");
    }

    @Test
    void parallelDocumentsNeverShareANumberNorSkipOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> numbers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Callable<String> next = () -> next("T-DOC-P", "青山县", 2040);
                numbers.add(pool.submit(next));
            }
            List<String> got = new ArrayList<>();
            for (Future<String> f : numbers) {
                got.add(f.get());
            }
            List<String> expected = new ArrayList<>();
            for (int n = 1; n <= 40; n++) {
                expected.add("青督〔2040〕" + n + "号");
            }
            assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
    }
}
