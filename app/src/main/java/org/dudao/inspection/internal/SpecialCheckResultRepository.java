package org.dudao.inspection.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SpecialCheckResultRepository extends JpaRepository<SpecialCheckResult, Long> {

    List<SpecialCheckResult> findByCheckIdInOrderByIdAsc(List<Long> checkIds);

    Optional<SpecialCheckResult> findByCheckIdAndItemCode(Long checkId, String itemCode);
}
