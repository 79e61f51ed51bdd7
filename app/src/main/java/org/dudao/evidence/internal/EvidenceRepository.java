package org.dudao.evidence.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EvidenceRepository extends JpaRepository<Evidence, Long> {

    List<Evidence> findByOrgUnitIdOrderByUploadedAtDesc(Long orgUnitId);
}
