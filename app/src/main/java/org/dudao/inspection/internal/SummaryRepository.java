package org.dudao.inspection.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SummaryRepository extends JpaRepository<Summary, Long> {

    List<Summary> findByInspectorIdIn(Collection<Long> inspectorIds);

    Optional<Summary> findByInspectorIdAndKindAndPeriod(Long inspectorId, String kind, String period);
}
