package org.camelbigmarker.health;

import org.apache.camel.health.HealthCheck;

/**
 * What the component's health checks share: an id in a group, switchable, and readiness only: BigMarker or a webhook
 * being unavailable is no reason for a platform to restart the application.
 */
public abstract class ReadinessCheck implements HealthCheck {

    private final String group;
    private final String id;
    private volatile boolean enabled = true;

    protected ReadinessCheck(String group, String id) {
        this.group = group;
        this.id = id;
    }

    @Override
    public String getGroup() {
        return group;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }
}
