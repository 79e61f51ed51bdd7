package org.dudao.evaluation.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProjectRepository extends JpaRepository<Project, Long> {
    Optional<Project> findByCode(String code);

    boolean existsByCode(String code);

    List<Project> findByOrgUnitIdOrderByYearAsc(Long orgUnitId);
}
