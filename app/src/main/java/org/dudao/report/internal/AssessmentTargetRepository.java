package org.dudao.report.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentTargetRepository extends JpaRepository<AssessmentTarget, Long> {

    Optional<AssessmentTarget> findByProjectCodeAndOrgUnitId(String projectCode, Long orgUnitId);
}
