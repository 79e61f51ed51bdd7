package org.dudao.evaluation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A project's ranking published to its evaluated units, and on a public page when {@code publicPage}. */
@Entity
@Table(name = "ranking_publication")
public class RankingPublication {

    @Id
    private Long projectId;

    private boolean publicPage;
    private String publishedBy;
    private Instant publishedAt;

    protected RankingPublication() {}

    RankingPublication(Long projectId) {
        this.projectId = projectId;
    }

    void publish(boolean publicPage, String by, Instant at) {
        this.publicPage = publicPage;
        this.publishedBy = by;
        this.publishedAt = at;
    }

    boolean isPublicPage() {
        return publicPage;
    }

    String getPublishedBy() {
        return publishedBy;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }
}
