package org.dudao;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.dudao.support.ClusterNode;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;

/** Scheduled jobs run once per cluster (issue 17): every job takes the database lock, and two nodes firing together run it once. */
@DudaoTest
class ClusterJobsTest {

    /** Jobs whose work is the node's own, so every node runs them. */
    private static final Set<String> PER_NODE = Set.of("ImportJobs.heartbeat");

    @Autowired
    Environment environment;

    @Test
    void everyScheduledJobTakesTheClusterLockUnlessItIsTheNodesOwn() {
        List<String> unlocked = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.dudao").stream()
                        .flatMap(c -> c.getMethods().stream())
                        .filter(m -> m.isAnnotatedWith(Scheduled.class) && !m.isAnnotatedWith(SchedulerLock.class))
                        .map(m -> m.getOwner().getSimpleName() + "." + m.getName())
                        .toList();
        assertThat(unlocked).containsExactlyInAnyOrderElementsOf(PER_NODE);
    }

    @Test
    void twoNodesFiringTogetherRunTheJobOnce() throws Exception {
        try (ConfigurableApplicationContext one = node();
                ConfigurableApplicationContext two = node()) {
            CyclicBarrier together = new CyclicBarrier(2);
            var first = CompletableFuture.runAsync(() -> fire(one, together));
            var second = CompletableFuture.runAsync(() -> fire(two, together));
            CompletableFuture.allOf(first, second).join();
            assertThat(OnceJob.RUNS).hasValue(1);
            // the lock is held at least a few seconds: a node whose clock runs behind does not run it again
            two.getBean(OnceJob.class).run();
            assertThat(OnceJob.RUNS).hasValue(1);
        }
    }

    private static void fire(ConfigurableApplicationContext node, CyclicBarrier together) {
        OnceJob job = node.getBean(OnceJob.class);
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        job.run();
    }

    private ConfigurableApplicationContext node() {
        return ClusterNode.start(environment, new Class<?>[] {OnceJob.class});
    }

    static class OnceJob {
        static final AtomicInteger RUNS = new AtomicInteger();

        @SchedulerLock(name = "cluster-jobs-test", lockAtLeastFor = "PT10S")
        public void run() {
            RUNS.incrementAndGet();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
