package org.camelbigmarker.examples;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnector;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** An ActiveMQ Artemis broker inside the JVM (in-VM acceptor, no persistence, no security): the example's queue. */
public final class EmbeddedBroker implements AutoCloseable {

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final ActiveMQConnectionFactory connectionFactory = new ActiveMQConnectionFactory("vm://0");

    public EmbeddedBroker start() throws Exception {
        broker.setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://0"));
        broker.start();
        return this;
    }

    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    /** How many messages wait on a queue (browsed, not consumed). */
    public int depth(String queue) throws Exception {
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(queue));
            int count = 0;
            for (var messages = browser.getEnumeration(); messages.hasMoreElements(); messages.nextElement()) {
                count++;
            }
            return count;
        }
    }

    @Override
    public void close() throws Exception {
        connectionFactory.close();
        broker.stop();
        // Artemis keeps static, non-daemon client and in-VM thread pools: without this the JVM never exits
        InVMConnector.resetThreadPool();
        ActiveMQClient.clearThreadPools();
    }
}
