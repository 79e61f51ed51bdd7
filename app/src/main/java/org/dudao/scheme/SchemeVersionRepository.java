package org.dudao.scheme;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SchemeVersionRepository extends JpaRepository<SchemeVersion, Long> {

    Optional<SchemeVersion> findBySchemeIdAndNumber(Long schemeId, int number);

    List<SchemeVersion> findBySchemeIdOrderByNumberDesc(Long schemeId);
}
