package org.dudao.evaluation.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RankingPublicationRepository extends JpaRepository<RankingPublication, Long> {}
