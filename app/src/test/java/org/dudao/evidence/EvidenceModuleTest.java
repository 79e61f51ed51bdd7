package org.dudao.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dudao.support.OrgForms.unit;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.dudao.org.OrgTree;
import org.dudao.org.OrgUnits;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.support.AsSystem;
import org.dudao.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Evidence below collection and evaluation: files belong to one unit, and no task exists without collection. */
@ModuleTest
class EvidenceModuleTest {

    @Autowired
    EvidenceStore store;

    @Autowired
    OrgTree tree;

    @Autowired
    OrgUnits units;

    @Test
    void aFileCountsOnlyForItsOwnUnit() {
        EvidenceView file = AsSystem.get(() -> {
            tree.create(unit("E-P", "佐证省", "PROVINCE", null));
            tree.create(unit("E-C", "佐证市", "CITY", "E-P"));
            tree.create(unit("E-X", "佐证县", "COUNTY", "E-C"));
            tree.create(unit("E-A", "甲小学", "PRIMARY", "E-X"));
            tree.create(unit("E-B", "乙小学", "PRIMARY", "E-X"));
            return upload(null);
        });
        long own = AsSystem.get(() -> units.readable("E-A").id());
        long sibling = AsSystem.get(() -> units.readable("E-B").id());

        Problems forOwn = new Problems();
        AsSystem.get(() -> {
            store.checkOwnedBy(own, List.of(file.id()), "evidence", forOwn);
            return null;
        });
        Problems forSibling = new Problems();
        AsSystem.get(() -> {
            store.checkOwnedBy(sibling, List.of(file.id()), "evidence", forSibling);
            return null;
        });

        assertThat(forOwn.isEmpty()).isTrue();
        assertThat(forSibling.isEmpty()).isFalse();
        assertThatThrownBy(() -> AsSystem.get(() -> upload(1L))).isInstanceOf(NotFoundException.class);
    }

    private EvidenceView upload(Long taskId) {
        try {
            byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF".getBytes();
            return store.upload(new ByteArrayInputStream(pdf), "安全鉴定.pdf", "E-A", "2026", null, taskId);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
