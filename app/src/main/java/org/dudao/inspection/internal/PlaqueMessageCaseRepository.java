package org.dudao.inspection.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PlaqueMessageCaseRepository extends JpaRepository<PlaqueMessageCase, Long> {}
