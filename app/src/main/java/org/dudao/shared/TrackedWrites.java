package org.dudao.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.hibernate.HibernateException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Moves the {@link ChangeClock} of a {@link Tracked} entity's feature once per transaction that wrote it, just
 * before the commit (after Hibernate's last flush), on the transaction's own connection: the counter and the
 * write commit or roll back together, and the counter row is locked only for the last moments of the transaction.
 */
@Component
class TrackedWrites
        implements HibernatePropertiesCustomizer,
                Integrator,
                PostInsertEventListener,
                PostUpdateEventListener,
                PostDeleteEventListener,
                PostCollectionRecreateEventListener,
                PostCollectionUpdateEventListener,
                PostCollectionRemoveEventListener {

    /** Topics already due in a session's transaction. */
    private final Map<SharedSessionContractImplementor, Set<String>> due =
            Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public void customize(Map<String, Object> properties) {
        properties.put("hibernate.integrator_provider", (IntegratorProvider) () -> List.of(this));
    }

    @Override
    public void integrate(Metadata metadata, BootstrapContext context, SessionFactoryImplementor factory) {
        EventListenerRegistry registry = factory.getServiceRegistry().requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
        registry.appendListeners(EventType.POST_COLLECTION_RECREATE, this);
        registry.appendListeners(EventType.POST_COLLECTION_UPDATE, this);
        registry.appendListeners(EventType.POST_COLLECTION_REMOVE, this);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor factory, SessionFactoryServiceRegistry registry) {}

    @Override
    public void onPostInsert(PostInsertEvent event) {
        written(event.getSession(), event.getEntity());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        written(event.getSession(), event.getEntity());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        written(event.getSession(), event.getEntity());
    }

    @Override
    public void onPostRecreateCollection(org.hibernate.event.spi.PostCollectionRecreateEvent event) {
        collection(event);
    }

    @Override
    public void onPostUpdateCollection(org.hibernate.event.spi.PostCollectionUpdateEvent event) {
        collection(event);
    }

    @Override
    public void onPostRemoveCollection(org.hibernate.event.spi.PostCollectionRemoveEvent event) {
        collection(event);
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void collection(AbstractCollectionEvent event) {
        written(event.getSession(), event.getAffectedOwnerOrNull());
    }

    private void written(EventSource session, Object entity) {
        if (entity == null || !entity.getClass().isAnnotationPresent(Tracked.class)) {
            return;
        }
        String topic = ChangeClock.topicOf(entity.getClass());
        Set<String> topics = due.computeIfAbsent(session, s -> {
            Set<String> fresh = Collections.synchronizedSet(new HashSet<>());
            session.getActionQueue().registerProcess((success, s2) -> due.remove(session));
            return fresh;
        });
        if (topics.add(topic)) {
            session.getActionQueue().registerProcess(s -> bump(s, topic));
        }
    }

    private static void bump(SharedSessionContractImplementor session, String topic) {
        try (PreparedStatement update = session.getJdbcCoordinator()
                .getLogicalConnection()
                .getPhysicalConnection()
                .prepareStatement(ChangeClock.BUMP)) {
            update.setString(1, topic);
            if (update.executeUpdate() != 1) {
                throw new HibernateException("no change_clock row for topic " + topic);
            }
        } catch (SQLException e) {
            throw new HibernateException("change_clock " + topic, e);
        }
    }
}
