package org.dudao.evaluation.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ExpertRepository extends JpaRepository<Expert, Long> {

    /** The experts kept by the offices in a subtree. */
    @Query("select e from Expert e where e.officePath like concat(:path, '%') order by e.id")
    List<Expert> findUnder(String path);

    /** The experts kept by any of these offices (a draw reads the pools at and above the group's office). */
    List<Expert> findByOfficePathInOrderByIdAsc(List<String> paths);
}
