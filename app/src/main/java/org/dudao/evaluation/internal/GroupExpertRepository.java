package org.dudao.evaluation.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GroupExpertRepository extends JpaRepository<GroupExpert, Long> {
    List<GroupExpert> findByGroupIdOrderByIdAsc(Long groupId);

    Optional<GroupExpert> findByGroupIdAndExpertId(Long groupId, Long expertId);
}
