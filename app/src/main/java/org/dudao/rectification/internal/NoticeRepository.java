package org.dudao.rectification.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NoticeRepository extends JpaRepository<Notice, Long> {

    List<Notice> findByOrgUnitIdAndSourceRefOrderByIdAsc(Long orgUnitId, String sourceRef);

    boolean existsBySourceRef(String sourceRef);
}
