package org.dudao.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.dudao.shared.Access;
import org.dudao.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@ModuleTest
class AuditModuleTest {

    @Autowired
    AuditLog log;

    @Autowired
    TransactionTemplate tx;

    @Test
    void recordsAChangeOnlyInsideTheCallersTransaction() {
        assertThatThrownBy(() -> log.created("probe", 1, "outside", "/1/", Map.of("a", 1)))
                .isInstanceOf(IllegalTransactionStateException.class);

        Access.runAsSystem(() -> tx.executeWithoutResult(
                s -> log.updated("probe", 2, "module test", "/1/", Map.of("a", 1), Map.of("a", 2))));

        Access.runAsSystem(() -> assertThat(log.search("probe", "module test", PageRequest.of(0, 10))
                        .getContent())
                .singleElement()
                .satisfies(e -> assertThat(e.getAction()).isEqualTo("UPDATE")));
    }
}
